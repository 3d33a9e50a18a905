using RxTrader.Core;
using RxTrader.Trading.Positions;

namespace RxTrader.Trading.Tests.Positions;

public sealed class PositionTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Apply_BadArguments_Throw()
    {
        var flat = Position.Flat(Btc);

        Should.Throw<ArgumentOutOfRangeException>(() => flat.Apply(Side.Buy, 0m, 10m, 0m));
        Should.Throw<ArgumentOutOfRangeException>(() => flat.Apply(Side.Buy, 1m, -10m, 0m));
        Should.Throw<ArgumentOutOfRangeException>(() => flat.Apply(Side.Buy, 1m, 10m, -1m));
        Should.Throw<ArgumentOutOfRangeException>(() => flat.Apply((Side)9, 1m, 10m, 0m));
        Should.Throw<ArgumentOutOfRangeException>(() => flat.WithMark(0m));
    }

    [Fact]
    public void Apply_TwoBuys_AveragesByQuantity()
    {
        // 1 @ 100 + 3 @ 120 = 460 / 4 = 115.
        var p = Position.Flat(Btc).Apply(Side.Buy, 1m, 100m, 0.1m).Apply(Side.Buy, 3m, 120m, 0.3m);

        p.Quantity.ShouldBe(4m);
        p.AveragePrice.ShouldBe(115m);
        p.RealizedPnl.ShouldBe(0m);
        p.Fees.ShouldBe(0.4m);
        p.FillCount.ShouldBe(2);
    }

    [Fact]
    public void Apply_PartialSell_RealizesAgainstAverageAndKeepsIt()
    {
        // Long 4 @ 115, sell 1.5 @ 130: realized 1.5 × 15 = 22.5; 2.5 left @ 115.
        var p = Position.Flat(Btc).Apply(Side.Buy, 4m, 115m, 0m).Apply(Side.Sell, 1.5m, 130m, 0.2m);

        p.Quantity.ShouldBe(2.5m);
        p.AveragePrice.ShouldBe(115m);
        p.RealizedPnl.ShouldBe(22.5m);
        p.Fees.ShouldBe(0.2m);
    }

    [Fact]
    public void Apply_SellThroughZero_FlipsShortAtTheFillPrice()
    {
        // Long 2 @ 100, sell 5 @ 90: realized 2 × (−10) = −20; short 3 @ 90.
        var p = Position.Flat(Btc).Apply(Side.Buy, 2m, 100m, 0m).Apply(Side.Sell, 5m, 90m, 0m);

        p.Quantity.ShouldBe(-3m);
        p.AveragePrice.ShouldBe(90m);
        p.RealizedPnl.ShouldBe(-20m);
    }

    [Fact]
    public void Apply_ShortThenCover_RealizesInverse()
    {
        // Short 2 @ 100 then 2 @ 110 → short 4 @ 105; buy 1 @ 95 → realized +10, short 3 @ 105; buy 3 @ 107 → realized −6, flat.
        var p = Position.Flat(Btc).Apply(Side.Sell, 2m, 100m, 0m).Apply(Side.Sell, 2m, 110m, 0m);
        p.Quantity.ShouldBe(-4m);
        p.AveragePrice.ShouldBe(105m);

        p = p.Apply(Side.Buy, 1m, 95m, 0m);
        p.RealizedPnl.ShouldBe(10m);
        p.AveragePrice.ShouldBe(105m);

        p = p.Apply(Side.Buy, 3m, 107m, 0m);
        p.IsFlat.ShouldBeTrue();
        p.AveragePrice.ShouldBe(0m);
        p.RealizedPnl.ShouldBe(4m);
    }

    [Fact]
    public void Unrealized_AgainstMark_AndNetLessFees()
    {
        // Long 2 @ 100 (fees 0.5), mark 104: unrealized 8; net 8 − 0.5.
        var p = Position.Flat(Btc).Apply(Side.Buy, 2m, 100m, 0.5m);
        p.UnrealizedPnl.ShouldBe(0m);

        p = p.WithMark(104m);
        p.UnrealizedPnl.ShouldBe(8m);
        p.NetPnl.ShouldBe(7.5m);

        // Short 1 @ 50, mark 45: unrealized +5.
        Position.Flat(Btc).Apply(Side.Sell, 1m, 50m, 0m).WithMark(45m).UnrealizedPnl.ShouldBe(5m);
    }

    [Fact]
    public void PnlSummary_SumsPositions()
    {
        var a = Position.Flat(Btc).Apply(Side.Buy, 2m, 100m, 0.5m).Apply(Side.Sell, 1m, 110m, 0.5m).WithMark(120m);
        var b = Position.Flat(new Symbol("ETHUSDT")).Apply(Side.Sell, 1m, 50m, 0.25m).WithMark(45m);

        var summary = PnlSummary.Of([a, b]);

        summary.Realized.ShouldBe(10m);
        summary.Unrealized.ShouldBe(25m);
        summary.Fees.ShouldBe(1.25m);
        summary.Net.ShouldBe(33.75m);
    }
}

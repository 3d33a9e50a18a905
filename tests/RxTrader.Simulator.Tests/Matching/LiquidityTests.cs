using System.Reactive.Linq;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Matching;

public sealed class LiquidityTests
{
    [Fact]
    public void PlaceLiquidity_RestsWithoutAccountOrReports()
    {
        using var f = new EngineFixture();

        var placed = f.Engine.PlaceLiquidity(BtcUsdt, Side.Buy, 99m, 2m).Value;

        placed.ShouldBe(new LiquidityOrder(1, Side.Buy, 99m, 2m, 0m));
        f.Engine.GetLiquidity(BtcUsdt).ShouldBe([placed]);
        f.Reports.ShouldBeEmpty();
        f.Events.ShouldHaveSingleItem().ShouldBeOfType<DepthChanged>();
    }

    [Fact]
    public void PlaceLiquidity_Crossing_TakesUserOrdersWhoGetMakerFills()
    {
        using var f = new EngineFixture();
        var user = f.Place(Alice, Limit(Side.Sell, 100m, 1m)).Order.OrderId;

        var placed = f.Engine.PlaceLiquidity(BtcUsdt, Side.Buy, 101m, 3m).Value;

        placed.ShouldBe(new LiquidityOrder(2, Side.Buy, 101m, 2m, 1m));
        var report = f.Reports.Last();
        report.OrderId.ShouldBe(user);
        report.IsMaker.ShouldBeTrue();
        report.Commission.ShouldBe(0.1m); // 0.1 % of 100 USDT
        f.Events.OfType<PublicTradeExecuted>().ShouldHaveSingleItem().Trade.IsBuyerMaker.ShouldBeFalse();
        f.Engine.GetDepth(BtcUsdt).Value.Bids.ShouldBe([new BookLevel(101m, 2m)]);
    }

    [Fact]
    public void ReplaceLiquidity_NewIdBackOfTheQueueOneDiff()
    {
        using var f = new EngineFixture();
        var old = f.Liquidity(Side.Sell, 101m, 1m);
        f.Liquidity(Side.Sell, 102m, 1m);
        f.Events.Clear();

        var replaced = f.Engine.ReplaceLiquidity(BtcUsdt, old, 102m, 4m).Value;

        replaced.OrderId.ShouldBe(3);
        f.Engine.GetLiquidity(BtcUsdt).Select(l => l.OrderId).ShouldBe([2L, 3L]);
        var diff = f.Events.ShouldHaveSingleItem().ShouldBeOfType<DepthChanged>().Update;
        diff.Asks.ShouldBe([new BookLevel(101m, 0m), new BookLevel(102m, 5m)]);

        f.Place(Alice, Limit(Side.Buy, 102m, 1m));
        f.Engine.GetLiquidity(BtcUsdt).Select(l => l.OrderId).ShouldBe([3L]); // the older order at 102 filled first
    }

    [Fact]
    public void CancelAllLiquidity_LeavesUserOrdersInOneDiff()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 101m, 1m);
        f.Liquidity(Side.Buy, 99m, 1m);
        f.Place(Alice, Limit(Side.Buy, 99m, 1m));
        f.Events.Clear();

        f.Engine.CancelAllLiquidity(BtcUsdt).ShouldBe(2);

        f.Events.ShouldHaveSingleItem().ShouldBeOfType<DepthChanged>();
        var depth = f.Engine.GetDepth(BtcUsdt).Value;
        depth.Bids.ShouldBe([new BookLevel(99m, 1m)]);
        depth.Asks.ShouldBeEmpty();
        f.Engine.CancelAllLiquidity(new Symbol("NOPE")).ShouldBe(0);
    }

    [Fact]
    public void Liquidity_BadArguments()
    {
        using var f = new EngineFixture();
        var unknown = new Symbol("ETHUSDT");

        Should.Throw<ArgumentOutOfRangeException>(() => f.Engine.PlaceLiquidity(BtcUsdt, Side.Buy, 0m, 1m));
        Should.Throw<ArgumentOutOfRangeException>(() => f.Engine.PlaceLiquidity(BtcUsdt, Side.Buy, 1m, -1m));
        Should.Throw<ArgumentOutOfRangeException>(() => f.Engine.ReplaceLiquidity(BtcUsdt, 1, 1m, 0m));
        f.Engine.PlaceLiquidity(unknown, Side.Buy, 1m, 1m).Error.ShouldBe(ExchangeErrors.InvalidSymbol);
        f.Engine.ReplaceLiquidity(unknown, 1, 1m, 1m).Error.ShouldBe(ExchangeErrors.InvalidSymbol);
        f.Engine.CancelLiquidity(unknown, 1).ShouldBeFalse();
        f.Engine.GetLiquidity(unknown).ShouldBeEmpty();
    }
}

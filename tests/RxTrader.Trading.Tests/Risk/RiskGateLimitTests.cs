using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Risk;
using static RxTrader.Trading.Tests.Risk.RiskTestData;

namespace RxTrader.Trading.Tests.Risk;

public sealed class RiskGateLimitTests
{
    private static RiskGate Gate(RiskLimits limits, out InMemoryRiskExposure exposure)
    {
        exposure = new InMemoryRiskExposure();
        return CreateSut(new TestScheduler(), limits, exposure);
    }

    [Fact]
    public void MaxPosition_Buy_AcceptedAtLimitRejectedJustAbove()
    {
        using var gate = Gate(new RiskLimits { MaxPosition = 1m }, out var exposure);
        exposure.SetPosition(Btc, 0.4m);
        exposure.SetOpenOrder(NextId(), Btc, Side.Buy, 0.3m, 100m);

        gate.Check(BuyLimit(0.3m, 100m)).ShouldBeApproved();
        var result = gate.Check(BuyLimit(0.30001m, 100m));

        result.ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxPosition);
        result.Rejection!.Message.ShouldContain("1.00001");
    }

    [Fact]
    public void MaxPosition_Sell_AcceptedAtShortLimitRejectedJustAbove()
    {
        using var gate = Gate(new RiskLimits { MaxPosition = 1m }, out var exposure);
        exposure.SetPosition(Btc, 0.5m);
        exposure.SetOpenOrder(NextId(), Btc, Side.Sell, 0.5m, 100m);

        gate.Check(SellLimit(1m, 100m)).ShouldBeApproved();
        gate.Check(SellLimit(1.00001m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxPosition);
    }

    [Fact]
    public void MaxPosition_OppositeSideOpenOrders_DoNotOffset()
    {
        using var gate = Gate(new RiskLimits { MaxPosition = 1m }, out var exposure);
        exposure.SetOpenOrder(NextId(), Btc, Side.Sell, 5m, 100m);

        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(1.00001m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxPosition);
    }

    [Fact]
    public void MaxPosition_OverTheLimit_ReducingOrderStillFits()
    {
        using var gate = Gate(new RiskLimits { MaxPosition = 1m }, out var exposure);
        exposure.SetPosition(Btc, 3m);

        gate.Check(BuyLimit(0.00001m, 1_000_000m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxPosition);
        gate.Check(SellLimit(2m, 100m)).ShouldBeApproved();
    }

    [Fact]
    public void MaxPosition_PerSymbolOverride_Applies()
    {
        using var gate = Gate(
            new RiskLimits { MaxPosition = 1m, MaxPositionBySymbol = new Dictionary<Symbol, decimal> { [Eth] = 10m } },
            out _);

        gate.Check(BuyLimit(10m, 100m, Eth)).ShouldBeApproved();
        gate.Check(BuyLimit(10.0001m, 100m, Eth)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxPosition);
        gate.Check(BuyLimit(1.00001m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxPosition);
    }

    [Fact]
    public void MaxPosition_MarketByQuoteAmount_EstimatedAtTheMark()
    {
        using var gate = Gate(new RiskLimits { MaxPosition = 1m }, out var exposure);
        exposure.SetMark(Btc, 100m);

        gate.Check(new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 100m)).ShouldBeApproved();
        gate.Check(new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 100.01m))
            .ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxPosition);
    }

    [Fact]
    public void MaxOrderNotional_AcceptedAtLimitRejectedJustAbove()
    {
        using var gate = Gate(new RiskLimits { MaxOrderNotional = 1_000m }, out var exposure);
        exposure.SetMark(Btc, 100m);

        gate.Check(BuyLimit(10m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(10m, 100.01m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOrderNotional);
        gate.Check(Market(Side.Sell, 10m)).ShouldBeApproved();
        gate.Check(Market(Side.Sell, 10.00001m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOrderNotional);
    }

    [Fact]
    public void MaxOrderNotional_UsesTheRoundedOrder()
    {
        using var gate = Gate(new RiskLimits { MaxOrderNotional = 1_000m }, out _);

        // 10.000009 × 100.009 is above 1,000 as asked, exactly 1,000 once rounded to step and tick.
        gate.Check(BuyLimit(10.000009m, 100.009m)).ShouldBeApproved().Price.ShouldBe(100m);
    }

    [Fact]
    public void MaxOpenNotional_AcceptedAtLimitRejectedJustAbove()
    {
        using var gate = Gate(new RiskLimits { MaxOpenNotional = 1_000m }, out var exposure);
        exposure.SetOpenOrder(NextId(), Eth, Side.Buy, 4m, 100m);

        gate.Check(BuyLimit(6m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(6m, 100.01m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOpenNotional);
    }

    [Fact]
    public void MaxOpenOrders_AcceptedUpToLimitRejectedAbove()
    {
        using var gate = Gate(new RiskLimits { MaxOpenOrders = 2 }, out var exposure);

        exposure.SetOpenOrder(NextId(), Eth, Side.Buy, 1m, 100m);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        exposure.SetOpenOrder(NextId(), Btc, Side.Buy, 1m, 100m);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOpenOrders);
    }

    [Fact]
    public void MaxOpenOrdersPerSymbol_CountsOnlyThatSymbol()
    {
        using var gate = Gate(new RiskLimits { MaxOpenOrdersPerSymbol = 1 }, out var exposure);
        exposure.SetOpenOrder(NextId(), Eth, Side.Buy, 1m, 100m);

        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        exposure.SetOpenOrder(NextId(), Btc, Side.Sell, 1m, 100m);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOpenOrdersPerSymbol);
    }

    [Fact]
    public void ZeroLimits_LetNothingThrough()
    {
        using var gate = Gate(new RiskLimits { MaxOpenOrders = 0 }, out _);

        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOpenOrders);
    }

    [Fact]
    public void Checks_RunInTheDocumentedOrder()
    {
        // Everything is wrong at once; each fix uncovers the next check of README.md's table.
        var scheduler = new TestScheduler();
        var exposure = new InMemoryRiskExposure();
        using var gate = CreateSut(
            scheduler,
            new RiskLimits { MaxOrderNotional = 50m, MaxPosition = 0.2m, MaxOpenOrders = 2, MaxOpenOrdersPerSymbol = 1, MaxOpenNotional = 60m, MaxOrdersPerSecond = 1 },
            exposure);
        gate.SetDataHealth(Btc, "trades", DataHealth.Stale);
        gate.SetMode(TradingMode.Halted, "test");
        var ethOrder = NextId();
        exposure.SetOpenOrder(ethOrder, Eth, Side.Buy, 1m, 10m);

        gate.Check(Market(Side.Buy, 0m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.InvalidOrder);
        gate.Check(Market(Side.Buy, 1m, Unknown)).ShouldBeRejected().ShouldBe(RiskRejectionReason.UnknownSymbol);
        gate.Check(Market(Side.Buy, 1m, Halted)).ShouldBeRejected().ShouldBe(RiskRejectionReason.SymbolNotTrading);
        gate.Check(Market(Side.Buy, 1m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.TradingHalted);
        gate.SetMode(TradingMode.Reducing, "test");
        gate.Check(Market(Side.Buy, 1m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.DataUnhealthy);
        gate.SetDataHealth(Btc, "trades", DataHealth.Healthy);
        gate.Check(Market(Side.Buy, 1m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NoMarkPrice);
        exposure.SetMark(Btc, 100m);
        gate.Check(Market(Side.Buy, 0.000001m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.QuantityFilter);
        gate.Check(Market(Side.Buy, 0.04m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NotionalFilter);
        gate.Check(Market(Side.Buy, 1m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NotReducing);
        gate.SetMode(TradingMode.Active, "test");
        gate.Check(Market(Side.Buy, 1m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOrderNotional);
        gate.Check(Market(Side.Buy, 0.3m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxPosition);
        var btcOrder = NextId();
        exposure.SetOpenOrder(btcOrder, Btc, Side.Sell, 0.1m, 500m);
        gate.Check(Market(Side.Buy, 0.2m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOpenOrders);
        exposure.RemoveOpenOrder(ethOrder);
        gate.Check(Market(Side.Buy, 0.2m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOpenOrdersPerSymbol);
        exposure.RemoveOpenOrder(btcOrder);
        exposure.SetOpenOrder(ethOrder, Eth, Side.Buy, 1m, 45m);
        gate.Check(Market(Side.Buy, 0.2m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.MaxOpenNotional);
        exposure.RemoveOpenOrder(ethOrder);
        gate.Check(Market(Side.Buy, 0.2m)).ShouldBeApproved();
        gate.Check(Market(Side.Buy, 0.2m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.OrderRate);
    }
}

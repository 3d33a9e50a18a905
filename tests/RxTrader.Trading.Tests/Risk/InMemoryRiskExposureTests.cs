using RxTrader.Core;
using RxTrader.Trading.Risk;
using static RxTrader.Trading.Tests.Risk.RiskTestData;

namespace RxTrader.Trading.Tests.Risk;

public sealed class InMemoryRiskExposureTests
{
    [Fact]
    public void Empty_ReportsNothing()
    {
        var exposure = new InMemoryRiskExposure();

        exposure.PositionOf(Btc).ShouldBe(0m);
        exposure.OpenQuantity(Btc, Side.Buy).ShouldBe(0m);
        exposure.OpenOrderCount(null).ShouldBe(0);
        exposure.OpenOrderCount(Btc).ShouldBe(0);
        exposure.OpenNotional().ShouldBe(0m);
        exposure.MarkOf(Btc).ShouldBeNull();
    }

    [Fact]
    public void OpenOrders_AggregatedPerSymbolAndSide()
    {
        var exposure = new InMemoryRiskExposure();
        var a = NextId();
        var b = NextId();
        var c = NextId();

        exposure.SetOpenOrder(a, Btc, Side.Buy, 1m, 100m);
        exposure.SetOpenOrder(b, Btc, Side.Sell, 2m, 110m);
        exposure.SetOpenOrder(c, Eth, Side.Buy, 3m, 10m);

        exposure.OpenOrderCount(null).ShouldBe(3);
        exposure.OpenOrderCount(Btc).ShouldBe(2);
        exposure.OpenQuantity(Btc, Side.Buy).ShouldBe(1m);
        exposure.OpenQuantity(Btc, Side.Sell).ShouldBe(2m);
        exposure.OpenNotional().ShouldBe(350m);

        exposure.SetOpenOrder(b, Btc, Side.Sell, 0.5m, 110m);
        exposure.OpenQuantity(Btc, Side.Sell).ShouldBe(0.5m);
        exposure.OpenNotional().ShouldBe(185m);

        exposure.SetOpenOrder(a, Btc, Side.Buy, 0m, 100m);
        exposure.RemoveOpenOrder(c).ShouldBeTrue();
        exposure.RemoveOpenOrder(c).ShouldBeFalse();
        exposure.OpenOrderCount(null).ShouldBe(1);
        exposure.OpenOrderCount(Eth).ShouldBe(0);
        exposure.RemoveOpenOrder(b).ShouldBeTrue();
        exposure.OpenNotional().ShouldBe(0m);
    }

    [Fact]
    public void PositionsAndMarks_SetAndForgotten()
    {
        var exposure = new InMemoryRiskExposure();

        exposure.SetPosition(Btc, -1.5m);
        exposure.SetMark(Btc, 100m);
        exposure.PositionOf(Btc).ShouldBe(-1.5m);
        exposure.MarkOf(Btc).ShouldBe(100m);
        exposure.SetMark(Btc, null);
        exposure.MarkOf(Btc).ShouldBeNull();
        Should.Throw<ArgumentOutOfRangeException>(() => exposure.SetMark(Btc, 0m));
        Should.Throw<ArgumentOutOfRangeException>(() => exposure.SetMark(Btc, -1m));
    }
}

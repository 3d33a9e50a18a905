using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Orders;

namespace RxTrader.Trading.Tests.Orders;

public sealed class OrderManagerExposureTests : IDisposable
{
    private readonly OrderManagerFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Constructor_NullManager_Throws()
    {
        Should.Throw<ArgumentNullException>(() => new OrderManagerExposure(null!));
    }

    [Fact]
    public async Task Exposure_NothingTraded_IsZero()
    {
        await _fixture.Manager.StartAsync();
        var exposure = new OrderManagerExposure(_fixture.Manager);

        exposure.PositionOf(OrderManagerFixture.Btc).ShouldBe(0m);
        exposure.OpenQuantity(OrderManagerFixture.Btc, Side.Buy).ShouldBe(0m);
        exposure.OpenOrderCount(null).ShouldBe(0);
        exposure.OpenNotional().ShouldBe(0m);
        exposure.MarkOf(OrderManagerFixture.Btc).ShouldBeNull();
    }

    [Fact]
    public async Task Exposure_OpenOrders_CountedBySymbolAndSideAtTheirPrices()
    {
        await _fixture.Manager.StartAsync();
        var eth = new Symbol("ETHUSDT");
        await _fixture.Manager.SubmitAsync(OrderManagerFixture.Limit(1, Side.Buy, 2m, 100m));
        await _fixture.Manager.SubmitAsync(OrderManagerFixture.Limit(2, Side.Buy, 1m, 90m));
        await _fixture.Manager.SubmitAsync(OrderManagerFixture.Limit(3, Side.Sell, 0.5m, 110m));
        await _fixture.Manager.SubmitAsync(OrderRequest.Limit(OrderManagerFixture.Id(4), eth, Side.Buy, 3m, 10m));
        var exposure = new OrderManagerExposure(_fixture.Manager);

        exposure.OpenQuantity(OrderManagerFixture.Btc, Side.Buy).ShouldBe(3m);
        exposure.OpenQuantity(OrderManagerFixture.Btc, Side.Sell).ShouldBe(0.5m);
        exposure.OpenOrderCount(OrderManagerFixture.Btc).ShouldBe(3);
        exposure.OpenOrderCount(eth).ShouldBe(1);
        exposure.OpenOrderCount(null).ShouldBe(4);
        exposure.OpenNotional().ShouldBe((2m * 100m) + 90m + (0.5m * 110m) + 30m);
    }

    [Fact]
    public async Task Exposure_PartialFill_MovesQuantityFromOpenToPosition()
    {
        await _fixture.Manager.StartAsync();
        await _fixture.Manager.SubmitAsync(OrderManagerFixture.Limit(1, Side.Buy, 2m, 100m));
        var exposure = new OrderManagerExposure(_fixture.Manager);

        _fixture.Venue.Execute(OrderManagerFixture.Id(1), 0.5m, 100m);

        exposure.PositionOf(OrderManagerFixture.Btc).ShouldBe(0.5m);
        exposure.OpenQuantity(OrderManagerFixture.Btc, Side.Buy).ShouldBe(1.5m);
        exposure.OpenNotional().ShouldBe(150m);
    }

    [Fact]
    public async Task Exposure_OrderInFlight_CountsBeforeTheVenueAnswers()
    {
        using var fixture = new OrderManagerFixture();
        fixture.Venue.PlaceDelay = TimeSpan.FromSeconds(1);
        await fixture.Manager.StartAsync();
        var exposure = new OrderManagerExposure(fixture.Manager);

        var pending = fixture.Manager.SubmitAsync(OrderManagerFixture.Limit(1, Side.Sell, 2m, 100m));

        pending.IsCompleted.ShouldBeFalse();
        exposure.OpenOrderCount(null).ShouldBe(1);
        exposure.OpenQuantity(OrderManagerFixture.Btc, Side.Sell).ShouldBe(2m);
        fixture.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        (await pending).Tracking.ShouldBe(OrderTracking.Open);
    }

    [Fact]
    public async Task Exposure_MarketOrders_ValuedAtTheMark()
    {
        using var fixture = new OrderManagerFixture();
        fixture.Venue.PlaceDelay = TimeSpan.FromSeconds(1);
        await fixture.Manager.StartAsync();
        fixture.Manager.UpdateMark(OrderManagerFixture.Btc, 50m);
        var exposure = new OrderManagerExposure(fixture.Manager);

        _ = fixture.Manager.SubmitAsync(OrderRequest.Market(OrderManagerFixture.Id(1), OrderManagerFixture.Btc, Side.Buy, 2m));
        _ = fixture.Manager.SubmitAsync(new OrderRequest(OrderManagerFixture.Id(2), OrderManagerFixture.Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 100m));

        exposure.MarkOf(OrderManagerFixture.Btc).ShouldBe(50m);
        exposure.OpenQuantity(OrderManagerFixture.Btc, Side.Buy).ShouldBe(4m);
        exposure.OpenNotional().ShouldBe(200m);
    }
}

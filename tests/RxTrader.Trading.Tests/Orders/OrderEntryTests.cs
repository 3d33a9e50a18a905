using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Orders;
using RxTrader.Trading.Risk;
using RxTrader.Trading.Tests.Risk;

namespace RxTrader.Trading.Tests.Orders;

public sealed class OrderEntryTests : IDisposable
{
    private readonly OrderManagerFixture _fixture = new();
    private readonly RiskGate _gate;
    private readonly OrderEntry _entry;
    private readonly List<RiskRejection> _rejections = [];

    public OrderEntryTests()
    {
        _gate = new RiskGate([RiskTestData.BtcInfo], new OrderManagerExposure(_fixture.Manager), new RiskLimits { MaxOpenOrders = 2 }, _fixture.Scheduler);
        _gate.Rejections.Subscribe(_rejections.Add);
        _entry = new OrderEntry(_gate, _fixture.Manager);
    }

    public void Dispose()
    {
        _gate.Dispose();
        _fixture.Dispose();
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new OrderEntry(null!, _fixture.Manager));
        Should.Throw<ArgumentNullException>(() => new OrderEntry(_gate, null!));
    }

    [Fact]
    public async Task SubmitAsync_Null_Throws()
    {
        await Should.ThrowAsync<ArgumentNullException>(() => _entry.SubmitAsync(null!));
    }

    [Fact]
    public async Task SubmitAsync_Approved_SendsTheRoundedOrder()
    {
        await _fixture.Manager.StartAsync();

        var result = await _entry.SubmitAsync(OrderRequest.Limit(OrderManagerFixture.Id(1), OrderManagerFixture.Btc, Side.Buy, 0.123456m, 100.019m));

        result.IsSubmitted.ShouldBeTrue();
        result.Rejection.ShouldBeNull();
        result.Order.ShouldNotBeNull().Tracking.ShouldBe(OrderTracking.Open);
        var sent = _fixture.Venue.Placed[OrderManagerFixture.Id(1)];
        sent.Quantity.ShouldBe(0.12345m);
        sent.Price.ShouldBe(100.01m);
        _fixture.Journal.FindOrder(OrderManagerFixture.Id(1)).ShouldNotBeNull().Request.Price.ShouldBe(100.01m);
    }

    [Fact]
    public async Task SubmitAsync_Rejected_SendsAndJournalsNothing()
    {
        await _fixture.Manager.StartAsync();

        var result = await _entry.SubmitAsync(OrderRequest.Limit(OrderManagerFixture.Id(1), OrderManagerFixture.Btc, Side.Buy, 0.000001m, 100m));

        result.IsSubmitted.ShouldBeFalse();
        result.Rejection.ShouldNotBeNull().Reason.ShouldBe(RiskRejectionReason.QuantityFilter);
        _rejections.ShouldBe([result.Rejection]);
        _fixture.Venue.PlaceCalls.ShouldBe(0);
        _fixture.Journal.FindOrder(OrderManagerFixture.Id(1)).ShouldBeNull();
    }

    [Fact]
    public async Task SubmitAsync_OrdersInFlight_CountAgainstTheOpenOrderLimit()
    {
        _fixture.Venue.PlaceDelay = TimeSpan.FromSeconds(1);
        await _fixture.Manager.StartAsync();

        var first = _entry.SubmitAsync(OrderManagerFixture.Limit(1, Side.Buy, 0.1m, 100m));
        var second = _entry.SubmitAsync(OrderManagerFixture.Limit(2, Side.Buy, 0.1m, 100m));
        var third = await _entry.SubmitAsync(OrderManagerFixture.Limit(3, Side.Buy, 0.1m, 100m));

        third.Rejection.ShouldNotBeNull().Reason.ShouldBe(RiskRejectionReason.MaxOpenOrders);
        _fixture.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        (await first).IsSubmitted.ShouldBeTrue();
        (await second).IsSubmitted.ShouldBeTrue();
        _fixture.Venue.PlaceCalls.ShouldBe(2);
    }

    [Fact]
    public async Task CancelAsync_Halted_StillCancels()
    {
        await _fixture.Manager.StartAsync();
        await _entry.SubmitAsync(OrderManagerFixture.Limit(1, Side.Buy, 0.1m, 100m));
        _gate.SetMode(TradingMode.Halted, "test");

        var canceled = await _entry.CancelAsync(OrderManagerFixture.Id(1));

        canceled.ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value.Status.ShouldBe(OrderStatus.Canceled);
        (await _entry.SubmitAsync(OrderManagerFixture.Limit(2, Side.Buy, 0.1m, 100m))).Rejection.ShouldNotBeNull()
            .Reason.ShouldBe(RiskRejectionReason.TradingHalted);
    }
}

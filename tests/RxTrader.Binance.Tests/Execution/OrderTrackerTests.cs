using RxTrader.Binance.Execution;
using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Binance.Tests.Execution;

public sealed class OrderTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_FirstState_Published_SameStateAgain_Dropped()
    {
        var tracker = new OrderTracker(10, new OrderLatencies());

        tracker.Apply(Order("a", OrderStatus.New, 0m), null, T0).ShouldNotBeNull();
        tracker.Apply(Order("a", OrderStatus.New, 0m), null, T0).ShouldBeNull();
    }

    [Fact]
    public void Apply_OlderStateAfterNewer_Dropped()
    {
        var tracker = new OrderTracker(10, new OrderLatencies());
        tracker.Apply(Order("a", OrderStatus.PartiallyFilled, 0.5m), null, T0);

        tracker.Apply(Order("a", OrderStatus.New, 0m), null, T0).ShouldBeNull();
        tracker.Apply(Order("a", OrderStatus.Canceled, 0.5m), null, T0)!.Order.Status.ShouldBe(OrderStatus.Canceled);
        tracker.Apply(Order("a", OrderStatus.PartiallyFilled, 0.5m), null, T0).ShouldBeNull();
    }

    [Fact]
    public void Apply_FillSeenTwice_SecondDropped_ButItsNewerStateStillPublished()
    {
        var tracker = new OrderTracker(10, new OrderLatencies());
        var fill = Fill("a", 1);
        tracker.Apply(Order("a", OrderStatus.PartiallyFilled, 0.5m), fill, T0)!.Fill.ShouldBe(fill);

        tracker.Apply(Order("a", OrderStatus.PartiallyFilled, 0.5m), fill, T0).ShouldBeNull();
        var later = tracker.Apply(Order("a", OrderStatus.Filled, 1m), fill, T0);
        later.ShouldNotBeNull();
        later.Fill.ShouldBeNull();
        later.Order.Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void Apply_NewFillWithAnOlderSnapshot_PublishedWithTheLatestState()
    {
        var tracker = new OrderTracker(10, new OrderLatencies());
        tracker.Apply(Order("a", OrderStatus.Filled, 1m), Fill("a", 2), T0);

        var update = tracker.Apply(Order("a", OrderStatus.PartiallyFilled, 0.5m), Fill("a", 1), T0);

        update!.Fill!.TradeId.ShouldBe(1);
        update.Order.Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void OpenPlacedHere_OnlyOpenOrdersThisVenuePlaced()
    {
        var tracker = new OrderTracker(10, new OrderLatencies());
        tracker.Apply(Order("mine", OrderStatus.New, 0m), null, T0);
        tracker.Placed(Order("mine", OrderStatus.New, 0m), T0, T0);
        tracker.Apply(Order("other", OrderStatus.New, 0m), null, T0);
        tracker.Apply(Order("closed", OrderStatus.Filled, 1m), null, T0);
        tracker.Placed(Order("closed", OrderStatus.Filled, 1m), T0, T0);

        tracker.OpenPlacedHere().Select(o => o.ClientOrderId.Value).ShouldBe(["mine"]);
    }

    [Fact]
    public void ClosedOrders_ForgottenOldestFirstPastTheCapacity_OpenOnesKept()
    {
        var tracker = new OrderTracker(2, new OrderLatencies());
        tracker.Apply(Order("open", OrderStatus.New, 0m), null, T0);
        for (var i = 0; i < 3; i++)
        {
            tracker.Apply(Order($"c{i}", OrderStatus.Canceled, 0m), null, T0);
        }

        tracker.Find(new ClientOrderId("c0")).ShouldBeNull();
        tracker.Find(new ClientOrderId("c1")).ShouldNotBeNull();
        tracker.Find(new ClientOrderId("c2")).ShouldNotBeNull();
        tracker.Find(new ClientOrderId("open")).ShouldNotBeNull();
    }

    [Fact]
    public void ReusedClientIdOfAClosedOrder_IsANewOrder()
    {
        var tracker = new OrderTracker(10, new OrderLatencies());
        tracker.Apply(Order("a", OrderStatus.Filled, 1m, exchangeId: 1), Fill("a", 1), T0);

        tracker.Apply(Order("a", OrderStatus.New, 0m, exchangeId: 2), null, T0)!.Order.ExchangeOrderId.ShouldBe(2);
        tracker.Apply(Order("a", OrderStatus.PartiallyFilled, 0.5m, exchangeId: 2), Fill("a", 1, exchangeId: 2), T0)!.Fill.ShouldNotBeNull();
    }

    [Fact]
    public void Latencies_SubmitToAckFirstFillAndClose_RecordedOnce()
    {
        var latencies = new OrderLatencies();
        var tracker = new OrderTracker(10, latencies);
        tracker.Apply(Order("a", OrderStatus.New, 0m), null, T0.AddMilliseconds(2));
        tracker.Placed(Order("a", OrderStatus.New, 0m), T0, T0.AddMilliseconds(2));
        tracker.Apply(Order("a", OrderStatus.PartiallyFilled, 0.5m), Fill("a", 1), T0.AddMilliseconds(5));
        tracker.Apply(Order("a", OrderStatus.Filled, 1m), Fill("a", 2), T0.AddMilliseconds(9));

        latencies.SubmitToAck.Count.ShouldBe(1);
        latencies.SubmitToAck.Last.ShouldBe(TimeSpan.FromMilliseconds(2));
        latencies.SubmitToFirstFill.Count.ShouldBe(1);
        latencies.SubmitToFirstFill.Last.ShouldBe(TimeSpan.FromMilliseconds(5));
        latencies.SubmitToTerminal.Count.ShouldBe(1);
        latencies.SubmitToTerminal.Last.ShouldBe(TimeSpan.FromMilliseconds(9));
    }

    private static Order Order(string id, OrderStatus status, decimal executed, long exchangeId = 1) => new(
        new ClientOrderId(id), new Symbol("BTCUSDT"), Side.Buy, OrderType.Limit, TimeInForce.GoodTillCanceled, 100m, 1m, executed,
        executed * 100m, status, exchangeId, T0, T0);

    private static Fill Fill(string id, long tradeId, long exchangeId = 1) => new(
        new ClientOrderId(id), exchangeId, tradeId, new Symbol("BTCUSDT"), Side.Buy, 100m, 0.5m, 50m, 0m, "BNB", true, T0);
}

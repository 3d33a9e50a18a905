using System.Diagnostics.Metrics;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Caches;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;
using static RxTrader.Trading.Tests.Orders.OrderManagerFixture;

namespace RxTrader.Trading.Tests.Orders;

public sealed class OrderManagerTests : IDisposable
{
    private readonly OrderManagerFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new OrderManager(null!, _f.Journal, _f.Scheduler));
        Should.Throw<ArgumentNullException>(() => new OrderManager(_f.Venue, null!, _f.Scheduler));
        Should.Throw<ArgumentNullException>(() => new OrderManager(_f.Venue, _f.Journal, null!));
        Should.Throw<ArgumentOutOfRangeException>(() => new OrderManager(_f.Venue, _f.Journal, _f.Scheduler, new OrderManagerOptions { RetainFinalOrders = -1 }));
        Should.Throw<ArgumentOutOfRangeException>(() => new OrderManager(_f.Venue, _f.Journal, _f.Scheduler, new OrderManagerOptions { NotFoundGracePeriod = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public async Task SubmitAsync_BadInputOrNotStarted_ThrowsAndSendsNothing()
    {
        Should.Throw<InvalidOperationException>(() => _f.Manager.SubmitAsync(Limit(1)));
        await _f.Manager.StartAsync();

        Should.Throw<ArgumentNullException>(() => _f.Manager.SubmitAsync(null!));
        Should.Throw<ArgumentException>(() => _f.Manager.SubmitAsync(Limit(1) with { Price = null }));
        Should.Throw<ArgumentException>(() => _f.Manager.CancelAsync(default));

        _f.Venue.PlaceCalls.ShouldBe(0);
        _f.Journal.OrderCount.ShouldBe(0);
    }

    [Fact]
    public async Task SubmitAsync_Accepted_JournalsIntentBeforeSendingAndTracksOpen()
    {
        await _f.Manager.StartAsync();
        JournaledOrder? atSend = null;
        _f.Venue.BeforePlace = request => atSend = _f.Journal.FindOrder(request.ClientOrderId);

        var tracked = await _f.Manager.SubmitAsync(Limit(1));

        atSend.ShouldNotBeNull().Tracking.ShouldBe(OrderTracking.PendingNew);
        atSend.Request.ShouldBe(Limit(1));
        tracked.Tracking.ShouldBe(OrderTracking.Open);
        tracked.Status.ShouldBe(OrderStatus.New);
        _f.Tracked(1).ShouldBe(tracked);
        _f.Journal.FindOrder(Id(1))!.Tracking.ShouldBe(OrderTracking.Open);
        _f.Journal.ReadEvents(Id(1)).Select(e => e.Kind).ShouldBe([JournalEventKind.Intent, JournalEventKind.Accepted]);
        _f.Manager.OpenOrderCount.ShouldBe(1);
        _f.Manager.OpenOrders.ShouldBe([tracked]);
    }

    [Fact]
    public async Task SubmitAsync_SameClientIdTwice_SecondThrowsAndIsNotSent()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1));

        Should.Throw<InvalidOperationException>(() => _f.Manager.SubmitAsync(Limit(1)));

        _f.Venue.PlaceCalls.ShouldBe(1);
    }

    [Fact]
    public async Task SubmitAsync_Rejected_TerminalWithReason()
    {
        await _f.Manager.StartAsync();
        _f.Venue.Script.Enqueue(PlaceScript.Reject);

        var tracked = await _f.Manager.SubmitAsync(Limit(1));

        tracked.Tracking.ShouldBe(OrderTracking.Terminal);
        tracked.LastOutcome.ShouldBe("rejected -2010: Account has insufficient balance.");
        _f.Journal.FindOrder(Id(1))!.Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Manager.OpenOrderCount.ShouldBe(0);
    }

    [Fact]
    public async Task SubmitAsync_UnknownThenFound_ReconcilingUntilQueriedNeverPlacedAgain()
    {
        await _f.Manager.StartAsync();
        _f.Venue.Script.Enqueue(PlaceScript.UnknownButPlaced);

        var tracked = await _f.Manager.SubmitAsync(Limit(1));

        tracked.Tracking.ShouldBe(OrderTracking.Reconciling);
        tracked.LastOutcome.ShouldBe("unknown: timeout");
        _f.Manager.ReconcilingCount.ShouldBe(1);
        _f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(99).Ticks);
        _f.Venue.GetOrderCalls.ShouldBe(0);

        _f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1).Ticks);

        _f.Venue.GetOrderCalls.ShouldBe(1);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Open);
        _f.Tracked(1).Order!.ExchangeOrderId.ShouldBe(_f.Venue.Placed[Id(1)].ExchangeOrderId);
        _f.Journal.FindOrder(Id(1))!.Tracking.ShouldBe(OrderTracking.Open);
        _f.Journal.ReadEvents(Id(1)).Select(e => e.Kind).ShouldBe([JournalEventKind.Intent, JournalEventKind.Unknown, JournalEventKind.ResolvedFound]);
        _f.Venue.PlaceCalls.ShouldBe(1);
        _f.Manager.ReconcilingCount.ShouldBe(0);
        _f.Scheduler.AdvanceBy(TimeSpan.FromMinutes(1).Ticks);
        _f.Venue.GetOrderCalls.ShouldBe(1);
    }

    [Fact]
    public async Task SubmitAsync_UnknownVenueDown_QueriesWithBackoffUntilItAnswers()
    {
        await _f.Manager.StartAsync();
        _f.Venue.Script.Enqueue(PlaceScript.UnknownButPlaced);
        _f.Venue.GetOrderUnknowns = 3;
        var queries = new List<long>();
        _f.Venue.BeforePlace = null;

        await _f.Manager.SubmitAsync(Limit(1));
        for (var ms = 1; ms <= 2000; ms++)
        {
            var before = _f.Venue.GetOrderCalls;
            _f.Scheduler.AdvanceBy(TimeSpan.TicksPerMillisecond);
            if (_f.Venue.GetOrderCalls != before)
            {
                queries.Add(ms);
            }
        }

        // 100, +200, +400, +800 ms.
        queries.ShouldBe([100, 300, 700, 1500]);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Open);
        _f.Venue.PlaceCalls.ShouldBe(1);
    }

    [Fact]
    public async Task SubmitAsync_UnknownThenNotFound_NotPlacedOnlyAfterTheGracePeriod()
    {
        await _f.Manager.StartAsync();
        _f.Venue.Script.Enqueue(PlaceScript.UnknownNotPlaced);

        await _f.Manager.SubmitAsync(Limit(1));
        _f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(9).Ticks);

        _f.Venue.GetOrderCalls.ShouldBeGreaterThan(1);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Reconciling);

        _f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(6).Ticks);

        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.NotPlaced);
        _f.Journal.FindOrder(Id(1))!.Tracking.ShouldBe(OrderTracking.NotPlaced);
        _f.Manager.ReconcilingCount.ShouldBe(0);
        _f.Manager.OpenOrderCount.ShouldBe(0);
        _f.Venue.PlaceCalls.ShouldBe(1);
    }

    [Fact]
    public async Task SubmitAsync_VenueThrows_TreatedAsUnknown()
    {
        await _f.Manager.StartAsync();
        _f.Venue.BeforePlace = _ => throw new HttpRequestException("connection reset");

        var tracked = await _f.Manager.SubmitAsync(Limit(1));

        tracked.Tracking.ShouldBe(OrderTracking.Reconciling);
        tracked.LastOutcome.ShouldContain("connection reset");
    }

    [Theory]
    [InlineData(PlaceScript.NullAnswer)]
    [InlineData(PlaceScript.AnswerForAnotherOrder)]
    public async Task SubmitAsync_MalformedAnswer_ReconciledNotCrashed(PlaceScript script)
    {
        await _f.Manager.StartAsync();
        _f.Venue.Script.Enqueue(script);

        var tracked = await _f.Manager.SubmitAsync(Limit(1));
        tracked.Tracking.ShouldBe(OrderTracking.Reconciling);
        _f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(100).Ticks);

        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Open);
        _f.Venue.PlaceCalls.ShouldBe(1);
    }

    [Fact]
    public async Task Updates_MalformedFillOrMissingOrder_Ignored()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1));
        var update = _f.Venue.Execute(Id(1), 1m, 100m, publish: false);

        _f.Venue.Publish(update with { Fill = update.Fill! with { Quantity = -1m } });
        _f.Venue.Publish(new OrderUpdate(null!, null));

        _f.Journal.FillCount.ShouldBe(0);
        _f.Manager.Positions.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Updates_FillAndTerminalStatus_CachesChangeOnlyAfterBothAreJournaled()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1, quantity: 1m));
        var seen = new List<string>();
        using var positions = _f.Manager.Positions.Connect().Subscribe(_ =>
            seen.Add($"position: fills {_f.Journal.ReadFills(Id(1)).Count}, {_f.Journal.FindOrder(Id(1))!.Tracking}"));
        using var orders = _f.Manager.Orders.Connect().Subscribe(_ =>
            seen.Add($"order: fills {_f.Journal.ReadFills(Id(1)).Count}, {_f.Journal.FindOrder(Id(1))!.Tracking}"));
        seen.Clear();

        _f.Venue.Execute(Id(1), 1m, 100m);

        seen.ShouldBe(["position: fills 1, Terminal", "order: fills 1, Terminal"]);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Journal.ReadEvents(Id(1)).Select(e => e.Kind).ShouldBe(
            [JournalEventKind.Intent, JournalEventKind.Accepted, JournalEventKind.Fill, JournalEventKind.StatusChanged]);
    }

    [Fact]
    public async Task Updates_PartialThenFull_JournalsFillsAndMovesToTerminal()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1, quantity: 2m));

        _f.Venue.Execute(Id(1), 0.5m, 100m, commission: 0.05m);
        _f.Tracked(1).Status.ShouldBe(OrderStatus.PartiallyFilled);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Open);
        _f.Venue.Execute(Id(1), 1.5m, 104m, commission: 0.15m);

        var order = _f.Manager.Orders.Lookup(Id(1)).ShouldNotBeNull();
        order.Tracking.ShouldBe(OrderTracking.Terminal);
        order.ExecutedQuantity.ShouldBe(2m);
        _f.Journal.ReadFills(Id(1)).Count.ShouldBe(2);
        var position = _f.Manager.Positions.Lookup(Btc).ShouldNotBeNull();
        position.Quantity.ShouldBe(2m);
        position.AveragePrice.ShouldBe(103m);
        position.Fees.ShouldBe(0.2m);
        _f.Manager.OpenOrderCount.ShouldBe(0);
    }

    [Fact]
    public async Task Updates_DuplicatesAndStale_AreIgnored()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1, quantity: 2m));
        var first = _f.Venue.Execute(Id(1), 1m, 100m);
        var stale = new OrderUpdate(_f.Venue.Placed[Id(1)] with { ExecutedQuantity = 0m, Status = OrderStatus.New }, null);

        _f.Venue.Publish(first);
        _f.Venue.Publish(first);
        _f.Venue.Publish(stale);

        _f.Tracked(1).Status.ShouldBe(OrderStatus.PartiallyFilled);
        _f.Tracked(1).ExecutedQuantity.ShouldBe(1m);
        _f.Manager.Positions.Lookup(Btc)!.Quantity.ShouldBe(1m);
        _f.Journal.ReadFills(Id(1)).Count.ShouldBe(1);
        _f.Journal.ReadEvents(Id(1)).Count(e => e.Kind == JournalEventKind.StatusChanged).ShouldBe(1);
    }

    [Fact]
    public async Task Updates_OutOfOrder_TerminalStaysTerminalAndEveryFillCountsOnce()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1, quantity: 2m));
        var partial = _f.Venue.Execute(Id(1), 1m, 100m, publish: false);
        var full = _f.Venue.Execute(Id(1), 1m, 102m, publish: false);

        _f.Venue.Publish(full);
        // The filled order is terminal at the venue but its first fill is missing: not final yet.
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Open);
        _f.Tracked(1).Status.ShouldBe(OrderStatus.Filled);
        _f.Venue.Publish(partial);
        _f.Venue.Publish(full);

        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Tracked(1).Status.ShouldBe(OrderStatus.Filled);
        _f.Tracked(1).ExecutedQuantity.ShouldBe(2m);
        _f.Manager.Positions.Lookup(Btc)!.Quantity.ShouldBe(2m);
        _f.Manager.Positions.Lookup(Btc)!.AveragePrice.ShouldBe(101m);
    }

    [Fact]
    public async Task SubmitAsync_AcceptedAlreadyFilledWithoutFillUpdates_FetchesFillsThenTerminal()
    {
        await _f.Manager.StartAsync();
        _f.Venue.Script.Enqueue(PlaceScript.AcceptFilled);

        var tracked = await _f.Manager.SubmitAsync(Limit(1, quantity: 3m, price: 50m));

        tracked.Status.ShouldBe(OrderStatus.Filled);
        tracked.Tracking.ShouldBe(OrderTracking.Open);
        _f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(100).Ticks);

        _f.Venue.GetFillsCalls.ShouldBe(1);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Manager.Positions.Lookup(Btc)!.Quantity.ShouldBe(3m);
        _f.Journal.FindOrder(Id(1))!.Tracking.ShouldBe(OrderTracking.Terminal);
    }

    [Fact]
    public async Task CancelAsync_JournalsRequestAndAnswerAndTerminates()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1));

        var outcome = await _f.Manager.CancelAsync(Id(1));

        outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>();
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Tracked(1).Status.ShouldBe(OrderStatus.Canceled);
        _f.Journal.ReadEvents(Id(1)).Select(e => e.Kind).ShouldBe(
        [
            JournalEventKind.Intent, JournalEventKind.Accepted, JournalEventKind.CancelRequested, JournalEventKind.CancelAnswered, JournalEventKind.StatusChanged,
        ]);
    }

    [Fact]
    public async Task Updates_FillArrivingAfterCancel_JournaledAndAppliedOnceThenFinal()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1, quantity: 2m));
        var late = _f.Venue.Execute(Id(1), 1m, 100m, publish: false);
        await _f.Manager.CancelAsync(Id(1));
        // Canceled with 1 executed but that fill not seen yet: not final until it is journaled.
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Open);
        _f.Tracked(1).Status.ShouldBe(OrderStatus.Canceled);

        _f.Venue.Publish(late);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Venue.Publish(late);

        _f.Tracked(1).Status.ShouldBe(OrderStatus.Canceled);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Journal.ReadFills(Id(1)).Count.ShouldBe(1);
        _f.Manager.Positions.Lookup(Btc)!.Quantity.ShouldBe(1m);
    }

    [Fact]
    public async Task CancelAsync_WhileReconciling_JournaledAndSentByClientId()
    {
        await _f.Manager.StartAsync();
        _f.Venue.Script.Enqueue(PlaceScript.UnknownButPlaced);
        await _f.Manager.SubmitAsync(Limit(1));

        var outcome = await _f.Manager.CancelAsync(Id(1));

        outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>();
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Scheduler.AdvanceBy(TimeSpan.FromMinutes(1).Ticks);
        _f.Venue.GetOrderCalls.ShouldBe(0);
        _f.Venue.PlaceCalls.ShouldBe(1);
    }

    [Fact]
    public async Task CancelAsync_UntrackedOrder_RejectedAsDataNothingSent()
    {
        await _f.Manager.StartAsync();

        var outcome = await _f.Manager.CancelAsync(Id(7));

        outcome.ShouldBeOfType<VenueOutcome<Order>.Rejected>().IsNoSuchOrder.ShouldBeTrue();
        _f.Journal.ReadEvents(Id(7)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Updates_ForeignOrder_ReportedNotAdopted()
    {
        await _f.Manager.StartAsync();
        var foreign = new List<ForeignOrder>();
        using var subscription = _f.Manager.ForeignOrders.Subscribe(foreign.Add);
        _f.Venue.AddForeign(OrderRequest.Limit(ClientOrderId.For("other", 1), Btc, Side.Sell, 1m, 200m));

        _f.Venue.Execute(ClientOrderId.For("other", 1), 1m, 200m);

        foreign.Single().KnownToJournal.ShouldBeFalse();
        _f.Manager.Orders.Count.ShouldBe(0);
        _f.Manager.Positions.Count.ShouldBe(0);
        _f.Journal.FillCount.ShouldBe(0);
    }

    [Fact]
    public async Task Latency_MeasuredOnTheSchedulerAndPublishedOnTheMeter()
    {
        var measured = new List<(string Name, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrderManager.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (measured)
            {
                measured.Add((instrument.Name, value));
            }
        });
        listener.Start();
        await _f.Manager.StartAsync();
        _f.Venue.PlaceDelay = TimeSpan.FromMilliseconds(5);

        var submit = _f.Manager.SubmitAsync(Limit(1, quantity: 2m));
        _f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(5).Ticks);
        (await submit).Tracking.ShouldBe(OrderTracking.Open);
        _f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(15).Ticks);
        _f.Venue.Execute(Id(1), 1m, 100m);
        _f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(30).Ticks);
        _f.Venue.Execute(Id(1), 1m, 100m);

        _f.Manager.Latency.SubmitToAck.Count.ShouldBe(1);
        _f.Manager.Latency.SubmitToAck.Mean.ShouldBe(TimeSpan.FromMilliseconds(5));
        _f.Manager.Latency.SubmitToFirstFill.Mean.ShouldBe(TimeSpan.FromMilliseconds(20));
        _f.Manager.Latency.SubmitToTerminal.Mean.ShouldBe(TimeSpan.FromMilliseconds(50));
        _f.Manager.Latency.SubmitToAck.Percentile(0.99).ShouldBe(TimeSpan.FromMicroseconds(8192));
        lock (measured)
        {
            measured.Where(m => _f.Manager is not null).ShouldContain(("order_roundtrip_latency_seconds", 0.005));
            measured.ShouldContain(("order_first_fill_latency_seconds", 0.02));
            measured.ShouldContain(("order_terminal_latency_seconds", 0.05));
        }
    }

    [Fact]
    public async Task Orders_ConnectReplaysToTheCacheAndTrackingNeverMovesBackwards()
    {
        await _f.Manager.StartAsync();
        var sets = new List<ChangeSet<ClientOrderId, TrackedOrder>>();
        using var subscription = _f.Manager.Orders.Connect().Subscribe(sets.Add);
        _f.Venue.Script.Enqueue(PlaceScript.UnknownButPlaced);
        _f.Venue.Script.Enqueue(PlaceScript.Reject);

        await _f.Manager.SubmitAsync(Limit(1, quantity: 2m));
        await _f.Manager.SubmitAsync(Limit(2));
        await _f.Manager.SubmitAsync(Limit(3));
        _f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        _f.Venue.Execute(Id(1), 1m, 100m);
        _f.Venue.Execute(Id(1), 1m, 100m);
        await _f.Manager.CancelAsync(Id(3));

        var replay = new Dictionary<ClientOrderId, TrackedOrder>();
        var history = new Dictionary<ClientOrderId, List<OrderTracking>>();
        foreach (var change in sets.SelectMany(s => s))
        {
            replay[change.Key] = change.Current;
            if (!history.TryGetValue(change.Key, out var list))
            {
                history[change.Key] = list = [];
            }

            list.Add(change.Current.Tracking);
        }

        replay.ShouldBe(_f.Manager.Orders.KeyValues);
        history[Id(1)].ShouldBe([OrderTracking.PendingNew, OrderTracking.Reconciling, OrderTracking.Open, OrderTracking.Open, OrderTracking.Terminal]);
        history[Id(2)].ShouldBe([OrderTracking.PendingNew, OrderTracking.Terminal]);
        history[Id(3)].ShouldBe([OrderTracking.PendingNew, OrderTracking.Open, OrderTracking.Terminal]);
    }

    [Fact]
    public async Task Orders_FinalOrdersBeyondTheRetention_LeaveTheCacheNotTheJournal()
    {
        using var f = new OrderManagerFixture(new OrderManagerOptions { RetainFinalOrders = 2 });
        await f.Manager.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            f.Venue.Script.Enqueue(PlaceScript.Reject);
            await f.Manager.SubmitAsync(Limit(i));
        }

        await f.Manager.SubmitAsync(Limit(6));

        f.Manager.Orders.Items.Select(o => o.ClientOrderId.Value).Order(StringComparer.Ordinal).ShouldBe([Id(4).Value, Id(5).Value, Id(6).Value]);
        f.Journal.OrderCount.ShouldBe(6);
    }

    [Fact]
    public async Task Balances_AndMarks_FeedTheCachesAndPnl()
    {
        await _f.Manager.StartAsync();
        _f.Manager.Balances.Lookup("USDT").Free.ShouldBe(1000m);
        await _f.Manager.SubmitAsync(Limit(1, quantity: 2m));
        _f.Venue.Execute(Id(1), 2m, 100m, commission: 0.2m);
        _f.Venue.BalanceList.RemoveAt(1);

        _f.Manager.UpdateMark(Btc, 110m);
        (await _f.Manager.RefreshBalancesAsync()).ShouldBeTrue();

        _f.Manager.Pnl.Unrealized.ShouldBe(20m);
        _f.Manager.Pnl.Fees.ShouldBe(0.2m);
        _f.Manager.Pnl.Net.ShouldBe(19.8m);
        _f.Manager.Balances.Items.Select(b => b.Asset).ShouldBe(["USDT"]);
        Should.Throw<ArgumentOutOfRangeException>(() => _f.Manager.UpdateMark(Btc, 0m));
    }

    [Fact]
    public async Task Dispose_StopsReconciliationTimers()
    {
        await _f.Manager.StartAsync();
        _f.Venue.Script.Enqueue(PlaceScript.UnknownButPlaced);
        await _f.Manager.SubmitAsync(Limit(1));

        _f.Manager.Dispose();
        _f.Scheduler.AdvanceBy(TimeSpan.FromMinutes(1).Ticks);

        _f.Venue.GetOrderCalls.ShouldBe(0);
        Should.Throw<ObjectDisposedException>(() => _f.Manager.SubmitAsync(Limit(2)));
    }

    [Fact]
    public async Task OnUpdate_PolledStateWithoutItsFill_FetchesTheFillsOnce()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1, quantity: 2m));

        // A polled state (no fill attached) says 0.5 executed; the stream never brings the fill.
        var executed = _f.Venue.Execute(Id(1), 0.5m, 100m, publish: false);
        _f.Venue.Publish(executed with { Fill = null });

        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Open);
        _f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        _f.Venue.GetFillsCalls.ShouldBe(1);
        _f.Journal.ReadFills(Id(1)).ShouldBe([executed.Fill!]);
        _f.Manager.Positions.Lookup(Btc).ShouldNotBeNull().Quantity.ShouldBe(0.5m);

        // The fill arriving late on the stream changes nothing.
        _f.Venue.Publish(executed);
        _f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);
        _f.Journal.FillCount.ShouldBe(1);
        _f.Manager.Positions.Lookup(Btc).ShouldNotBeNull().Quantity.ShouldBe(0.5m);
        _f.Venue.GetFillsCalls.ShouldBe(1);
    }
}

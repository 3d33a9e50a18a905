using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Orders;
using static RxTrader.Trading.Tests.Orders.OrderManagerFixture;

namespace RxTrader.Trading.Tests.Orders;

public sealed class OrderManagerRestartTests : IDisposable
{
    private readonly OrderManagerFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task StartAsync_Twice_Throws()
    {
        await _f.Manager.StartAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => _f.Manager.StartAsync());
    }

    [Fact]
    public async Task StartAsync_NewJournal_ReportsNothingToReconcileAndLoadsBalances()
    {
        var report = await _f.Manager.StartAsync();

        report.OrdersChecked.ShouldBe(0);
        report.ForeignOrders.ShouldBeEmpty();
        report.BalancesRefreshed.ShouldBeTrue();
        _f.Manager.Balances.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Restart_FillsMissedWhileDown_FetchedJournaledAndAppliedOnce()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1, quantity: 3m));
        await _f.Manager.SubmitAsync(Limit(2, Side.Sell, quantity: 1m, price: 120m));
        _f.Venue.Execute(Id(1), 1m, 100m, commission: 0.1m);

        // Down: the manager misses these.
        _f.Manager.Dispose();
        _f.Venue.Execute(Id(1), 2m, 103m, commission: 0.2m, publish: false);
        _f.Venue.Execute(Id(2), 0.5m, 120m, publish: false);
        var report = await _f.RestartAsync();

        report.OrdersChecked.ShouldBe(2);
        report.Found.ShouldBe(2);
        report.NotPlaced.ShouldBe(0);
        report.StillReconciling.ShouldBe(0);
        report.FillsRecovered.ShouldBe(2);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Tracked(1).ExecutedQuantity.ShouldBe(3m);
        _f.Tracked(2).Tracking.ShouldBe(OrderTracking.Open);
        _f.Tracked(2).Status.ShouldBe(OrderStatus.PartiallyFilled);
        var position = _f.Manager.Positions.Lookup(Btc).ShouldNotBeNull();
        // Buy 1 @ 100, buy 2 @ 103 → 3 @ 102; sell 0.5 @ 120 → realized 9, 2.5 left.
        position.Quantity.ShouldBe(2.5m);
        position.AveragePrice.ShouldBe(102m);
        position.RealizedPnl.ShouldBe(9m);
        position.Fees.ShouldBe(0.3m);
        AssertJournalEqualsVenue();

        // A second restart finds nothing new.
        var again = await _f.RestartAsync();
        again.FillsRecovered.ShouldBe(0);
        _f.Journal.FillCount.ShouldBe(3);
        _f.Manager.Positions.Lookup(Btc).ShouldBe(position);
    }

    [Fact]
    public async Task Restart_IntentNeverSent_ResolvedAsNotPlacedWithoutPlacing()
    {
        await _f.Manager.StartAsync();
        // A crash between journaling the intent and sending it.
        _f.Journal.RecordIntent(Limit(1), _f.Scheduler.Now).ShouldBeTrue();
        _f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(30).Ticks);

        var report = await _f.RestartAsync();

        report.NotPlaced.ShouldBe(1);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.NotPlaced);
        _f.Journal.FindOrder(Id(1))!.Tracking.ShouldBe(OrderTracking.NotPlaced);
        _f.Venue.PlaceCalls.ShouldBe(0);
    }

    [Fact]
    public async Task Restart_IntentSentButAnswerLost_FoundAndTracked()
    {
        await _f.Manager.StartAsync();
        _f.Journal.RecordIntent(Limit(1), _f.Scheduler.Now);
        await _f.Venue.PlaceAsync(Limit(1));

        var report = await _f.RestartAsync();

        report.Found.ShouldBe(1);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Open);
        _f.Venue.PlaceCalls.ShouldBe(1);
        AssertJournalEqualsVenue();
    }

    [Fact]
    public async Task Restart_NotFoundInsideGracePeriod_KeepsReconcilingThenNotPlaced()
    {
        await _f.Manager.StartAsync();
        _f.Journal.RecordIntent(Limit(1), _f.Scheduler.Now);

        var report = await _f.RestartAsync();

        report.StillReconciling.ShouldBe(1);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Reconciling);
        _f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(20).Ticks);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.NotPlaced);
        _f.Manager.ReconcilingCount.ShouldBe(0);
    }

    [Fact]
    public async Task Restart_VenueUnreachable_RetriesWithBackoffUntilKnown()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1));
        _f.Venue.Execute(Id(1), 1m, 100m, publish: false);
        _f.Venue.GetOrderUnknowns = 2;

        var report = await _f.RestartAsync();

        report.StillReconciling.ShouldBe(1);
        _f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(300).Ticks);
        _f.Tracked(1).Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Manager.Positions.Lookup(Btc)!.Quantity.ShouldBe(1m);
        AssertJournalEqualsVenue();
    }

    [Fact]
    public async Task Restart_VenueOpenOrdersUnknownToTheJournal_ReportedAsForeign()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1));
        var foreign = _f.Venue.AddForeign(OrderRequest.Limit(ClientOrderId.For("manual", 1), Btc, Side.Buy, 1m, 90m));

        var report = await _f.RestartAsync();

        report.ForeignOrders.Select(o => o.Order).ShouldBe([foreign]);
        report.ForeignOrders[0].KnownToJournal.ShouldBeFalse();
        _f.Manager.Orders.Lookup(foreign.ClientOrderId).ShouldBeNull();
        _f.Journal.FindOrder(foreign.ClientOrderId).ShouldBeNull();
    }

    [Fact]
    public async Task Restart_OrderGoneFromTheVenue_TerminalWithLastKnownState()
    {
        await _f.Manager.StartAsync();
        await _f.Manager.SubmitAsync(Limit(1));
        _f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(30).Ticks);
        var venue = _f.Venue.Placed;
        ((Dictionary<ClientOrderId, Order>)venue).Remove(Id(1));

        var report = await _f.RestartAsync();

        report.NotPlaced.ShouldBe(1);
        _f.Journal.FindOrder(Id(1))!.Tracking.ShouldBe(OrderTracking.Terminal);
        _f.Journal.FindOrder(Id(1))!.LastOutcome.ShouldContain("gone from the venue");
    }

    [Fact]
    public async Task RandomizedSession_WithRestarts_JournalEqualsVenueAndNothingUnknown()
    {
        var random = new Random(1234);
        await _f.Manager.StartAsync();
        var next = 1;
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                _f.Venue.Script.Enqueue((PlaceScript)random.Next(0, 5));
                var request = Limit(next++, random.Next(2) == 0 ? Side.Buy : Side.Sell, quantity: random.Next(1, 4));
                await _f.Manager.SubmitAsync(request);
                var placed = _f.Venue.Placed.Values.Where(o => !o.IsTerminal).ToList();
                if (placed.Count > 0 && random.Next(3) == 0)
                {
                    var target = placed[random.Next(placed.Count)];
                    _f.Venue.Execute(target.ClientOrderId, Math.Min(1m, target.Quantity - target.ExecutedQuantity), random.Next(90, 110), publish: random.Next(4) != 0);
                }

                _f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(random.Next(0, 300)).Ticks);
            }

            await _f.RestartAsync();
            _f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(30).Ticks);
        }

        _f.Manager.ReconcilingCount.ShouldBe(0);
        _f.Journal.LoadOrdersNotFinal().ShouldAllBe(o => o.Tracking == OrderTracking.Open);
        AssertJournalEqualsVenue();
        _f.Venue.PlaceCalls.ShouldBe(200);
    }

    // Every journaled order agrees with the venue: same status and executed quantity, fills add up; not placed means unknown there.
    private void AssertJournalEqualsVenue()
    {
        foreach (var venueOrder in _f.Venue.Placed.Values.Where(o => o.ClientOrderId.Value.StartsWith("test-", StringComparison.Ordinal)))
        {
            var journaled = _f.Journal.FindOrder(venueOrder.ClientOrderId).ShouldNotBeNull();
            journaled.Tracking.ShouldNotBe(OrderTracking.NotPlaced);
            journaled.Tracking.ShouldNotBe(OrderTracking.Reconciling);
            journaled.Order.ShouldNotBeNull().Status.ShouldBe(venueOrder.Status, venueOrder.ClientOrderId.Value);
            journaled.Order.ExecutedQuantity.ShouldBe(venueOrder.ExecutedQuantity);
            _f.Journal.ReadFills(venueOrder.ClientOrderId).Sum(f => f.Quantity).ShouldBe(venueOrder.ExecutedQuantity);
            journaled.Tracking.ShouldBe(venueOrder.IsTerminal ? OrderTracking.Terminal : OrderTracking.Open);
        }
    }
}

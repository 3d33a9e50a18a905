using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.CrashHost;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;
using RxTrader.Trading.Positions;
using RxTrader.Trading.Tests.Journal;

namespace RxTrader.Trading.Tests.Orders;

public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task KilledMidStream_JournalReopensAndReconcilesToTheVenue()
    {
        var journalPath = _dir.File("orders.db");
        var venuePath = _dir.File("venue.log");

        var acked = await CrashHostProcess.RunUntilKilledAsync([journalPath, venuePath], acks: 300);

        // The journal opens (WAL recovered, integrity checked) and holds every answer the host printed.
        using (var journal = OrderJournal.Open(journalPath))
        {
            journal.JournalMode.ShouldBe("wal");
            foreach (var id in acked)
            {
                journal.FindOrder(new ClientOrderId(id)).ShouldNotBeNull(id).Tracking.ShouldBe(OrderTracking.Terminal);
            }
        }

        // Restart in process against the venue the log describes.
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(DateTimeOffset.UtcNow.AddMinutes(1).UtcTicks);
        using (var journal = OrderJournal.Open(journalPath))
        using (var venue = FileBackedVenue.Open(venuePath))
        using (var manager = new OrderManager(venue, journal, scheduler))
        {
            var report = await manager.StartAsync();
            scheduler.AdvanceBy(TimeSpan.FromMinutes(1).Ticks);

            report.StillReconciling.ShouldBe(0);
            manager.ReconcilingCount.ShouldBe(0);
            journal.LoadOrdersNotFinal().ShouldBeEmpty();
            foreach (var order in venue.Orders)
            {
                var journaled = journal.FindOrder(order.ClientOrderId).ShouldNotBeNull();
                journaled.Tracking.ShouldBe(OrderTracking.Terminal);
                journaled.Order.ShouldBe(order);
                journal.ReadFills(order.ClientOrderId).ShouldBe([venue.Fills.Single(f => f.ClientOrderId == order.ClientOrderId)]);
            }

            journal.FillCount.ShouldBe(venue.Fills.Count);
            journal.OrderCount.ShouldBeInRange(venue.Orders.Count, venue.Orders.Count + 1);
            var expected = venue.Fills.Aggregate(Position.Flat(new Symbol("BTCUSDT")), static (p, f) => p.Apply(f.Side, f.Quantity, f.Price, f.Commission));
            var position = manager.Positions.Lookup(new Symbol("BTCUSDT")).ShouldNotBeNull();
            position.Quantity.ShouldBe(expected.Quantity);
            position.RealizedPnl.ShouldBe(expected.RealizedPnl);
            position.Fees.ShouldBe(expected.Fees);
        }

        // The host itself restarts on the recovered journal and carries on.
        var rerun = await CrashHostProcess.RunToEndAsync([journalPath, venuePath, "5"]);
        rerun.ExitCode.ShouldBe(0, rerun.Error);
        rerun.Output.ShouldContain("DONE");
    }
}

using System.Diagnostics;
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

        var acked = await RunHostUntilKilledAsync(journalPath, venuePath, acks: 300);

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
        var rerun = await RunHostToEndAsync(journalPath, venuePath, orders: 5);
        rerun.ShouldContain("DONE");
    }

    private static ProcessStartInfo HostStart(string journalPath, string venuePath, string? orders)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(FileBackedVenue).Assembly.Location);
        start.ArgumentList.Add(journalPath);
        start.ArgumentList.Add(venuePath);
        if (orders is not null)
        {
            start.ArgumentList.Add(orders);
        }

        return start;
    }

    private static async Task<List<string>> RunHostUntilKilledAsync(string journalPath, string venuePath, int acks)
    {
        using var process = Process.Start(HostStart(journalPath, venuePath, null)).ShouldNotBeNull();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var acked = new List<string>();
        try
        {
            while (acked.Count < acks)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    throw new InvalidOperationException("The host ended early: " + await process.StandardError.ReadToEndAsync(timeout.Token));
                }

                if (line.StartsWith("ACK ", StringComparison.Ordinal))
                {
                    acked.Add(line.Split(' ')[1]);
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return acked;
    }

    private static async Task<string> RunHostToEndAsync(string journalPath, string venuePath, int orders)
    {
        using var process = Process.Start(HostStart(journalPath, venuePath, orders.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldNotBeNull();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync(timeout.Token));
        return output;
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using RxTrader.Binance.OrderBooks;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;

namespace RxTrader.Benchmarks.OrderBooks;

/// <summary>Replays a recording through an <see cref="OrderBookSynchronizer"/> in historical time.</summary>
internal static class DepthReplay
{
    /// <summary>The outcome of a replay.</summary>
    public sealed record Outcome(
        IReadOnlyList<OrderBookStatus> Statuses,
        OrderBookSynchronizerStatistics Statistics,
        int TopsEmitted,
        BookTicker? FinalTop);

    /// <summary>
    /// Connects, then pushes every diff at its event time; the snapshot request answers at once with the recorded
    /// snapshot, so the diffs before it are buffered and dropped as the procedure says.
    /// </summary>
    public static Outcome Run(DepthRecording recording)
    {
        var scheduler = new HistoricalScheduler(recording.Updates[0].EventTime);
        using var updates = new Subject<DepthUpdate>();
        using var connection = new Subject<ConnectionEvent>();
        using var sync = new OrderBookSynchronizer(
            recording.Snapshot.Symbol, updates, connection, (_, _) => Task.FromResult(recording.Snapshot), scheduler);
        var statuses = new List<OrderBookStatus>();
        var tops = 0;
        using var statusSubscription = sync.Status.Subscribe(statuses.Add);
        using var topSubscription = sync.TopOfBook.Subscribe(_ => tops++);
        sync.Start();
        connection.OnNext(new Connected(scheduler.Now, "replay"));
        foreach (var update in recording.Updates)
        {
            if (update.EventTime > scheduler.Now)
            {
                scheduler.AdvanceTo(update.EventTime);
            }

            updates.OnNext(update);
        }

        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));
        BookTicker? top = sync.TryGetTopOfBook(out var t) ? t : null;
        return new Outcome(statuses, sync.Statistics, tops, top);
    }
}

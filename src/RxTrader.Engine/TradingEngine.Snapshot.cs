using System.Reactive.Linq;
using RxTrader.Engine.Dashboard;

namespace RxTrader.Engine;

public sealed partial class TradingEngine
{
    private long _snapshotMessages;
    private DateTimeOffset _snapshotTime;

    /// <summary>Reads everything the dashboard shows, now (any thread; cheap enough for a few times a second).</summary>
    /// <returns>The snapshot.</returns>
    public EngineSnapshot Snapshot()
    {
        var now = _schedulers.Timers.Now;
        var counters = _source.ReadCounters();
        double perSecond;
        lock (_snapshotGate)
        {
            var elapsed = (now - _snapshotTime).TotalSeconds;
            perSecond = _snapshotTime == default || elapsed <= 0 ? 0 : (counters.Messages - _snapshotMessages) / elapsed;
            _snapshotMessages = counters.Messages;
            _snapshotTime = now;
        }

        var symbols = _options.Symbols
            .Select(s => _pipelines.TryGetValue(s, out var pipeline)
                ? pipeline.Snapshot(Manager.Positions.Lookup(s))
                : new SymbolSnapshot(s, null, null, [], null, 0m, 0m, 0m))
            .ToArray();
        var feed = new FeedSnapshot(
            counters.State,
            perSecond,
            counters.Messages,
            counters.LatencyP50,
            counters.LatencyP99,
            counters.Dropped + _handOffs.Dropped,
            counters.Reconnects,
            counters.Gaps,
            counters.Malformed);
        var orders = new OrdersSnapshot(
            Metrics.Signals,
            Metrics.Submitted,
            Metrics.RiskRejections,
            CountOrdersByStatus(),
            Manager.Latency.SubmitToAck.Percentile(0.50),
            Manager.Latency.SubmitToAck.Percentile(0.99),
            Manager.Pnl.Net);
        return new EngineSnapshot(now, _startedAt == default ? TimeSpan.Zero : now - _startedAt, symbols, feed, orders, Gate.Mode, Tasks.Active);
    }

    /// <summary>
    /// Snapshots every <paramref name="period"/> on the timer scheduler: a sample of the engine, never a queue
    /// of its events, so a slow dashboard cannot slow the engine down.
    /// </summary>
    /// <param name="period">The refresh period.</param>
    /// <returns>Snapshots, the first after one period.</returns>
    public IObservable<EngineSnapshot> Snapshots(TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        return Observable.Interval(period, _schedulers.Timers).Select(_ => Snapshot());
    }
}

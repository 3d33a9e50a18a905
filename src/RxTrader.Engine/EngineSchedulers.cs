using System.Reactive.Concurrency;

namespace RxTrader.Engine;

/// <summary>
/// The schedulers an engine runs on. Live, the host gives event loops; in virtual time every one is the same
/// <c>TestScheduler</c> or <c>HistoricalScheduler</c>, so every timer of the graph fires in data time.
/// </summary>
/// <param name="Timers">The engine's clock and its monitors' timers.</param>
/// <param name="Pipelines">
/// One scheduler per pipeline shard: each symbol is pinned to one shard (by a stable hash of its name), where its
/// candles, strategy and indicator state run one notification at a time; shards run in parallel.
/// </param>
/// <param name="Orders">Where signals become orders (sizing, risk gate, journal, venue call), off the pipelines.</param>
public sealed record EngineSchedulers(IScheduler Timers, IReadOnlyList<IScheduler> Pipelines, IScheduler Orders)
{
    /// <summary>Everything on one scheduler: virtual-time tests, replays and backtests.</summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <returns>The schedulers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheduler"/> is null.</exception>
    public static EngineSchedulers OnOne(IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        return new EngineSchedulers(scheduler, [scheduler], scheduler);
    }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Timers);
        ArgumentNullException.ThrowIfNull(Pipelines);
        ArgumentNullException.ThrowIfNull(Orders);
        if (Pipelines.Count == 0 || Pipelines.Any(static p => p is null))
        {
            throw new ArgumentException("At least one pipeline scheduler is needed, none null.", nameof(Pipelines));
        }
    }
}

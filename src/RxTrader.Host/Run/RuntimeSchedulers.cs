using System.Reactive.Concurrency;
using RxTrader.Engine;

namespace RxTrader.Host.Run;

/// <summary>
/// The event loops a live engine runs on: the process clock (timers, simulator, monitors), the market-data consumer,
/// the pipeline shards and the order router. Never disposed: Rx moves even cancelled long timers onto an event loop
/// when the system clock jumps, and the process ends with them anyway.
/// </summary>
internal sealed class RuntimeSchedulers
{
    private RuntimeSchedulers(IScheduler timers, IScheduler market, IReadOnlyList<IScheduler> pipelines, IScheduler orders)
    {
        Timers = timers;
        Market = market;
        Engine = new EngineSchedulers(timers, pipelines, orders);
    }

    public IScheduler Timers { get; }

    /// <summary>Where the feed hands its messages to the engine.</summary>
    public IScheduler Market { get; }

    public EngineSchedulers Engine { get; }

    /// <summary>
    /// One shard per spare core (at least one, at most one per symbol): the socket's receive thread takes a core.
    /// With one shard, the market consumer is that shard, so trades reach the pipelines without another hop.
    /// </summary>
    public static RuntimeSchedulers Create(IScheduler timers, int symbols, int processors)
    {
        var shards = Math.Clamp(processors - 1, 1, Math.Max(1, symbols));
        if (shards == 1)
        {
            var only = Loop("rxtrader-pipeline-0");
            return new RuntimeSchedulers(timers, only, [only], Loop("rxtrader-orders"));
        }

        var pipelines = Enumerable.Range(0, shards).Select(i => (IScheduler)Loop($"rxtrader-pipeline-{i}")).ToArray();
        return new RuntimeSchedulers(timers, Loop("rxtrader-market"), pipelines, Loop("rxtrader-orders"));
    }

    private static EventLoopScheduler Loop(string name) =>
        new(start => new Thread(start) { Name = name, IsBackground = true });
}

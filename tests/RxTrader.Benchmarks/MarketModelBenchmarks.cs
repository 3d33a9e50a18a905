using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.Matching;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost per synthetic trade of the market model in load mode (<see cref="MarketModel.GenerateTrades"/>, no
/// scheduler) over the default three-symbol universe: the walk, the taker order, the remainder cancel and the
/// ladder's replacements and placements, all through the engine, which publishes every trade and depth diff
/// (with one subscriber counting them, as a publisher would have).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MarketModelBenchmarks : IDisposable
{
    private const int Batch = 1_000;

    private MatchingEngine _engine = null!;
    private MarketModel _model = null!;
    private IDisposable _subscription = null!;
    private long _events;

    /// <summary>The engine, the model and a warm book.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new MatchingEngine(new HistoricalScheduler(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        _subscription = _engine.Events.Subscribe(_ => _events++);
        _model = new MarketModel(_engine, ImmediateSchedulerStub.Instance, new MarketModelOptions { Seed = 7 });
        _model.GenerateTrades(10_000);
    }

    /// <summary>One synthetic trade (a taker that trades, and the book's upkeep), per operation.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int GenerateTrade() => _model.GenerateTrades(Batch);

    /// <summary>Releases the model and the engine.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _model?.Dispose();
        _subscription?.Dispose();
        _engine?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A scheduler load mode never uses (the model only schedules on <see cref="MarketModel.Start"/>).</summary>
    private sealed class ImmediateSchedulerStub : LocalScheduler
    {
        public static readonly ImmediateSchedulerStub Instance = new();

        public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) =>
            throw new NotSupportedException("Load mode does not schedule.");
    }
}

using System.Reactive.Linq;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Strategies;
using RxTrader.Strategies.Examples;

namespace RxTrader.Benchmarks;

/// <summary>One closed bar through each example strategy (default parameters, past the warm-up) to a subscriber.</summary>
[MemoryDiagnoser]
public class StrategyBenchmarks : IDisposable
{
    private const int Size = 1024;
    private const int Mask = Size - 1;
    private readonly Candle[] _bars = new Candle[Size];
    private readonly Subject<Candle> _emaCrossBars = new();
    private readonly Subject<Candle> _rsiReversionBars = new();
    private readonly Subject<Candle> _bollingerBreakoutBars = new();
    private readonly List<IDisposable> _subscriptions = [];
    private StrategyOutput? _sink;
    private int _i;

    /// <summary>A seeded BTC-like walk of one-minute bars, and each strategy subscribed and warmed up over it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var symbol = new Symbol("BTCUSDT");
        var random = new Random(42);
        var close = 30_000m;
        for (var i = 0; i < Size; i++)
        {
            var open = close;
            close = Math.Round(open * (1m + (((decimal)random.NextDouble() - 0.5m) * 0.004m)), 2);
            var openTime = DateTimeOffset.UnixEpoch.AddMinutes(i);
            _bars[i] = new Candle(
                symbol, TimeSpan.FromMinutes(1), openTime, openTime.AddMinutes(1).AddMilliseconds(-1),
                open, Math.Max(open, close) + 5m, Math.Min(open, close) - 5m, close, 1m, close, 10, 0.5m, close / 2, IsClosed: true);
        }

        Subscribe(new EmaCrossStrategy(), symbol, _emaCrossBars);
        Subscribe(new RsiReversionStrategy(), symbol, _rsiReversionBars);
        Subscribe(new BollingerBreakoutStrategy(), symbol, _bollingerBreakoutBars);
        foreach (var bar in _bars)
        {
            _emaCrossBars.OnNext(bar);
            _rsiReversionBars.OnNext(bar);
            _bollingerBreakoutBars.OnNext(bar);
        }
    }

    [Benchmark]
    public StrategyOutput? EmaCross() => Push(_emaCrossBars);

    [Benchmark]
    public StrategyOutput? RsiReversion() => Push(_rsiReversionBars);

    [Benchmark]
    public StrategyOutput? BollingerBreakout() => Push(_bollingerBreakoutBars);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _emaCrossBars.Dispose();
        _rsiReversionBars.Dispose();
        _bollingerBreakoutBars.Dispose();
        GC.SuppressFinalize(this);
    }

    private StrategyOutput? Push(Subject<Candle> bars)
    {
        bars.OnNext(_bars[_i++ & Mask]);
        return _sink;
    }

    private void Subscribe(IStrategy strategy, Symbol symbol, Subject<Candle> bars) =>
        _subscriptions.Add(strategy.Run(new StrategyInput(symbol, bars, Observable.Never<ITradeTick>())).Subscribe(output => _sink = output));
}

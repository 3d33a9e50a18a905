using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Candles;

namespace RxTrader.Benchmarks;

/// <summary>
/// Trades per second through <see cref="CandleAggregation.ToCandles{TTrade}"/>: 1 M pre-built trades, one per
/// millisecond, round-robin over <see cref="Symbols"/> symbols (1: the repeated-symbol fast path every time; 3: a
/// dictionary lookup every time), into 1 s bars, pushed through a subject. Reported per trade
/// (OperationsPerInvoke); each invocation subscribes afresh so the trades are never late.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class CandleAggregationBenchmarks
{
    private const int TradeCount = 1_000_000;

    private static readonly CandleOptions Partial = new() { EmitPartial = true };

    private Trade[] _trades = [];

    /// <summary>How many symbols the trades rotate through.</summary>
    [Params(1, 3)]
    public int Symbols { get; set; }

    /// <summary>Builds the trades once, with a seeded random walk.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var symbols = new[] { new Symbol("BTCUSDT"), new Symbol("ETHUSDT"), new Symbol("SOLUSDT") };
        var random = new Random(42);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        var price = 100m;
        _trades = new Trade[TradeCount];
        for (var i = 0; i < TradeCount; i++)
        {
            price += random.Next(-5, 6) * 0.01m;
            var time = start.AddMilliseconds(i);
            var quantity = random.Next(1, 1000) * 0.001m;
            _trades[i] = new Trade(symbols[i % Symbols], i, price, quantity, time, time, random.Next(2) == 0);
        }
    }

    /// <summary>Closed bars only (the default options).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TradeCount)]
    public long ClosedBars() => Push(options: null);

    /// <summary>An in-progress bar after every trade as well.</summary>
    [Benchmark(OperationsPerInvoke = TradeCount)]
    public long WithPartialUpdates() => Push(Partial);

    private long Push(CandleOptions? options)
    {
        using var subject = new Subject<Trade>();
        var sink = new CountingObserver();
        using (subject.ToCandles(TimeSpan.FromSeconds(1), new HistoricalScheduler(), options).Subscribe(sink))
        {
            foreach (var trade in _trades)
            {
                subject.OnNext(trade);
            }
        }

        return sink.Count;
    }

    private sealed class CountingObserver : IObserver<Candle>
    {
        public long Count { get; private set; }

        public void OnNext(Candle value) => Count += value.TradeCount;

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }
    }
}

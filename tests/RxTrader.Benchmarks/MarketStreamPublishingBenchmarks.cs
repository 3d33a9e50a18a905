using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.MarketData;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost of publishing one public trade: history (trade ring, 16 kline series, 24 h and 5 min windows, aggregation)
/// plus one <c>@trade</c> payload encoded once and delivered to 1 or 10 subscribers.
/// <c>HubOnly</c> feeds the engine event straight into the hub; <c>ThroughEngine</c> makes the trade with two
/// synthetic-liquidity operations (a resting sell, a crossing buy) and includes the engine and its depth events.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MarketStreamPublishingBenchmarks : IDisposable
{
    private static readonly Symbol BtcUsdt = new("BTCUSDT");
    private readonly List<IDisposable> _subscriptions = [];
    private HistoricalScheduler _scheduler = null!;
    private MatchingEngine _engine = null!;
    private MarketStreamHub _hub = null!;
    private long _tradeId;
    private long _delivered;

    /// <summary>Subscribers of <c>btcusdt@trade</c>.</summary>
    [Params(0, 1, 10)]
    public int Subscribers { get; set; }

    /// <summary>An engine with BTCUSDT, a hub and the subscribers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scheduler = new HistoricalScheduler(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _engine = new MatchingEngine(_scheduler);
        _engine.AddSymbol(new SymbolRules
        {
            Symbol = BtcUsdt,
            BaseAsset = "BTC",
            QuoteAsset = "USDT",
            Filters = new SymbolFilters(
                Price: new PriceFilter(0.01m, 1_000_000m, 0.01m),
                LotSize: new QuantityFilter(0.001m, 9_000m, 0.001m),
                MarketLotSize: null,
                Notional: new NotionalFilter(0.05m, MaxNotional: null, ApplyMinToMarket: true, ApplyMaxToMarket: false, 5)),
        });
        _hub = new MarketStreamHub(_engine, _scheduler);
        if (!_hub.TryParse("btcusdt@trade", out var stream))
        {
            throw new InvalidOperationException("The trade stream must parse.");
        }

        for (var i = 0; i < Subscribers; i++)
        {
            _subscriptions.Add(_hub.Subscribe(stream).Subscribe(p => _delivered += p.Length));
        }
    }

    /// <summary>One trade event into the hub: history, one encoding, delivery.</summary>
    [Benchmark]
    public long HubOnly()
    {
        var time = _scheduler.Now;
        _hub.OnEngineEvent(new PublicTradeExecuted(new Trade(BtcUsdt, ++_tradeId, 100.25m, 0.5m, time, time, false)));
        return _delivered;
    }

    /// <summary>A trade made by the engine (two operations) and published.</summary>
    [Benchmark]
    public long ThroughEngine()
    {
        _engine.PlaceLiquidity(BtcUsdt, Side.Sell, 100.25m, 0.5m);
        _engine.PlaceLiquidity(BtcUsdt, Side.Buy, 100.25m, 0.5m);
        return _delivered;
    }

    /// <summary>Releases the hub and the engine.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _hub?.Dispose();
        _engine?.Dispose();
        GC.SuppressFinalize(this);
    }
}

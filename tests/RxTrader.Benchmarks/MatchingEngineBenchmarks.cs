using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost of the simulator's matching engine per user request, against a book of 100 ask and 100 bid levels of
/// synthetic liquidity. Every operation includes validation, balance locking, the order store and the events
/// (no subscriber); the order history grows during the run, as it does in a session.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MatchingEngineBenchmarks : IDisposable
{
    private const string Account = "bench";
    private static readonly Symbol BtcUsdt = new("BTCUSDT");

    private MatchingEngine _engine = null!;
    private MatchingEngine _sweepEngine = null!;
    private OrderRequest _ioc = null!;
    private OrderRequest _sweep = null!;
    private OrderRequest _resting = null!;

    /// <summary>Builds the 100-level books (the first with a best ask that never runs out) and funded accounts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = CreateEngine(bestAskQuantity: 1_000_000_000m);
        _sweepEngine = CreateEngine(bestAskQuantity: 1m);
        _ioc = new OrderRequest
        {
            Symbol = BtcUsdt, Side = Side.Buy, Type = OrderType.Limit, TimeInForce = TimeInForce.Ioc, Price = 100.00m, Quantity = 0.01m,
        };
        _sweep = _ioc with { Price = 100.09m, Quantity = 10m };
        _resting = _ioc with { TimeInForce = TimeInForce.Gtc, Price = 98.50m };
    }

    /// <summary>A LIMIT IOC BUY at the best ask: validation, lock, one trade, fill, events.</summary>
    [Benchmark]
    public long LimitIocTakesBestAsk() => _engine.PlaceOrder(Account, _ioc).Value!.Order.OrderId;

    /// <summary>A LIMIT GTC BUY inside the bid levels, then its cancel.</summary>
    [Benchmark]
    public long RestingLimitPlaceAndCancel()
    {
        var id = _engine.PlaceOrder(Account, _resting).Value!.Order.OrderId;
        return _engine.CancelOrder(Account, new CancelRequest(BtcUsdt, id)).Value!.Order.OrderId;
    }

    /// <summary>A LIMIT IOC BUY that sweeps the ten best ask levels (ten trades), then the market model's ten
    /// placements that restore them: eleven engine operations.</summary>
    [Benchmark]
    public long LimitIocSweepsTenLevelsThenRefill()
    {
        var id = _sweepEngine.PlaceOrder(Account, _sweep).Value!.Order.OrderId;
        for (var i = 0; i < 10; i++)
        {
            _sweepEngine.PlaceLiquidity(BtcUsdt, Side.Sell, 100.00m + (i / 100m), 1m);
        }

        return id;
    }

    /// <summary>Releases the engines.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _engine?.Dispose();
        _sweepEngine?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static MatchingEngine CreateEngine(decimal bestAskQuantity)
    {
        var engine = new MatchingEngine(new HistoricalScheduler(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        engine.AddSymbol(new SymbolRules
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
        engine.CreateAccount(Account, [new AssetBalance("USDT", 1_000_000_000_000m, 0m), new AssetBalance("BTC", 1_000_000m, 0m)]);
        for (var i = 0; i < 100; i++)
        {
            engine.PlaceLiquidity(BtcUsdt, Side.Sell, 100.00m + (i / 100m), i == 0 ? bestAskQuantity : 1m);
            engine.PlaceLiquidity(BtcUsdt, Side.Buy, 99.99m - (i / 100m), 1m);
        }

        return engine;
    }
}

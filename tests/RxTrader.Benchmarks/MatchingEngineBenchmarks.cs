using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost of the simulator's matching engine per user request, against a book of 100 ask and 100 bid levels of
/// synthetic liquidity: a LIMIT IOC that takes from the best ask (one trade, order filled), and a resting LIMIT
/// placed below the best bid and then canceled. Both include validation, balance locking, the order store and
/// the events (no subscriber). The best ask is deep enough never to run out during a run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MatchingEngineBenchmarks : IDisposable
{
    private const string Account = "bench";
    private static readonly Symbol BtcUsdt = new("BTCUSDT");

    private MatchingEngine _engine = null!;
    private OrderRequest _ioc = null!;
    private OrderRequest _resting = null!;

    /// <summary>Builds the 100-level book and a well-funded account.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new MatchingEngine(new HistoricalScheduler(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        _engine.AddSymbol(new SymbolRules
        {
            Symbol = BtcUsdt,
            BaseAsset = "BTC",
            QuoteAsset = "USDT",
            PriceFilter = new PriceFilter(0.01m, 1_000_000m, 0.01m),
            LotSize = new LotSizeFilter(0.001m, 9_000m, 0.001m),
            Notional = new NotionalFilter(0.05m, true, 0m, false),
        });
        _engine.CreateAccount(Account, [new AssetBalance("USDT", 1_000_000_000_000m, 0m), new AssetBalance("BTC", 1_000_000m, 0m)]);
        for (var i = 0; i < 100; i++)
        {
            _engine.PlaceLiquidity(BtcUsdt, Side.Sell, 100.00m + (i / 100m), i == 0 ? 1_000_000_000m : 1m);
            _engine.PlaceLiquidity(BtcUsdt, Side.Buy, 99.99m - (i / 100m), 1m);
        }

        _ioc = new OrderRequest
        {
            Symbol = BtcUsdt, Side = Side.Buy, Type = OrderType.Limit, TimeInForce = TimeInForce.Ioc, Price = 100.00m, Quantity = 0.01m,
        };
        _resting = new OrderRequest
        {
            Symbol = BtcUsdt, Side = Side.Buy, Type = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Price = 98.50m, Quantity = 0.01m,
        };
    }

    /// <summary>Releases the engine.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _engine?.Dispose();
        GC.SuppressFinalize(this);
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
}

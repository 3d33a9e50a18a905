using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.MarketData;
using RxTrader.Core.Orders;
using RxTrader.Trading.Paper;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost of the paper venue's hot paths on a <see cref="HistoricalScheduler"/> (a backtest's clock), with one
/// subscriber on the order updates: placing a marketable order that fills at once, and one trade print against
/// <see cref="RestingOrders"/> resting orders (a scan of the whole price level that fills nothing), and a resting
/// order placed then filled by a print in front of them.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PaperVenueBenchmarks : IDisposable
{
    private const int Operations = 1_000;
    private static readonly Symbol Btc = new("BTCUSDT");

    private readonly Subject<BookTicker> _books = new();
    private readonly Subject<ITradeTick> _trades = new();
    private readonly HistoricalScheduler _scheduler = new();
    private OrderRequest[] _marketOrders = [];
    private OrderRequest[] _restingOrders = [];
    private PaperVenue? _venue;
    private IDisposable? _subscription;
    private ITradeTick? _scanPrint;
    private ITradeTick? _fillPrint;

    /// <summary>How many orders rest at the best bid.</summary>
    [Params(10, 1_000)]
    public int RestingOrders { get; set; }

    /// <summary>Builds the venue, a deep book and the resting orders.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _venue = new PaperVenue(
            new PaperVenueOptions
            {
                Symbols = [new SymbolInfo(Btc, SymbolStatus.Trading, "BTC", 8, "USDT", 8, SymbolFilters.None)],
                InitialBalances = new Dictionary<string, decimal> { ["USDT"] = 1_000_000_000m, ["BTC"] = 1_000_000m },
                MaxOpenOrdersPerSymbol = RestingOrders + 1,
            },
            _books,
            _trades,
            _scheduler);
        _subscription = _venue.OrderUpdates.Subscribe(static _ => { });
        _books.OnNext(new BookTicker(Btc, 1, 99m, 1_000_000_000m, 100m, 1_000_000_000m));

        // The resting orders wait one tick behind the best bid: their queue position is unknown.
        for (var i = 0; i < RestingOrders; i++)
        {
            Place(OrderRequest.Limit(ClientOrderId.For("rest", i), Btc, Side.Buy, 0.001m, 98.99m));
        }

        _marketOrders = [.. Enumerable.Range(0, 1_024).Select(static i =>
            OrderRequest.Market(ClientOrderId.For("mkt", i), Btc, i % 2 == 0 ? Side.Buy : Side.Sell, 0.001m))];

        // The worst case: a sell-aggressor print at their price visits every one of them and fills none.
        _scanPrint = new Trade(Btc, 1, 98.99m, 0.001m, _scheduler.Now, _scheduler.Now, IsBuyerMaker: true);
        _restingOrders = [.. Enumerable.Range(0, 1_024).Select(static i =>
            OrderRequest.Limit(ClientOrderId.For("top", i), Btc, Side.Buy, 0.001m, 99.5m))];

        // A sell-aggressor print at 99.4 trades through a buy at 99.5 and fills it.
        _fillPrint = new Trade(Btc, 2, 99.4m, 0.001m, _scheduler.Now, _scheduler.Now, IsBuyerMaker: true);
    }

    /// <summary>Releases the venue.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _subscription?.Dispose();
        _venue?.Dispose();
        _books.Dispose();
        _trades.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A market order (alternating buy and sell) that fills against the top of book at once.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void PlaceMarketableAndFill()
    {
        var venue = _venue!;
        for (var i = 0; i < Operations; i++)
        {
            _ = venue.PlaceAsync(_marketOrders[i & 1_023]);
        }
    }

    /// <summary>A print at the resting orders' price that fills none of them (queue unknown): the full scan of the level.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void TradeTick_ScansRestingOrders()
    {
        var print = _scanPrint!;
        for (var i = 0; i < Operations; i++)
        {
            _trades.OnNext(print);
        }
    }

    /// <summary>A buy placed above the bid (New), then a print through it that fills it (Filled): two calls,
    /// two updates, one fill.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void PlaceRestingThenTradeTickFillsIt()
    {
        var venue = _venue!;
        var print = _fillPrint!;
        for (var i = 0; i < Operations; i++)
        {
            _ = venue.PlaceAsync(_restingOrders[i & 1_023]);
            _trades.OnNext(print);
        }
    }

    private void Place(OrderRequest request)
    {
        if (_venue!.PlaceAsync(request).Result is not VenueOutcome<Order>.Accepted)
        {
            throw new InvalidOperationException("Benchmark setup: an order was refused.");
        }
    }
}

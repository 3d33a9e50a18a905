using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.MarketData;
using RxTrader.Core.Orders;
using RxTrader.Testing;
using RxTrader.Trading.Paper;

namespace RxTrader.Trading.Tests.Paper;

/// <summary>A paper venue on a test scheduler with hand-fed book tickers and trades, recording every order update.</summary>
internal sealed class PaperHarness : IDisposable
{
    public static readonly Symbol Btc = new("BTCUSDT");
    public static readonly Symbol Eth = new("ETHUSDT");

    private readonly Subject<BookTicker> _books = new();
    private readonly Subject<ITradeTick> _trades = new();
    private readonly IDisposable _recording;
    private long _bookUpdateId;
    private long _tradeId;
    private long _sequence;

    public PaperHarness(Func<PaperVenueOptions, PaperVenueOptions>? configure = null)
    {
        var options = DefaultOptions();
        Options = configure is null ? options : configure(options);
        Venue = new PaperVenue(Options, _books, _trades, Scheduler);
        _recording = Venue.OrderUpdates.ValidateGrammar(Violations).Subscribe(Updates.Add, _ => Errored = true, () => Completed = true);
    }

    public TestScheduler Scheduler { get; } = new();

    public PaperVenueOptions Options { get; }

    public PaperVenue Venue { get; }

    public List<OrderUpdate> Updates { get; } = [];

    public List<string> Violations { get; } = [];

    public bool Errored { get; private set; }

    public bool Completed { get; private set; }

    /// <summary>BTCUSDT: tick 0.01, step 0.0001, notional 5..1,000,000; ETHUSDT: no filters. Fees: maker 0.1 %, taker 0.2 %.</summary>
    public static PaperVenueOptions DefaultOptions() => new()
    {
        Symbols =
        [
            new SymbolInfo(Btc, SymbolStatus.Trading, "BTC", 8, "USDT", 8, new SymbolFilters(
                new PriceFilter(0.01m, 1_000_000m, 0.01m),
                new QuantityFilter(0.0001m, 100m, 0.0001m),
                new QuantityFilter(0.0001m, 50m, 0.0001m),
                new NotionalFilter(5m, 1_000_000m, ApplyMinToMarket: true, ApplyMaxToMarket: false, AveragePriceMinutes: 5))),
            new SymbolInfo(Eth, SymbolStatus.Trading, "ETH", 8, "USDT", 8, SymbolFilters.None),
        ],
        InitialBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = 10m, ["ETH"] = 100m },
        MakerFeeRate = 0.001m,
        TakerFeeRate = 0.002m,
    };

    public static ClientOrderId Id(long n) => ClientOrderId.For("t", n);

    /// <summary>Moves virtual time to <paramref name="ticks"/>.</summary>
    public PaperHarness At(long ticks)
    {
        Scheduler.AdvanceTo(ticks);
        return this;
    }

    public void Book(decimal bid, decimal bidQty, decimal ask, decimal askQty, Symbol? symbol = null) =>
        _books.OnNext(new BookTicker(symbol ?? Btc, ++_bookUpdateId, bid, bidQty, ask, askQty));

    /// <summary>A trade print; <paramref name="sellerAggressor"/> true means it hit the bids (buyer was maker).</summary>
    public void Trade(decimal price, decimal quantity, bool sellerAggressor, Symbol? symbol = null)
    {
        var time = Scheduler.Now;
        _trades.OnNext(new Trade(symbol ?? Btc, ++_tradeId, price, quantity, time, time, sellerAggressor));
    }

    public void RawTrade(ITradeTick trade) => _trades.OnNext(trade);

    public void FeedError()
    {
        _books.OnError(new InvalidOperationException("feed down"));
        _trades.OnCompleted();
    }

    public VenueOutcome<Order> Place(OrderRequest request) => Done(Venue.PlaceAsync(request));

    public Order PlaceAccepted(OrderRequest request) =>
        Place(request).ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value;

    public VenueOutcome<Order>.Rejected PlaceRejected(OrderRequest request) =>
        Place(request).ShouldBeOfType<VenueOutcome<Order>.Rejected>();

    public Order Limit(Side side, decimal quantity, decimal price, TimeInForce tif = TimeInForce.GoodTillCanceled) =>
        PlaceAccepted(OrderRequest.Limit(Id(++_sequence), Btc, side, quantity, price, tif));

    public Order Market(Side side, decimal quantity) => PlaceAccepted(OrderRequest.Market(Id(++_sequence), Btc, side, quantity));

    public VenueOutcome<Order> Cancel(ClientOrderId id, Symbol? symbol = null) => Done(Venue.CancelAsync(symbol ?? Btc, id));

    public VenueOutcome<Order> Get(ClientOrderId id, Symbol? symbol = null) => Done(Venue.GetOrderAsync(symbol ?? Btc, id));

    public Order Current(Order order) => Get(order.ClientOrderId).ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value;

    public IReadOnlyList<Order> Open(Symbol? symbol = null) =>
        Done(Venue.GetOpenOrdersAsync(symbol)).ShouldBeOfType<VenueOutcome<IReadOnlyList<Order>>.Accepted>().Value;

    public IReadOnlyList<Fill> Fills(Order order) =>
        Done(Venue.GetFillsAsync(order.Symbol, order.ExchangeOrderId)).ShouldBeOfType<VenueOutcome<IReadOnlyList<Fill>>.Accepted>().Value;

    public Balance Balance(string asset)
    {
        var all = Done(Venue.GetBalancesAsync()).ShouldBeOfType<VenueOutcome<IReadOnlyList<Balance>>.Accepted>().Value;
        return all.FirstOrDefault(b => b.Asset == asset, new Balance(asset, 0m, 0m));
    }

    /// <summary>The fills published for <paramref name="order"/>.</summary>
    public List<Fill> PublishedFills(Order order) =>
        [.. Updates.Where(u => u.Fill is not null && u.Order.ClientOrderId == order.ClientOrderId).Select(u => u.Fill!)];

    /// <summary>The statuses published for <paramref name="order"/>, in order.</summary>
    public List<OrderStatus> Statuses(Order order) =>
        [.. Updates.Where(u => u.Order.ClientOrderId == order.ClientOrderId).Select(u => u.Order.Status)];

    public void Dispose()
    {
        _recording.Dispose();
        Venue.Dispose();
        _books.Dispose();
        _trades.Dispose();
    }

    private static T Done<T>(Task<T> task)
    {
        task.IsCompleted.ShouldBeTrue("with no latency every call completes synchronously");
#pragma warning disable xUnit1031 // The task is already complete: no blocking happens.
        return task.Result;
#pragma warning restore xUnit1031
    }
}

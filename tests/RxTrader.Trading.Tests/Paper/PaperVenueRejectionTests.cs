using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.MarketData;
using RxTrader.Core.Orders;
using RxTrader.Trading.Paper;
using static RxTrader.Trading.Tests.Paper.PaperHarness;

namespace RxTrader.Trading.Tests.Paper;

public sealed class PaperVenueRejectionTests
{
    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        var options = DefaultOptions();
        var books = Observable.Never<BookTicker>();
        var trades = Observable.Never<ITradeTick>();
        var scheduler = new TestScheduler();
        Should.Throw<ArgumentNullException>(() => new PaperVenue(null!, books, trades, scheduler));
        Should.Throw<ArgumentNullException>(() => new PaperVenue(options, null!, trades, scheduler));
        Should.Throw<ArgumentNullException>(() => new PaperVenue(options, books, null!, scheduler));
        Should.Throw<ArgumentNullException>(() => new PaperVenue(options, books, trades, null!));
    }

    public static TheoryData<string> InvalidOptions() =>
        ["negative maker", "taker of 1", "latency", "closed bound", "open bound", "duplicate symbol", "no filters", "negative balance", "name"];

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOptions_Throw(string which)
    {
        var o = DefaultOptions();
        o = which switch
        {
            "negative maker" => o with { MakerFeeRate = -0.001m },
            "taker of 1" => o with { TakerFeeRate = 1m },
            "latency" => o with { AckLatency = TimeSpan.FromTicks(-1) },
            "closed bound" => o with { MaxClosedOrders = 0 },
            "open bound" => o with { MaxOpenOrdersPerSymbol = 0 },
            "duplicate symbol" => o with { Symbols = [o.Symbols[0], o.Symbols[0]] },
            "no filters" => o with { Symbols = [o.Symbols[0] with { Filters = null! }] },
            "negative balance" => o with { InitialBalances = new Dictionary<string, decimal> { ["USDT"] = -1m } },
            _ => o with { Name = " " },
        };
        Should.Throw<ArgumentException>(() => new PaperVenue(o, Observable.Never<BookTicker>(), Observable.Never<ITradeTick>(), new TestScheduler()));
    }

    [Fact]
    public void PlaceAsync_NullRequest_Throws()
    {
        using var h = new PaperHarness();
        Should.Throw<ArgumentNullException>(() => h.Venue.PlaceAsync(null!));
    }

    [Fact]
    public async Task Calls_CancelledToken_ThrowOperationCanceled()
    {
        using var h = new PaperHarness();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var request = OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 100m);
        Should.Throw<OperationCanceledException>(() => h.Venue.PlaceAsync(request, cts.Token));
        Should.Throw<OperationCanceledException>(() => h.Venue.CancelAsync(Btc, Id(1), cts.Token));
        Should.Throw<OperationCanceledException>(() => h.Venue.GetBalancesAsync(cts.Token));
        h.Updates.ShouldBeEmpty();
    }

    [Fact]
    public void Calls_AfterDispose_ThrowObjectDisposed()
    {
        var h = new PaperHarness();
        h.Dispose();
        Should.Throw<ObjectDisposedException>(() => h.Venue.PlaceAsync(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 100m)));
        Should.Throw<ObjectDisposedException>(() => h.Venue.GetOpenOrdersAsync());
    }

    public static TheoryData<string, OrderRequest, string> Malformed() => new()
    {
        { "no client id", new OrderRequest(default, Btc, Side.Buy, OrderType.Limit, 1m, 100m, TimeInForce.GoodTillCanceled), "The order has no client order id." },
        { "no symbol", new OrderRequest(Id(1), default, Side.Buy, OrderType.Limit, 1m, 100m, TimeInForce.GoodTillCanceled), "The order has no symbol." },
        { "zero price", OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 0m), "A limit order needs a positive price." },
        { "negative quantity", OrderRequest.Limit(Id(1), Btc, Side.Buy, -1m, 100m), "The quantity must be positive." },
        { "market with price", new OrderRequest(Id(1), Btc, Side.Buy, OrderType.Market, 1m, 100m), "A market order takes no price or time in force." },
        { "unknown side", new OrderRequest(Id(1), Btc, (Side)9, OrderType.Market, 1m), "Unknown side 9." },
        { "unknown type", new OrderRequest(Id(1), Btc, Side.Buy, (OrderType)9, 1m), "Unknown order type 9." },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void PlaceAsync_MalformedRequest_RejectedWith1102AndTheReason(string because, OrderRequest request, string reason)
    {
        using var h = new PaperHarness();
        var rejected = h.PlaceRejected(request);
        rejected.Code.ShouldBe(-1102, because);
        rejected.Message.ShouldBe("Malformed order request: " + reason);
        h.Updates.ShouldBeEmpty();
    }

    [Fact]
    public void PlaceAsync_AmountsBeyondTheDecimalRange_Rejected1102NotThrown()
    {
        using var h = new PaperHarness();
        var rejected = h.PlaceRejected(OrderRequest.Limit(Id(1), Eth, Side.Buy, 1e20m, 1e10m));
        rejected.Code.ShouldBe(-1102);
        rejected.Message.ShouldBe("Malformed order request: price × quantity is beyond the decimal range.");
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m, 0m));
    }

    [Fact]
    public void PlaceAsync_UnknownSymbol_Rejected1121()
    {
        using var h = new PaperHarness();
        var rejected = h.PlaceRejected(OrderRequest.Limit(Id(1), new Symbol("XRPUSDT"), Side.Buy, 1m, 1m));
        rejected.ShouldBe(new VenueOutcome<Order>.Rejected(-1121, "Invalid symbol."));
    }

    [Fact]
    public void PlaceAsync_SymbolNotTrading_Rejected1013MarketClosed()
    {
        using var h = new PaperHarness(o => o with { Symbols = [o.Symbols[0] with { Status = SymbolStatus.Halt }] });
        h.PlaceRejected(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 100m))
            .ShouldBe(new VenueOutcome<Order>.Rejected(-1013, "Market is closed."));
    }

    public static TheoryData<OrderRequest, string> FilterFailures() => new()
    {
        { OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 100.001m), "PRICE_FILTER" },
        { OrderRequest.Limit(Id(1), Btc, Side.Buy, 0.00015m, 100_000m), "LOT_SIZE" },
        { OrderRequest.Limit(Id(1), Btc, Side.Buy, 101m, 100m), "LOT_SIZE" },
        { OrderRequest.Market(Id(1), Btc, Side.Sell, 60m), "MARKET_LOT_SIZE" },
        { OrderRequest.Limit(Id(1), Btc, Side.Buy, 0.001m, 100m), "NOTIONAL" },
        { OrderRequest.LimitMaker(Id(1), Btc, Side.Sell, 0.01m, 100m), "NOTIONAL" },
        { new OrderRequest(Id(1), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 4m), "NOTIONAL" },
    };

    [Theory]
    [MemberData(nameof(FilterFailures))]
    public void PlaceAsync_FilterFailure_Rejected1013WithTheFilterName(OrderRequest request, string filter)
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        h.PlaceRejected(request).ShouldBe(new VenueOutcome<Order>.Rejected(-1013, "Filter failure: " + filter));
        h.Updates.ShouldBeEmpty();
    }

    [Fact]
    public void PlaceAsync_MarketNotional_UsesTheLastTradeElseTheOppositeBest()
    {
        using var h = new PaperHarness();
        // No reference price yet: the notional check is skipped, and with no book the order expires unfilled.
        h.Market(Side.Buy, 0.0001m).Status.ShouldBe(OrderStatus.Expired);
        h.Book(99m, 5m, 100m, 5m);
        h.PlaceRejected(OrderRequest.Market(Id(50), Btc, Side.Buy, 0.01m)).Message.ShouldBe("Filter failure: NOTIONAL");
        h.Trade(1_000m, 1m, sellerAggressor: false);
        h.Market(Side.Buy, 0.01m).Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void PlaceAsync_LegacyMinNotional_Rejected1013MinNotional()
    {
        using var h = new PaperHarness(o => o with
        {
            Symbols = [o.Symbols[1] with { Filters = SymbolFilters.None with { MinNotional = new MinNotionalFilter(10m, true, 5) } }],
        });
        h.PlaceRejected(OrderRequest.Limit(Id(1), Eth, Side.Buy, 1m, 9.99m))
            .ShouldBe(new VenueOutcome<Order>.Rejected(-1013, "Filter failure: MIN_NOTIONAL"));
        h.PlaceAccepted(OrderRequest.Limit(Id(2), Eth, Side.Buy, 1m, 10m)).Status.ShouldBe(OrderStatus.New);
    }

    [Fact]
    public void PlaceAsync_OpenOrderWithTheSameClientId_Rejected2010Duplicate_ClosedOneIsReusable()
    {
        using var h = new PaperHarness();
        var first = h.PlaceAccepted(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 100m));
        h.PlaceRejected(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 101m))
            .ShouldBe(new VenueOutcome<Order>.Rejected(-2010, "Duplicate order sent."));
        h.Cancel(first.ClientOrderId).ShouldBeOfType<VenueOutcome<Order>.Accepted>();

        var second = h.PlaceAccepted(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 102m));
        second.ExchangeOrderId.ShouldNotBe(first.ExchangeOrderId);
        h.Current(second).Price.ShouldBe(102m);
    }

    [Fact]
    public void PlaceAsync_MoreOpenOrdersThanTheBound_Rejected1013MaxNumOrders()
    {
        using var h = new PaperHarness(o => o with { MaxOpenOrdersPerSymbol = 2 });
        h.Limit(Side.Buy, 1m, 100m);
        h.Limit(Side.Sell, 1m, 200m);
        h.PlaceRejected(OrderRequest.Limit(Id(99), Btc, Side.Buy, 1m, 100m))
            .ShouldBe(new VenueOutcome<Order>.Rejected(-1013, "Filter failure: MAX_NUM_ORDERS"));
        h.PlaceAccepted(OrderRequest.Limit(Id(99), Eth, Side.Buy, 1m, 100m)).Status.ShouldBe(OrderStatus.New);
    }

    [Fact]
    public void PlaceAsync_InsufficientBalance_Rejected2010_NothingLocked()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        var insufficient = new VenueOutcome<Order>.Rejected(-2010, "Account has insufficient balance for requested action.");
        h.PlaceRejected(OrderRequest.Limit(Id(1), Btc, Side.Buy, 10m, 10_000.01m)).ShouldBe(insufficient);
        h.PlaceRejected(OrderRequest.Limit(Id(2), Btc, Side.Sell, 10.0001m, 100m)).ShouldBe(insufficient);
        h.PlaceRejected(OrderRequest.Market(Id(3), Btc, Side.Sell, 10.0001m)).ShouldBe(insufficient);
        h.PlaceRejected(new OrderRequest(Id(4), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 100_000.01m)).ShouldBe(insufficient);
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m, 0m));
        h.Balance("BTC").ShouldBe(new Balance("BTC", 10m, 0m));
        h.Limit(Side.Sell, 10m, 200m).Status.ShouldBe(OrderStatus.New);
        h.Balance("BTC").ShouldBe(new Balance("BTC", 0m, 10m));
    }

    [Fact]
    public void PlaceAsync_LimitMakerThatWouldTake_Rejected2010()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        var wouldTake = new VenueOutcome<Order>.Rejected(-2010, "Order would immediately match and take.");
        h.PlaceRejected(OrderRequest.LimitMaker(Id(1), Btc, Side.Buy, 1m, 100m)).ShouldBe(wouldTake);
        h.PlaceRejected(OrderRequest.LimitMaker(Id(2), Btc, Side.Sell, 1m, 98m)).ShouldBe(wouldTake);
        h.PlaceAccepted(OrderRequest.LimitMaker(Id(3), Btc, Side.Buy, 1m, 99.99m)).Status.ShouldBe(OrderStatus.New);
        h.PlaceAccepted(OrderRequest.LimitMaker(Id(4), Btc, Side.Sell, 1m, 99.01m)).Status.ShouldBe(OrderStatus.New);
    }

    [Fact]
    public void CancelAsync_UnknownOrClosedOrder_Rejected2011()
    {
        using var h = new PaperHarness();
        var unknown = new VenueOutcome<Order>.Rejected(-2011, "Unknown order sent.");
        h.Cancel(Id(42)).ShouldBe(unknown);
        h.Cancel(default).ShouldBe(unknown);
        h.Book(99m, 5m, 100m, 5m);
        var filled = h.Market(Side.Buy, 1m);
        filled.Status.ShouldBe(OrderStatus.Filled);
        h.Cancel(filled.ClientOrderId).ShouldBe(unknown);
        var rested = h.Limit(Side.Buy, 1m, 90m);
        h.Cancel(rested.ClientOrderId).ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value.Status.ShouldBe(OrderStatus.Canceled);
        var again = h.Cancel(rested.ClientOrderId).ShouldBeOfType<VenueOutcome<Order>.Rejected>();
        again.ShouldBe(unknown);
        again.IsNoSuchOrder.ShouldBeTrue();
        h.Cancel(rested.ClientOrderId, new Symbol("XRPUSDT")).ShouldBe(new VenueOutcome<Order>.Rejected(-1121, "Invalid symbol."));
    }

    [Fact]
    public void GetOrderAsync_UnknownOrder_Rejected2013_UnknownSymbol1121()
    {
        using var h = new PaperHarness();
        var missing = h.Get(Id(7)).ShouldBeOfType<VenueOutcome<Order>.Rejected>();
        missing.ShouldBe(new VenueOutcome<Order>.Rejected(-2013, "Order does not exist."));
        missing.IsNoSuchOrder.ShouldBeTrue();
        h.Get(default).ShouldBe(missing);
        h.Get(Id(7), new Symbol("XRPUSDT")).ShouldBe(new VenueOutcome<Order>.Rejected(-1121, "Invalid symbol."));
        var order = h.Limit(Side.Buy, 1m, 90m);
        h.Get(order.ClientOrderId, Eth).ShouldBe(missing);
    }

    [Fact]
    public async Task Queries_UnknownSymbol_Rejected1121_UnknownOrderIdHasNoFills()
    {
        using var h = new PaperHarness();
        var xrp = new Symbol("XRPUSDT");
        (await h.Venue.GetOpenOrdersAsync(xrp)).ShouldBeOfType<VenueOutcome<IReadOnlyList<Order>>.Rejected>().Code.ShouldBe(-1121);
        (await h.Venue.GetFillsAsync(xrp, 1)).ShouldBeOfType<VenueOutcome<IReadOnlyList<Fill>>.Rejected>().Code.ShouldBe(-1121);
        (await h.Venue.GetFillsAsync(Btc, 12345)).ShouldBeOfType<VenueOutcome<IReadOnlyList<Fill>>.Accepted>().Value.ShouldBeEmpty();
    }
}

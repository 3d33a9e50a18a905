using System.Collections.Concurrent;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;
using Shouldly;
using Xunit;

namespace RxTrader.Testing.Venues;

/// <summary>
/// The behaviour every <see cref="IExecutionVenue"/> must show, as one xunit suite: a venue's fixture inherits
/// it and says how to build the venue, set its book and make the market trade.
/// </summary>
/// <remarks>
/// The venue trades <see cref="ContractSymbol"/> (BTCUSDT: tick 0.01, step 0.00001, min notional 5) for an
/// account holding <see cref="ContractBalances"/>; each test gets a fresh venue with an empty book. Prices sit
/// around 100 so quantities of 0.1 clear the notional filter.
/// </remarks>
public abstract class ExecutionVenueContract : IAsyncLifetime
{
    private readonly ConcurrentQueue<OrderUpdate> _updates = new();
    private IDisposable? _subscription;
    private IExecutionVenue? _venue;
    private int _sequence;
    private int _updateErrors;

    /// <summary>The symbol every contract test trades, with Binance's BTCUSDT filters.</summary>
    public static SymbolInfo ContractSymbol { get; } = new(
        new Symbol("BTCUSDT"),
        SymbolStatus.Trading,
        "BTC",
        8,
        "USDT",
        8,
        new SymbolFilters(
            Price: new PriceFilter(0.01m, 1_000_000m, 0.01m),
            LotSize: new QuantityFilter(0.00001m, 9_000m, 0.00001m),
            MarketLotSize: new QuantityFilter(0m, 1_000m, 0m),
            Notional: new NotionalFilter(5m, 9_000_000m, ApplyMinToMarket: true, ApplyMaxToMarket: false, 5)));

    /// <summary>The account every contract test starts with.</summary>
    public static IReadOnlyList<Balance> ContractBalances { get; } =
        [new("USDT", 10_000m, 0m), new("BTC", 1m, 0m), new("ETH", 10m, 0m), new("BNB", 100m, 0m)];

    /// <summary>The venue under test.</summary>
    protected IExecutionVenue Venue => _venue ?? throw new InvalidOperationException("The venue is created in InitializeAsync.");

    private static Symbol Btc => ContractSymbol.Symbol;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _venue = await CreateVenueAsync();
        _subscription = _venue.OrderUpdates.Subscribe(
            _updates.Enqueue, _ => Interlocked.Increment(ref _updateErrors));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _subscription?.Dispose();
        await DisposeVenueAsync();
    }

    /// <summary>Builds a fresh venue trading <see cref="ContractSymbol"/> with <see cref="ContractBalances"/> and an empty book.</summary>
    /// <returns>The venue.</returns>
    protected abstract Task<IExecutionVenue> CreateVenueAsync();

    /// <summary>Releases what <see cref="CreateVenueAsync"/> built.</summary>
    /// <returns>When done.</returns>
    protected abstract Task DisposeVenueAsync();

    /// <summary>Makes the market's best bid and ask these prices, each with <paramref name="quantity"/> available.</summary>
    /// <param name="bid">Best bid.</param>
    /// <param name="ask">Best ask.</param>
    /// <param name="quantity">Size at each of the two levels.</param>
    /// <returns>When the venue knows the book.</returns>
    protected abstract Task SetBookAsync(decimal bid, decimal ask, decimal quantity);

    /// <summary>
    /// Makes the market trade through <paramref name="price"/>: a sell aggressor down to it, or a buy aggressor up
    /// to it, for <paramref name="quantity"/>, so that resting orders at better prices fill.
    /// </summary>
    /// <param name="aggressor">The side that takes liquidity.</param>
    /// <param name="price">The price the market trades at.</param>
    /// <param name="quantity">How much trades.</param>
    /// <returns>When the venue has seen the trade.</returns>
    protected abstract Task TradeThroughAsync(Side aggressor, decimal price, decimal quantity);

    /// <summary>
    /// Lets the venue's time pass until <paramref name="condition"/> holds: advances virtual time, or polls a real
    /// venue with a generous limit; fails naming <paramref name="what"/>.
    /// </summary>
    /// <param name="condition">What must become true.</param>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <returns>When it holds.</returns>
    protected abstract Task EventuallyAsync(Func<bool> condition, string what);

    [Fact]
    public async Task PlaceAsync_LimitAwayFromMarket_AcceptedNewAndOpen()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.Limit(NextId(), Btc, Side.Buy, 0.1m, 95m);

        var order = Accepted(await Venue.PlaceAsync(request));

        order.ClientOrderId.ShouldBe(request.ClientOrderId);
        order.Symbol.ShouldBe(Btc);
        order.Side.ShouldBe(Side.Buy);
        order.Type.ShouldBe(OrderType.Limit);
        order.TimeInForce.ShouldBe(TimeInForce.GoodTillCanceled);
        order.Price.ShouldBe(95m);
        order.Quantity.ShouldBe(0.1m);
        order.ExecutedQuantity.ShouldBe(0m);
        order.Status.ShouldBe(OrderStatus.New);
        Accepted(await Venue.GetOrderAsync(Btc, request.ClientOrderId)).Status.ShouldBe(OrderStatus.New);
        Accepted(await Venue.GetOpenOrdersAsync(Btc)).Select(o => o.ClientOrderId).ShouldBe([request.ClientOrderId]);
        Accepted(await Venue.GetOpenOrdersAsync()).ShouldContain(o => o.ClientOrderId == request.ClientOrderId);
        await EventuallyAsync(() => LastUpdate(request.ClientOrderId)?.Status == OrderStatus.New, "the New update");
    }

    [Fact]
    public async Task PlaceAsync_RestingBuy_LocksQuote()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var before = QuoteBalance(Accepted(await Venue.GetBalancesAsync()));

        Accepted(await Venue.PlaceAsync(OrderRequest.Limit(NextId(), Btc, Side.Buy, 0.1m, 95m)));

        var after = QuoteBalance(Accepted(await Venue.GetBalancesAsync()));
        after.Locked.ShouldBe(before.Locked + 9.5m);
        after.Free.ShouldBe(before.Free - 9.5m);
    }

    [Fact]
    public async Task CancelAsync_OpenOrder_CanceledEverywhere()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.Limit(NextId(), Btc, Side.Sell, 0.1m, 105m);
        Accepted(await Venue.PlaceAsync(request));

        var canceled = Accepted(await Venue.CancelAsync(Btc, request.ClientOrderId));

        canceled.ClientOrderId.ShouldBe(request.ClientOrderId);
        canceled.Status.ShouldBe(OrderStatus.Canceled);
        Accepted(await Venue.GetOrderAsync(Btc, request.ClientOrderId)).Status.ShouldBe(OrderStatus.Canceled);
        Accepted(await Venue.GetOpenOrdersAsync(Btc)).ShouldBeEmpty();
        await EventuallyAsync(() => LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Canceled, "the Canceled update");
        QuoteBalance(Accepted(await Venue.GetBalancesAsync())).ShouldBe(ContractBalances[0]);
    }

    [Fact]
    public async Task CancelAsync_Twice_SecondRejectedAsNoSuchOrder()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.Limit(NextId(), Btc, Side.Buy, 0.1m, 95m);
        Accepted(await Venue.PlaceAsync(request));
        Accepted(await Venue.CancelAsync(Btc, request.ClientOrderId));

        var second = await Venue.CancelAsync(Btc, request.ClientOrderId);

        second.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(VenueErrorCodes.CancelRejected);
    }

    [Fact]
    public async Task CancelAsync_UnknownOrder_RejectedAsNoSuchOrder()
    {
        var outcome = await Venue.CancelAsync(Btc, NextId());

        var rejected = outcome.ShouldBeOfType<VenueOutcome<Order>.Rejected>();
        rejected.IsNoSuchOrder.ShouldBeTrue();
        rejected.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task GetOrderAsync_UnknownOrder_RejectedWithNoSuchOrder()
    {
        var outcome = await Venue.GetOrderAsync(Btc, NextId());

        outcome.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(VenueErrorCodes.NoSuchOrder);
    }

    [Fact]
    public async Task PlaceAsync_MarketBuy_FillsAtTheAskWithFills()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.Market(NextId(), Btc, Side.Buy, 0.1m);

        var placed = Accepted(await Venue.PlaceAsync(request));

        await EventuallyAsync(() => LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Filled, "the Filled update");
        var order = Accepted(await Venue.GetOrderAsync(Btc, request.ClientOrderId));
        order.Status.ShouldBe(OrderStatus.Filled);
        order.ExecutedQuantity.ShouldBe(0.1m);
        order.CumulativeQuoteQuantity.ShouldBe(10.05m);
        placed.ExchangeOrderId.ShouldBe(order.ExchangeOrderId);
        var fills = Accepted(await Venue.GetFillsAsync(Btc, order.ExchangeOrderId));
        fills.Sum(f => f.Quantity).ShouldBe(0.1m);
        fills.ShouldAllBe(f => f.Price == 100.50m && !f.IsMaker && f.ClientOrderId == request.ClientOrderId);
        var streamed = UpdatesOf(request.ClientOrderId).Where(u => u.Fill is not null).Select(u => u.Fill!.TradeId).Distinct();
        streamed.Order().ShouldBe(fills.Select(f => f.TradeId).Order());
    }

    [Fact]
    public async Task PlaceAsync_MarketBuy_MovesBalances()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.Market(NextId(), Btc, Side.Buy, 0.1m);

        Accepted(await Venue.PlaceAsync(request));
        await EventuallyAsync(() => LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Filled, "the Filled update");

        var balances = Accepted(await Venue.GetBalancesAsync());
        var fills = Accepted(await Venue.GetFillsAsync(Btc, Accepted(await Venue.GetOrderAsync(Btc, request.ClientOrderId)).ExchangeOrderId));
        var baseFees = fills.Where(f => f.CommissionAsset == "BTC").Sum(f => f.Commission);
        var quoteFees = fills.Where(f => f.CommissionAsset == "USDT").Sum(f => f.Commission);
        Asset(balances, "BTC").Total.ShouldBe(1.1m - baseFees);
        Asset(balances, "USDT").Total.ShouldBe(10_000m - 10.05m - quoteFees);
    }

    [Fact]
    public async Task PlaceAsync_MarketByQuoteAmount_SpendsAboutThatAmount()
    {
        await SetBookAsync(99.50m, 100m, 1m);
        var request = new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 20m);

        Accepted(await Venue.PlaceAsync(request));

        await EventuallyAsync(() => LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Filled, "the Filled update");
        var order = Accepted(await Venue.GetOrderAsync(Btc, request.ClientOrderId));
        order.ExecutedQuantity.ShouldBe(0.2m);
        order.CumulativeQuoteQuantity.ShouldBe(20m);
    }

    [Fact]
    public async Task PlaceAsync_LimitCrossingTheAsk_FillsAsTaker()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.Limit(NextId(), Btc, Side.Buy, 0.1m, 101m, TimeInForce.ImmediateOrCancel);

        Accepted(await Venue.PlaceAsync(request));

        await EventuallyAsync(() => LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Filled, "the Filled update");
        var fills = UpdatesOf(request.ClientOrderId).Where(u => u.Fill is not null).Select(u => u.Fill!).ToList();
        fills.ShouldNotBeEmpty();
        fills.ShouldAllBe(f => f.Price == 100.50m && !f.IsMaker);
    }

    [Fact]
    public async Task PlaceAsync_IocAwayFromMarket_ExpiresUnfilled()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.Limit(NextId(), Btc, Side.Buy, 0.1m, 95m, TimeInForce.ImmediateOrCancel);

        await Venue.PlaceAsync(request);

        await EventuallyAsync(() => LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Expired, "the Expired update");
        var order = Accepted(await Venue.GetOrderAsync(Btc, request.ClientOrderId));
        order.Status.ShouldBe(OrderStatus.Expired);
        order.ExecutedQuantity.ShouldBe(0m);
        Accepted(await Venue.GetOpenOrdersAsync(Btc)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PlaceAsync_FokLargerThanTheBook_ExpiresWithNothingFilled()
    {
        await SetBookAsync(99.50m, 100.50m, 0.05m);
        var request = OrderRequest.Limit(NextId(), Btc, Side.Buy, 0.1m, 100.50m, TimeInForce.FillOrKill);

        await Venue.PlaceAsync(request);

        await EventuallyAsync(() => LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Expired, "the Expired update");
        Accepted(await Venue.GetOrderAsync(Btc, request.ClientOrderId)).ExecutedQuantity.ShouldBe(0m);
        UpdatesOf(request.ClientOrderId).ShouldAllBe(u => u.Fill == null);
    }

    [Fact]
    public async Task PlaceAsync_LimitMakerThatWouldTake_Rejected()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.LimitMaker(NextId(), Btc, Side.Buy, 0.1m, 100.50m);

        var outcome = await Venue.PlaceAsync(request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(VenueErrorCodes.NewOrderRejected);
        Accepted(await Venue.GetOpenOrdersAsync(Btc)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PlaceAsync_LimitMakerAwayFromMarket_Rests()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.LimitMaker(NextId(), Btc, Side.Sell, 0.1m, 101m);

        Accepted(await Venue.PlaceAsync(request)).Status.ShouldBe(OrderStatus.New);

        Accepted(await Venue.GetOpenOrdersAsync(Btc)).Single().Type.ShouldBe(OrderType.LimitMaker);
    }

    [Fact]
    public async Task PlaceAsync_RestingBuy_FillsAsMakerWhenTheMarketTradesThrough()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.Limit(NextId(), Btc, Side.Buy, 0.1m, 99m);
        Accepted(await Venue.PlaceAsync(request));

        await TradeThroughAsync(Side.Sell, 98.90m, 1m);

        await EventuallyAsync(() => LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Filled, "the Filled update");
        var fills = UpdatesOf(request.ClientOrderId).Where(u => u.Fill is not null).Select(u => u.Fill!).DistinctBy(f => f.TradeId).ToList();
        fills.Sum(f => f.Quantity).ShouldBe(0.1m);
        fills.ShouldAllBe(f => f.Price == 99m && f.IsMaker);
        Accepted(await Venue.GetOpenOrdersAsync(Btc)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PlaceAsync_DuplicateClientIdOfAnOpenOrder_RejectedAndOneOrderRemains()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var request = OrderRequest.Limit(NextId(), Btc, Side.Buy, 0.1m, 95m);
        Accepted(await Venue.PlaceAsync(request));

        var again = await Venue.PlaceAsync(request with { Price = 94m });

        again.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(VenueErrorCodes.NewOrderRejected);
        var open = Accepted(await Venue.GetOpenOrdersAsync(Btc));
        open.Count.ShouldBe(1);
        open[0].Price.ShouldBe(95m);
    }

    [Fact]
    public async Task PlaceAsync_UnknownSymbol_RejectedAsInvalidSymbol()
    {
        var outcome = await Venue.PlaceAsync(OrderRequest.Limit(NextId(), new Symbol("NOPEUSDT"), Side.Buy, 0.1m, 95m));

        outcome.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(VenueErrorCodes.InvalidSymbol);
    }

    [Theory]
    [InlineData(0.000001, 95)]
    [InlineData(0.1, 95.001)]
    [InlineData(0.01, 95)]
    public async Task PlaceAsync_BreaksAnExchangeFilter_RejectedAsFilterFailure(double quantity, double price)
    {
        await SetBookAsync(99.50m, 100.50m, 1m);

        var outcome = await Venue.PlaceAsync(OrderRequest.Limit(NextId(), Btc, Side.Buy, (decimal)quantity, (decimal)price));

        var rejected = outcome.ShouldBeOfType<VenueOutcome<Order>.Rejected>();
        rejected.Code.ShouldBe(VenueErrorCodes.FilterFailure);
        rejected.Message.ShouldStartWith("Filter failure:");
    }

    [Fact]
    public async Task PlaceAsync_MoreThanTheBalance_RejectedAndNothingLocked()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);

        var outcome = await Venue.PlaceAsync(OrderRequest.Limit(NextId(), Btc, Side.Buy, 1_000m, 95m));

        outcome.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(VenueErrorCodes.NewOrderRejected);
        QuoteBalance(Accepted(await Venue.GetBalancesAsync())).Locked.ShouldBe(0m);
    }

    [Fact]
    public async Task PlaceAsync_MalformedRequest_RejectedNotThrown()
    {
        var noPrice = new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Limit, 0.1m, null, TimeInForce.GoodTillCanceled);

        var outcome = await Venue.PlaceAsync(noPrice);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task PlaceAsync_NullRequest_Throws()
    {
        await Should.ThrowAsync<ArgumentNullException>(() => Venue.PlaceAsync(null!));
    }

    [Fact]
    public async Task GetBalancesAsync_FreshAccount_HasTheContractBalances()
    {
        var balances = Accepted(await Venue.GetBalancesAsync());

        foreach (var expected in ContractBalances)
        {
            Asset(balances, expected.Asset).ShouldBe(expected);
        }
    }

    [Fact]
    public async Task OrderUpdates_ManyOrders_EveryOrderEndsInItsVenueStateWithoutErrors()
    {
        await SetBookAsync(99.50m, 100.50m, 1m);
        var ids = new List<ClientOrderId>();
        for (var i = 0; i < 5; i++)
        {
            var resting = OrderRequest.Limit(NextId(), Btc, Side.Buy, 0.1m, 90m + i);
            var taking = OrderRequest.Market(NextId(), Btc, Side.Sell, 0.06m * (i + 1));
            Accepted(await Venue.PlaceAsync(resting));
            Accepted(await Venue.PlaceAsync(taking));
            ids.Add(resting.ClientOrderId);
            ids.Add(taking.ClientOrderId);
            await SetBookAsync(99.50m, 100.50m, 1m);
        }

        foreach (var id in ids.Where((_, i) => i % 4 == 0))
        {
            Accepted(await Venue.CancelAsync(Btc, id));
        }

        foreach (var id in ids)
        {
            var venueState = Accepted(await Venue.GetOrderAsync(Btc, id));
            await EventuallyAsync(
                () => LastUpdate(id) is { } last && last.Status == venueState.Status && last.ExecutedQuantity == venueState.ExecutedQuantity,
                $"the last update of {id} to match the venue ({venueState.Status})");
        }

        Volatile.Read(ref _updateErrors).ShouldBe(0);
    }

    /// <summary>A fresh client order id for this test.</summary>
    /// <returns>The id.</returns>
    protected ClientOrderId NextId() => ClientOrderId.For("contract", Interlocked.Increment(ref _sequence));

    /// <summary>The updates seen so far for one order, in arrival order.</summary>
    /// <param name="id">The order.</param>
    /// <returns>Its updates.</returns>
    protected IReadOnlyList<OrderUpdate> UpdatesOf(ClientOrderId id) => [.. _updates.Where(u => u.Order.ClientOrderId == id)];

    private Order? LastUpdate(ClientOrderId id) => _updates.LastOrDefault(u => u.Order.ClientOrderId == id)?.Order;

    private static T Accepted<T>(VenueOutcome<T> outcome) =>
        outcome is VenueOutcome<T>.Accepted accepted
            ? accepted.Value
            : throw new ShouldAssertException($"Expected the venue to accept, got {outcome}.");

    private static Balance Asset(IReadOnlyList<Balance> balances, string asset) =>
        balances.SingleOrDefault(b => b.Asset == asset) is { Asset: not null } found ? found : new Balance(asset, 0m, 0m);

    private static Balance QuoteBalance(IReadOnlyList<Balance> balances) => Asset(balances, "USDT");
}

using RxTrader.Core;
using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Matching;

/// <summary>New user orders (<c>POST /api/v3/order</c>).</summary>
public sealed partial class MatchingEngine
{
    /// <summary>Validates, locks funds for, and matches a new order.</summary>
    /// <param name="accountId">The account placing the order.</param>
    /// <param name="request">The order.</param>
    /// <returns>
    /// The order after matching and its fills; or the refusal: <c>-2015</c> unknown account, <c>-1121</c> unknown
    /// symbol, <c>-1013</c> "Market is closed.", <c>-1102</c>/<c>-1106</c> parameters, <c>-2010</c> type not
    /// supported (stop types), <c>-1100</c> client id syntax, <c>-1013</c> filter failures, <c>-2010</c>
    /// "Duplicate order sent.", <c>-1013</c> MAX_NUM_ORDERS, <c>-2010</c> insufficient balance, <c>-2010</c>
    /// "Order would immediately match and take." (LIMIT_MAKER) — checked in that order.
    /// </returns>
    /// <remarks>
    /// Funds are locked at acceptance: a LIMIT BUY locks price × quantity of quote; a SELL locks its base
    /// quantity; a MARKET BUY by quantity locks what walking the current book for that quantity costs (the part
    /// the book holds), and is refused when the free quote is below that; a MARKET BUY by quote locks
    /// <c>quoteOrderQty</c>. Fills spend from the lock; whatever is left is released when the order ends.
    /// An IOC/MARKET remainder and a FOK miss end EXPIRED in this same call.
    /// </remarks>
    public ExchangeResult<PlacedOrder> PlaceOrder(string accountId, OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(request);
        ExchangeResult<PlacedOrder> result;
        lock (_gate)
        {
            result = PlaceLocked(accountId, request);
        }

        _outbox.Flush();
        return result;
    }

    private ExchangeResult<PlacedOrder> PlaceLocked(string accountId, OrderRequest request)
    {
        if (!TryGetAccount(accountId, out var account, out var error))
        {
            return new(error);
        }

        if (!_markets.TryGetValue(request.Symbol, out var market))
        {
            return new(ExchangeErrors.InvalidSymbol);
        }

        if (CheckBeforeEngine(account, market, request) is { } invalid)
        {
            return new(invalid);
        }

        var rules = market.Rules;
        var opposite = market.Opposite(request.Side);
        var orders = account.Orders(request.Symbol);
        var isBuy = request.Side == Side.Buy;
        var quantity = request.Quantity ?? 0m;
        decimal toLock;
        if (request.Type != OrderType.Market)
        {
            toLock = isBuy ? request.Price!.Value * quantity : quantity;
        }
        else if (request.QuoteOrderQty is { } quote)
        {
            var (chosen, exhausted) = BookWalk.BaseForQuote(rules, opposite, quote);
            if (BookWalk.CheckChosenQuantity(rules, chosen, exhausted) is { } thin)
            {
                return new(thin);
            }

            quantity = chosen;
            toLock = isBuy ? quote : chosen;
        }
        else
        {
            toLock = isBuy ? BookWalk.CostToBuy(opposite, quantity) : quantity;
        }

        var lockAsset = isBuy ? rules.QuoteAsset : rules.BaseAsset;
        if (account.Free(lockAsset) < toLock)
        {
            return new(ExchangeErrors.InsufficientBalance);
        }

        if (request.Type == OrderType.LimitMaker && opposite.Best is { } best && opposite.Crosses(best.Price, request.Price!.Value))
        {
            return new(ExchangeErrors.WouldMatchAndTake);
        }

        var now = Now();
        var id = market.NextOrderId();
        var order = new Order
        {
            Id = id,
            Symbol = request.Symbol,
            Owner = account,
            ClientOrderId = request.NewClientOrderId ?? GeneratedClientId("sim-", id),
            Side = request.Side,
            Type = request.Type,
            TimeInForce = request.Type == OrderType.Limit ? request.TimeInForce!.Value : TimeInForce.Gtc,
            Price = request.Type == OrderType.Market ? 0m : request.Price!.Value,
            Quantity = quantity,
            QuoteOrderQty = request.QuoteOrderQty ?? 0m,
            StrategyId = request.StrategyId,
            StrategyType = request.StrategyType,
            Time = now,
            UpdateTime = now,
            Locked = toLock,
        };
        account.Lock(lockAsset, toLock);
        TouchAccount(account);
        orders.Add(order);
        Report(order, ExecutionType.New, now);

        var fills = new List<Fill>();
        Execute(market, order, now, fills);
        EndOperation(market, now);
        return new(new PlacedOrder(order.ToSnapshot(), fills, now));
    }

    /// <summary>Checks a new order without placing it (<c>POST /api/v3/order/test</c>).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="request">The order.</param>
    /// <returns>Null when the order passes; else the error <see cref="PlaceOrder"/> would give, among the checks
    /// made before the matching engine (account, symbol, parameters, client id, filters, duplicate,
    /// MAX_NUM_ORDERS). Balance and LIMIT_MAKER crossing are engine checks and are not made, as on Binance.</returns>
    public ExchangeError? TestOrder(string accountId, OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (!TryGetAccount(accountId, out var account, out var error))
            {
                return error;
            }

            return _markets.TryGetValue(request.Symbol, out var market)
                ? CheckBeforeEngine(account, market, request)
                : ExchangeErrors.InvalidSymbol;
        }
    }

    /// <summary>Parameters, filters, duplicate client id and MAX_NUM_ORDERS.</summary>
    private static ExchangeError? CheckBeforeEngine(Account account, SymbolMarket market, OrderRequest request)
    {
        var reference = market.LastPrice ?? market.Opposite(request.Side).Best?.Price;
        if (OrderValidation.Validate(market.Rules, request, reference) is { } invalid)
        {
            return invalid;
        }

        var orders = account.Orders(request.Symbol);
        if (request.NewClientOrderId is { } clientId && orders.HasOpenClientId(clientId))
        {
            return ExchangeErrors.DuplicateOrder;
        }

        return market.Rules.MaxNumOrders is { } max && orders.Open.Count >= max
            ? ExchangeErrors.FilterFailure("MAX_NUM_ORDERS")
            : null;
    }

    private static string GeneratedClientId(string prefix, long id) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{id}");
}

namespace RxTrader.Core.Orders;

/// <summary>An order to place: what the risk gate checks and a venue sends.</summary>
/// <param name="ClientOrderId">The idempotency key (see <see cref="Orders.ClientOrderId"/>).</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Limit, market or limit maker.</param>
/// <param name="Quantity">Base quantity; for a market order by quote amount, 0.</param>
/// <param name="Price">Limit price; <see langword="null"/> for market orders.</param>
/// <param name="TimeInForce">For limit orders; <see langword="null"/> for market and limit-maker orders.</param>
/// <param name="QuoteQuantity">For a market order by quote amount (<c>quoteOrderQty</c>); otherwise <see langword="null"/>.</param>
public sealed record OrderRequest(
    ClientOrderId ClientOrderId,
    Symbol Symbol,
    Side Side,
    OrderType Type,
    decimal Quantity,
    decimal? Price = null,
    TimeInForce? TimeInForce = null,
    decimal? QuoteQuantity = null)
{
    /// <summary>A limit order.</summary>
    /// <param name="id">The client order id.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="quantity">Base quantity.</param>
    /// <param name="price">Limit price.</param>
    /// <param name="timeInForce">Time in force; good till cancelled by default.</param>
    /// <returns>The request.</returns>
    public static OrderRequest Limit(
        ClientOrderId id, Symbol symbol, Side side, decimal quantity, decimal price,
        TimeInForce timeInForce = Orders.TimeInForce.GoodTillCanceled) =>
        new(id, symbol, side, OrderType.Limit, quantity, price, timeInForce);

    /// <summary>A market order by base quantity.</summary>
    /// <param name="id">The client order id.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="quantity">Base quantity.</param>
    /// <returns>The request.</returns>
    public static OrderRequest Market(ClientOrderId id, Symbol symbol, Side side, decimal quantity) =>
        new(id, symbol, side, OrderType.Market, quantity);

    /// <summary>A post-only limit order.</summary>
    /// <param name="id">The client order id.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="quantity">Base quantity.</param>
    /// <param name="price">Limit price.</param>
    /// <returns>The request.</returns>
    public static OrderRequest LimitMaker(ClientOrderId id, Symbol symbol, Side side, decimal quantity, decimal price) =>
        new(id, symbol, side, OrderType.LimitMaker, quantity, price);

    /// <summary>Checks the request's own consistency (not the exchange's filters: that is the risk gate's job).</summary>
    /// <returns><see langword="null"/> when well formed, otherwise why not.</returns>
    public string? Validate()
    {
        if (ClientOrderId.IsDefault)
        {
            return "The order has no client order id.";
        }

        if (Symbol.IsDefault)
        {
            return "The order has no symbol.";
        }

        if (Side is not (Side.Buy or Side.Sell))
        {
            return $"Unknown side {(int)Side}.";
        }

        return Type switch
        {
            OrderType.Limit when Price is not > 0m => "A limit order needs a positive price.",
            OrderType.Limit when TimeInForce is null => "A limit order needs a time in force.",
            OrderType.LimitMaker when Price is not > 0m => "A limit-maker order needs a positive price.",
            OrderType.LimitMaker when TimeInForce is not null => "A limit-maker order takes no time in force.",
            OrderType.Limit or OrderType.LimitMaker when QuoteQuantity is not null => "Only market orders take a quote quantity.",
            OrderType.Limit or OrderType.LimitMaker when Quantity <= 0m => "The quantity must be positive.",
            OrderType.Market when Price is not null || TimeInForce is not null => "A market order takes no price or time in force.",
            OrderType.Market when QuoteQuantity is { } quote && (quote <= 0m || Quantity != 0m) =>
                "A market order by quote amount needs a positive quote quantity and no base quantity.",
            OrderType.Market when QuoteQuantity is null && Quantity <= 0m => "The quantity must be positive.",
            OrderType.Limit or OrderType.LimitMaker or OrderType.Market => null,
            _ => $"Unknown order type {(int)Type}.",
        };
    }
}

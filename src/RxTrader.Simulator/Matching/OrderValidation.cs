using RxTrader.Core.Instruments;

namespace RxTrader.Simulator.Matching;

/// <summary>The checks Binance makes before the matching engine, in this order: symbol status, mandatory
/// parameters per type, type allowed, client id syntax, then the symbol filters.</summary>
/// <remarks>Binance's precedence among these is not documented; this order follows the wire reference.</remarks>
internal static class OrderValidation
{
    public const int MaxClientOrderIdLength = 36;

    public static ExchangeError? Validate(SymbolRules rules, OrderRequest request, decimal? referencePrice)
    {
        if (rules.Status != SymbolStatus.Trading)
        {
            return ExchangeErrors.MarketClosed;
        }

        var error = MandatoryParameters(request);
        // Stop types are not simulated: refused as a symbol that does not enable them, whatever the rules say.
        if (error is null && (!rules.OrderTypes.Contains(request.Type) || IsStop(request.Type)))
        {
            error = ExchangeErrors.OrderTypeNotSupported(request.Type);
        }

        if (error is null && request.QuoteOrderQty is not null && !rules.QuoteOrderQtyMarketAllowed)
        {
            error = ExchangeErrors.QuoteOrderQtyNotSupported;
        }

        if (error is null && request.NewClientOrderId is { } id && !IsValidClientOrderId(id))
        {
            error = ExchangeErrors.IllegalChars("newClientOrderId", ExchangeErrors.ClientOrderIdPattern);
        }

        return error ?? OrderFilters.Check(rules, request, referencePrice);
    }

    /// <summary>Whether <paramref name="id"/> matches <c>^[a-zA-Z0-9-_]{1,36}$</c>.</summary>
    public static bool IsValidClientOrderId(string id)
    {
        if (id.Length is 0 or > MaxClientOrderIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsStop(OrderType type) => type is not (OrderType.Limit or OrderType.LimitMaker or OrderType.Market);

    private static ExchangeError? MandatoryParameters(OrderRequest r)
    {
        switch (r.Type)
        {
            case OrderType.Market:
                if (r.Quantity is null && r.QuoteOrderQty is null)
                {
                    return ExchangeErrors.EitherParameter("quantity", "quoteOrderQty");
                }

                return r.Quantity is not null && r.QuoteOrderQty is not null
                    ? ExchangeErrors.ParameterNotRequired("quoteOrderQty")
                    : null;
            case OrderType.Limit:
                return Require(r.TimeInForce is null, "timeInForce") ?? Require(r.Quantity is null, "quantity")
                    ?? Require(r.Price is null, "price") ?? NoQuote(r);
            case OrderType.LimitMaker:
                return Require(r.Quantity is null, "quantity") ?? Require(r.Price is null, "price") ?? NoQuote(r);
            case OrderType.StopLoss or OrderType.TakeProfit:
                return Require(r.Quantity is null, "quantity") ?? Require(r.StopPrice is null, "stopPrice") ?? NoQuote(r);
            default:
                return Require(r.TimeInForce is null, "timeInForce") ?? Require(r.Quantity is null, "quantity")
                    ?? Require(r.Price is null, "price") ?? Require(r.StopPrice is null, "stopPrice") ?? NoQuote(r);
        }
    }

    private static ExchangeError? Require(bool missing, string name) =>
        missing ? ExchangeErrors.MandatoryParameter(name) : null;

    private static ExchangeError? NoQuote(OrderRequest r) =>
        r.QuoteOrderQty is null ? null : ExchangeErrors.ParameterNotRequired("quoteOrderQty");
}

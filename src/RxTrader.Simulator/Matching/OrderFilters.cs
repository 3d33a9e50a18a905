namespace RxTrader.Simulator.Matching;

/// <summary>The symbol filters applied to a new order, in exchangeInfo order: PRICE_FILTER, LOT_SIZE,
/// MARKET_LOT_SIZE, MIN_NOTIONAL, NOTIONAL. MAX_NUM_ORDERS needs the account and is checked by the engine.</summary>
/// <remarks>
/// MARKET orders are checked against LOT_SIZE and MARKET_LOT_SIZE. Their notional uses
/// <c>referencePrice</c> (the engine passes the last trade price, else the best opposite price; Binance uses
/// a 5-minute average price) and is skipped when there is none. A quote-quantity MARKET order's notional is its
/// <c>quoteOrderQty</c>; its base quantity is checked once the engine has chosen it.
/// </remarks>
internal static class OrderFilters
{
    public static ExchangeError? Check(SymbolRules rules, OrderRequest r, decimal? referencePrice)
    {
        var filters = rules.Filters;
        var isMarket = r.Type == OrderType.Market;
        if (!isMarket && filters.Price is { } pf && !pf.Accepts(r.Price!.Value))
        {
            return ExchangeErrors.FilterFailure("PRICE_FILTER");
        }

        if (r.Quantity is { } qty)
        {
            if (filters.LotSize is { } lot && !lot.Accepts(qty))
            {
                return ExchangeErrors.FilterFailure("LOT_SIZE");
            }

            if (isMarket && filters.MarketLotSize is { } mlot && !mlot.Accepts(qty))
            {
                return ExchangeErrors.FilterFailure("MARKET_LOT_SIZE");
            }
        }

        decimal? notional = isMarket
            ? r.QuoteOrderQty ?? (referencePrice is { } p ? p * r.Quantity!.Value : null)
            : r.Price!.Value * r.Quantity!.Value;
        if (notional is { } n)
        {
            if (filters.MinNotional is { } mn && (!isMarket || mn.ApplyToMarket) && n < mn.MinNotional)
            {
                return ExchangeErrors.FilterFailure("MIN_NOTIONAL");
            }

            if (filters.Notional is { } nf
                && (((!isMarket || nf.ApplyMinToMarket) && n < nf.MinNotional)
                    || ((!isMarket || nf.ApplyMaxToMarket) && nf.MaxNotional is { } max && n > max)))
            {
                return ExchangeErrors.FilterFailure("NOTIONAL");
            }
        }

        var zero = isMarket ? (r.Quantity ?? r.QuoteOrderQty!.Value) <= 0 : r.Price!.Value <= 0 || r.Quantity!.Value <= 0;
        return zero ? ExchangeErrors.PriceQtyZeroOrLess : null;
    }
}

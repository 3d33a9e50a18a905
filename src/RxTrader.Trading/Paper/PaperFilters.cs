using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Paper;

/// <summary>The symbol filters a new order must pass, in exchangeInfo order, with Binance's messages:
/// PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, MIN_NOTIONAL, NOTIONAL.</summary>
/// <remarks>A market order's notional uses a reference price (the last trade, else the opposite best; Binance uses
/// a 5-minute average) and is skipped when there is none; a quote-amount market order's notional is its quote
/// amount and its base quantity is checked once chosen (<see cref="CheckChosenQuantity"/>).</remarks>
internal static class PaperFilters
{
    public static PaperRejection? Check(SymbolFilters filters, OrderRequest r, decimal? referencePrice)
    {
        var isMarket = r.Type == OrderType.Market;
        if (!isMarket && filters.Price is { } pf && !pf.Accepts(r.Price!.Value))
        {
            return PaperRejection.FilterFailure("PRICE_FILTER");
        }

        if (r.QuoteQuantity is null)
        {
            if (filters.LotSize is { } lot && !lot.Accepts(r.Quantity))
            {
                return PaperRejection.FilterFailure("LOT_SIZE");
            }

            if (isMarket && filters.MarketLotSize is { } mlot && !mlot.Accepts(r.Quantity))
            {
                return PaperRejection.FilterFailure("MARKET_LOT_SIZE");
            }
        }

        decimal? notional = isMarket
            ? r.QuoteQuantity ?? (referencePrice is { } p ? p * r.Quantity : null)
            : r.Price!.Value * r.Quantity;
        if (notional is { } n)
        {
            if (filters.MinNotional is { } mn && (!isMarket || mn.ApplyToMarket) && n < mn.MinNotional)
            {
                return PaperRejection.FilterFailure("MIN_NOTIONAL");
            }

            if (filters.Notional is { } nf
                && (((!isMarket || nf.ApplyMinToMarket) && n < nf.MinNotional)
                    || ((!isMarket || nf.ApplyMaxToMarket) && nf.MaxNotional is { } max && n > max)))
            {
                return PaperRejection.FilterFailure("NOTIONAL");
            }
        }

        return null;
    }

    /// <summary>The base quantity worth at most <paramref name="quote"/> at <paramref name="price"/>, capped at
    /// <paramref name="available"/> and the filters' maxQty, rounded down to the step (MARKET_LOT_SIZE's, else
    /// LOT_SIZE's, else the base precision).</summary>
    public static decimal BaseForQuote(SymbolInfo info, decimal quote, decimal price, decimal available)
    {
        var total = Math.Min(quote / price, available);
        var filters = info.Filters;
        var step = filters.MarketLotSize is { StepSize: > 0 } m ? m.StepSize : filters.LotSize?.StepSize ?? 0m;
        var cap = MinPositive(filters.LotSize?.MaxQuantity ?? 0m, filters.MarketLotSize?.MaxQuantity ?? 0m);
        if (cap > 0 && total > cap)
        {
            total = cap;
        }

        return step > 0
            ? Math.Floor(total / step) * step
            : Math.Round(total, Math.Clamp(info.BaseAssetPrecision, 0, 28), MidpointRounding.ToZero);
    }

    /// <summary>The refusal of a chosen quote-amount quantity below the minimum, or null (as Binance words it).</summary>
    public static PaperRejection? CheckChosenQuantity(SymbolFilters filters, decimal quantity, bool exhausted)
    {
        if (filters.LotSize is { MinQuantity: > 0 } lot && quantity < lot.MinQuantity)
        {
            return exhausted ? PaperRejection.LiquidityBelowMinimum("LOT_SIZE") : PaperRejection.FilterFailure("LOT_SIZE");
        }

        if (filters.MarketLotSize is { MinQuantity: > 0 } mlot && quantity < mlot.MinQuantity)
        {
            return exhausted
                ? PaperRejection.LiquidityBelowMinimum("MARKET_LOT_SIZE")
                : PaperRejection.FilterFailure("MARKET_LOT_SIZE");
        }

        return quantity > 0m ? null
            : exhausted ? PaperRejection.NoLiquidity
            : PaperRejection.PriceQtyZeroOrLess;
    }

    private static decimal MinPositive(decimal a, decimal b) => a <= 0 ? b : b <= 0 ? a : Math.Min(a, b);
}

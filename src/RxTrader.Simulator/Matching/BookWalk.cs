namespace RxTrader.Simulator.Matching;

/// <summary>Reads a book side ahead of matching: FOK feasibility, the cost of a MARKET BUY by quantity, and the
/// base quantity of a quote-quantity MARKET order.</summary>
/// <remarks>Runs under the same gate as the matching that follows, so what it reads is exactly what will fill.</remarks>
internal static class BookWalk
{
    /// <summary>Whether the levels crossing <paramref name="limit"/> hold at least <paramref name="quantity"/>.</summary>
    public static bool CanFill(BookSide opposite, decimal limit, bool isMarket, decimal quantity)
    {
        var available = 0m;
        for (var i = 0; i < opposite.Count && available < quantity; i++)
        {
            var level = opposite.At(i);
            if (!isMarket && !opposite.Crosses(level.Price, limit))
            {
                break;
            }

            available += level.Quantity;
        }

        return available >= quantity;
    }

    /// <summary>The quote a MARKET BUY of <paramref name="quantity"/> would spend now (only the part the book holds).</summary>
    public static decimal CostToBuy(BookSide asks, decimal quantity)
    {
        var cost = 0m;
        var remaining = quantity;
        for (var i = 0; i < asks.Count && remaining > 0; i++)
        {
            var level = asks.At(i);
            var take = Math.Min(level.Quantity, remaining);
            cost += take * level.Price;
            remaining -= take;
        }

        return cost;
    }

    /// <summary>The base quantity worth at most <paramref name="quote"/> on the book, rounded down to the step
    /// (MARKET_LOT_SIZE's, else LOT_SIZE's, else the base precision) and capped at the filters' maxQty.</summary>
    /// <returns>The quantity, and whether the book ran out before the quote amount was reached.</returns>
    public static (decimal Quantity, bool Exhausted) BaseForQuote(SymbolRules rules, BookSide opposite, decimal quote)
    {
        var remaining = quote;
        var total = 0m;
        for (var i = 0; i < opposite.Count && remaining > 0; i++)
        {
            var level = opposite.At(i);
            var levelQuote = level.Price * level.Quantity;
            if (levelQuote <= remaining)
            {
                total += level.Quantity;
                remaining -= levelQuote;
            }
            else
            {
                total += remaining / level.Price;
                remaining = 0;
            }
        }

        var filters = rules.Filters;
        var step = filters.MarketLotSize is { StepSize: > 0 } m ? m.StepSize : filters.LotSize?.StepSize ?? 0m;
        var cap = MinPositive(filters.LotSize?.MaxQuantity ?? 0m, filters.MarketLotSize?.MaxQuantity ?? 0m);
        if (cap > 0 && total > cap)
        {
            total = cap;
        }

        total = step > 0
            ? Math.Floor(total / step) * step
            : Math.Round(total, rules.BaseAssetPrecision, MidpointRounding.ToZero);
        return (total, remaining > 0);
    }

    /// <summary>The error for a chosen quote-order quantity below the minimum, or null.</summary>
    public static ExchangeError? CheckChosenQuantity(SymbolRules rules, decimal quantity, bool exhausted)
    {
        if (rules.Filters.LotSize is { MinQuantity: > 0 } lot && quantity < lot.MinQuantity)
        {
            return exhausted ? ExchangeErrors.LiquidityBelowMinimum("LOT_SIZE") : ExchangeErrors.FilterFailure("LOT_SIZE");
        }

        if (rules.Filters.MarketLotSize is { MinQuantity: > 0 } mlot && quantity < mlot.MinQuantity)
        {
            return exhausted
                ? ExchangeErrors.LiquidityBelowMinimum("MARKET_LOT_SIZE")
                : ExchangeErrors.FilterFailure("MARKET_LOT_SIZE");
        }

        return quantity > 0 ? null
            : exhausted ? new ExchangeError(-2010, "Order book liquidity is less than symbol minimum quantity.")
            : ExchangeErrors.PriceQtyZeroOrLess;
    }

    private static decimal MinPositive(decimal a, decimal b) => a <= 0 ? b : b <= 0 ? a : Math.Min(a, b);
}

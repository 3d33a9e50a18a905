using RxTrader.Core;

namespace RxTrader.Trading.Positions;

/// <summary>
/// A position in one symbol derived from fills: signed quantity (long &gt; 0, short &lt; 0), average entry price,
/// realized profit, fees, and the unrealized profit against the latest mark.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Quantity">Signed base quantity: positive long, negative short, zero flat.</param>
/// <param name="AveragePrice">Average entry price of the open quantity (zero when flat).</param>
/// <param name="RealizedPnl">Profit realized by reducing or closing (quote asset, before fees).</param>
/// <param name="Fees">Fees paid, valued in the quote asset.</param>
/// <param name="MarkPrice">The latest mark price, or null before the first mark.</param>
/// <param name="FillCount">Fills applied.</param>
/// <remarks>
/// Average-cost accounting: adding to a position (or opening one) moves the average price to the quantity-weighted
/// mean; reducing realizes <c>closed × (price − average)</c> for a long (the opposite for a short) and keeps the
/// average; a fill larger than the position closes it and opens the rest on the other side at the fill price.
/// </remarks>
public sealed record Position(
    Symbol Symbol,
    decimal Quantity,
    decimal AveragePrice,
    decimal RealizedPnl,
    decimal Fees,
    decimal? MarkPrice,
    long FillCount)
{
    /// <summary>Profit of the open quantity against <see cref="MarkPrice"/> (zero without a mark).</summary>
    public decimal UnrealizedPnl => MarkPrice is { } mark ? Quantity * (mark - AveragePrice) : 0m;

    /// <summary>Realized plus unrealized, less fees.</summary>
    public decimal NetPnl => RealizedPnl + UnrealizedPnl - Fees;

    /// <summary>Whether no quantity is open.</summary>
    public bool IsFlat => Quantity == 0m;

    /// <summary>A flat position with no history.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The position.</returns>
    public static Position Flat(Symbol symbol) => new(symbol, 0m, 0m, 0m, 0m, null, 0);

    /// <summary>The position after one fill.</summary>
    /// <param name="side">The fill's side.</param>
    /// <param name="quantity">The filled base quantity (positive).</param>
    /// <param name="price">The fill price (positive).</param>
    /// <param name="feeInQuote">The fee, valued in the quote asset (not negative).</param>
    /// <returns>The new position.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive quantity or price, a negative fee, or an unknown side.</exception>
    public Position Apply(Side side, decimal quantity, decimal price, decimal feeInQuote)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(feeInQuote);
        var signed = side switch
        {
            Side.Buy => quantity,
            Side.Sell => -quantity,
            _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Unknown side."),
        };

        var quantityAfter = Quantity + signed;
        decimal average;
        var realized = RealizedPnl;
        if (Quantity == 0m || Math.Sign(Quantity) == Math.Sign(signed))
        {
            average = ((Math.Abs(Quantity) * AveragePrice) + (quantity * price)) / Math.Abs(quantityAfter);
        }
        else
        {
            var closed = Math.Min(quantity, Math.Abs(Quantity));
            realized += closed * (price - AveragePrice) * Math.Sign(Quantity);
            average = quantityAfter == 0m ? 0m
                : Math.Sign(quantityAfter) == Math.Sign(Quantity) ? AveragePrice
                : price;
        }

        return this with
        {
            Quantity = quantityAfter,
            AveragePrice = average,
            RealizedPnl = realized,
            Fees = Fees + feeInQuote,
            FillCount = FillCount + 1,
        };
    }

    /// <summary>The position marked at <paramref name="price"/>.</summary>
    /// <param name="price">The mark (positive).</param>
    /// <returns>The new position.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is not positive.</exception>
    public Position WithMark(decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        return this with { MarkPrice = price };
    }
}

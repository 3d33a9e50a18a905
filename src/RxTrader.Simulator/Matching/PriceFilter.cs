namespace RxTrader.Simulator.Matching;

/// <summary>The <c>PRICE_FILTER</c>: price range and tick. A zero disables that part.</summary>
/// <param name="MinPrice">The lowest price allowed; 0 disables.</param>
/// <param name="MaxPrice">The highest price allowed; 0 disables.</param>
/// <param name="TickSize">Prices must be multiples of it (<c>price % tickSize == 0</c>); 0 disables.</param>
public sealed record PriceFilter(decimal MinPrice, decimal MaxPrice, decimal TickSize)
{
    /// <summary>Whether <paramref name="price"/> passes the filter.</summary>
    /// <param name="price">The order price.</param>
    public bool Accepts(decimal price) =>
        (MinPrice == 0 || price >= MinPrice)
        && (MaxPrice == 0 || price <= MaxPrice)
        && (TickSize == 0 || price % TickSize == 0);
}

namespace RxTrader.Core.MarketData;

/// <summary>One price level of an order book.</summary>
/// <param name="Price">The level's price.</param>
/// <param name="Quantity">The total quantity at the price; in a depth update, zero removes the level.</param>
public readonly record struct BookLevel(decimal Price, decimal Quantity);

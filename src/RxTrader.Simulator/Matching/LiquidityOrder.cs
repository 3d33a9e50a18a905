using RxTrader.Core;

namespace RxTrader.Simulator.Matching;

/// <summary>A synthetic (market-model) order after placement, or an open one as listed.</summary>
/// <param name="OrderId">The order id (from the symbol's order id sequence).</param>
/// <param name="Side">The side.</param>
/// <param name="Price">The limit price.</param>
/// <param name="Resting">The quantity left on the book; 0 when it filled completely.</param>
/// <param name="Filled">The quantity traded so far.</param>
public readonly record struct LiquidityOrder(long OrderId, Side Side, decimal Price, decimal Resting, decimal Filled);

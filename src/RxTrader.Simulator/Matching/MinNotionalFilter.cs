namespace RxTrader.Simulator.Matching;

/// <summary>The legacy <c>MIN_NOTIONAL</c> filter: price × quantity must reach a minimum.</summary>
/// <param name="MinNotional">The smallest notional allowed.</param>
/// <param name="ApplyToMarket">Whether MARKET orders are checked (at the reference price).</param>
public sealed record MinNotionalFilter(decimal MinNotional, bool ApplyToMarket);

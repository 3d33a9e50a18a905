namespace RxTrader.Simulator.Matching;

/// <summary>The <c>NOTIONAL</c> filter: price × quantity within a range.</summary>
/// <param name="MinNotional">The smallest notional allowed.</param>
/// <param name="ApplyMinToMarket">Whether MARKET orders are checked against the minimum.</param>
/// <param name="MaxNotional">The largest notional allowed; 0 disables.</param>
/// <param name="ApplyMaxToMarket">Whether MARKET orders are checked against the maximum.</param>
public sealed record NotionalFilter(decimal MinNotional, bool ApplyMinToMarket, decimal MaxNotional, bool ApplyMaxToMarket);

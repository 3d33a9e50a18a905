namespace RxTrader.Core.Instruments;

/// <summary>The legacy order-value rule of a symbol (Binance <c>MIN_NOTIONAL</c>): a lower bound only.</summary>
/// <remarks>An order passes when price × quantity ≥ <see cref="MinNotional"/>. Market orders are checked against
/// the average price over <see cref="AveragePriceMinutes"/>, and only when <see cref="ApplyToMarket"/> is set.
/// Binance still lists it beside <see cref="NotionalFilter"/> on some symbols, and rejects an order that fails it
/// with its own name, so the two are kept apart.</remarks>
/// <param name="MinNotional">The smallest order value, in the quote asset.</param>
/// <param name="ApplyToMarket">Whether market orders must meet <see cref="MinNotional"/>.</param>
/// <param name="AveragePriceMinutes">The averaging window of the reference price for market orders, in minutes.</param>
public readonly record struct MinNotionalFilter(decimal MinNotional, bool ApplyToMarket, int AveragePriceMinutes);

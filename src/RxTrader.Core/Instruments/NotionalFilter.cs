namespace RxTrader.Core.Instruments;

/// <summary>The order-value rule of a symbol (Binance <c>NOTIONAL</c>).</summary>
/// <remarks>An order passes when <see cref="MinNotional"/> ≤ price × quantity ≤ <see cref="MaxNotional"/>. Market
/// orders are checked against the average price over <see cref="AveragePriceMinutes"/>, and only for the bounds
/// whose <c>Apply…ToMarket</c> flag is set. The legacy <c>MIN_NOTIONAL</c> rule is a
/// <see cref="MinNotionalFilter"/>.</remarks>
/// <param name="MinNotional">The smallest order value, in the quote asset.</param>
/// <param name="MaxNotional">The largest order value, in the quote asset; null when there is none.</param>
/// <param name="ApplyMinToMarket">Whether market orders must meet <see cref="MinNotional"/>.</param>
/// <param name="ApplyMaxToMarket">Whether market orders must meet <see cref="MaxNotional"/>.</param>
/// <param name="AveragePriceMinutes">The averaging window of the reference price for market orders, in minutes.</param>
public readonly record struct NotionalFilter(
    decimal MinNotional,
    decimal? MaxNotional,
    bool ApplyMinToMarket,
    bool ApplyMaxToMarket,
    int AveragePriceMinutes);

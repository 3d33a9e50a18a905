namespace RxTrader.Binance.Rest;

/// <summary>One limiter of <c>exchangeInfo.rateLimits</c>, e.g. <c>REQUEST_WEIGHT</c> 6000 per 1 minute.</summary>
/// <param name="Type">The limiter type: <c>REQUEST_WEIGHT</c>, <c>ORDERS</c> or <c>RAW_REQUESTS</c>.</param>
/// <param name="Interval">The window length (<c>intervalNum</c> × <c>interval</c>).</param>
/// <param name="Limit">The most weight, orders or requests per window.</param>
public sealed record ExchangeRateLimit(string Type, TimeSpan Interval, int Limit);

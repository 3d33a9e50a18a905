using RxTrader.Core.MarketData;

namespace RxTrader.Simulator.Matching;

/// <summary>A trade for the public <c>&lt;symbol&gt;@trade</c> stream (any owners, synthetic included).</summary>
/// <param name="Trade">The trade, with its per-symbol id and buyer-maker flag.</param>
public sealed record PublicTradeExecuted(Trade Trade) : ExchangeEvent(Trade.TradeTime);

using RxTrader.Core.MarketData;

namespace RxTrader.Simulator.Matching;

/// <summary>The levels one engine operation changed, for the <c>&lt;symbol&gt;@depth</c> diff stream.</summary>
/// <remarks>
/// Each operation that changes a symbol's book takes the next update id of that symbol
/// (<c>U == u == previous u + 1</c>), the same sequence <see cref="MatchingEngine.GetDepth"/> reports as
/// <c>lastUpdateId</c>. Quantities are absolute; zero removes the level.
/// </remarks>
/// <param name="Update">The diff.</param>
public sealed record DepthChanged(DepthUpdate Update) : ExchangeEvent(Update.EventTime);

using System.Collections.Immutable;

namespace RxTrader.Core.MarketData;

/// <summary>A diff of an order book (Binance <c>&lt;symbol&gt;@depth</c>): levels whose quantity changed.</summary>
/// <remarks>
/// Quantities are absolute, and zero removes the level. Updates chain: the next update's
/// <see cref="FirstUpdateId"/> is this one's <see cref="FinalUpdateId"/> + 1; anything else is a gap.
/// Equality compares the level arrays by reference, as <see cref="ImmutableArray{T}"/> does.
/// </remarks>
/// <param name="Symbol">The symbol.</param>
/// <param name="EventTime">When the exchange sent the event.</param>
/// <param name="FirstUpdateId">The first update id in the diff (Binance <c>U</c>).</param>
/// <param name="FinalUpdateId">The final update id in the diff (Binance <c>u</c>).</param>
/// <param name="Bids">Changed bid levels.</param>
/// <param name="Asks">Changed ask levels.</param>
public readonly record struct DepthUpdate(
    Symbol Symbol,
    DateTimeOffset EventTime,
    long FirstUpdateId,
    long FinalUpdateId,
    ImmutableArray<BookLevel> Bids,
    ImmutableArray<BookLevel> Asks)
{
    /// <summary>Whether this update directly follows <paramref name="previousFinalUpdateId"/> with nothing lost.</summary>
    /// <param name="previousFinalUpdateId">The <see cref="FinalUpdateId"/> of the update applied before.</param>
    public bool Follows(long previousFinalUpdateId) => FirstUpdateId == previousFinalUpdateId + 1;
}

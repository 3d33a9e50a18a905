using RxTrader.Core.MarketData;

namespace RxTrader.Binance.OrderBooks;

/// <summary>Classifies diffs against a book's update id.</summary>
internal static class UpdateFitting
{
    /// <summary>
    /// One rule for the first diff after a snapshot and every diff after it: ignore <c>u ≤ bookId</c> (the docs'
    /// <c>u &lt; bookId</c> plus the exact duplicate <c>u == bookId</c>, which carries nothing new), a gap when
    /// <c>U &gt; bookId + 1</c>, otherwise apply. For the first diff this is the straddle
    /// <c>U ≤ lastUpdateId + 1 ≤ u</c>; afterwards, on Binance's continuous stream, it is <c>U == previous u + 1</c>.
    /// </summary>
    public static UpdateFit Classify(in DepthUpdate update, long bookId) =>
        update.FinalUpdateId <= bookId ? UpdateFit.Stale
        : update.FirstUpdateId > bookId + 1 ? UpdateFit.Gap
        : UpdateFit.Applies;
}

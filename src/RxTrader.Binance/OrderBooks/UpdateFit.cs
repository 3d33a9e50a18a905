namespace RxTrader.Binance.OrderBooks;

/// <summary>How a diff relates to a book at a given update id (Binance procedure, step 5).</summary>
internal enum UpdateFit
{
    /// <summary><c>u ≤ bookId</c>: the book already contains it (duplicate, late or old event).</summary>
    Stale,

    /// <summary><c>U ≤ bookId + 1 ≤ u</c>: continuous (<c>U == bookId + 1</c>) or straddling; apply it.</summary>
    Applies,

    /// <summary><c>U &gt; bookId + 1</c>: update ids are missing.</summary>
    Gap,
}

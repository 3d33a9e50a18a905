using RxTrader.Core.MarketData;

namespace RxTrader.Benchmarks.OrderBooks;

/// <summary>
/// A 1,000-level-per-side book and pairs of 20-level diffs (10 bids, 10 asks) where the second diff undoes the first,
/// so the book keeps its size and alternating them runs in steady state. Each diff per side: 5 quantity changes,
/// 3 removals of existing levels and 2 insertions of new ones (or the reverse).
/// </summary>
internal static class BookDiffs
{
    public const int Levels = 1000;
    public const decimal Mid = 30_000m;
    public const decimal Tick = 0.01m;

    public static BookLevel[] Bids() => [.. Enumerable.Range(0, Levels).Select(i => new BookLevel(Mid - (i * Tick), Quantity(i)))];

    public static BookLevel[] Asks() => [.. Enumerable.Range(0, Levels).Select(i => new BookLevel(Mid + Tick + (i * Tick), Quantity(i)))];

    /// <summary>A diff and its inverse touching the levels at the given depths (0 = best) on one side.</summary>
    /// <param name="depths">Ten distinct depths: 5 changed, 3 removed, 2 used as anchors for new half-tick levels.</param>
    /// <param name="sign">-1 for bids (prices below the mid), +1 for asks.</param>
    public static (BookLevel[] Forward, BookLevel[] Back) Pair(int[] depths, int sign)
    {
        decimal Price(int depth) => sign < 0 ? Mid - (depth * Tick) : Mid + Tick + (depth * Tick);
        var forward = new List<BookLevel>();
        var back = new List<BookLevel>();
        for (var i = 0; i < 5; i++)
        {
            forward.Add(new BookLevel(Price(depths[i]), Quantity(depths[i]) + 1m));
            back.Add(new BookLevel(Price(depths[i]), Quantity(depths[i])));
        }

        for (var i = 5; i < 8; i++)
        {
            forward.Add(new BookLevel(Price(depths[i]), 0m));
            back.Add(new BookLevel(Price(depths[i]), Quantity(depths[i])));
        }

        for (var i = 8; i < 10; i++)
        {
            var between = Price(depths[i]) + (sign * Tick / 2m);
            forward.Add(new BookLevel(between, 3m));
            back.Add(new BookLevel(between, 0m));
        }

        return ([.. forward], [.. back]);
    }

    private static decimal Quantity(int depth) => 1m + ((depth % 7) * 0.125m);
}

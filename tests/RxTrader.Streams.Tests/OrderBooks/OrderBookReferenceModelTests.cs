using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Streams.OrderBooks;

namespace RxTrader.Streams.Tests.OrderBooks;

/// <summary>Property-style check: the book agrees with a naive SortedDictionary model over seeded random diffs.</summary>
public sealed class OrderBookReferenceModelTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    public void Apply_RandomDiffs_MatchesReferenceModel(int seed)
    {
        var random = new Random(seed);
        var book = new OrderBook(Btc, capacity: 8);
        var bids = new SortedDictionary<decimal, decimal>();
        var asks = new SortedDictionary<decimal, decimal>();

        // Prices on a 0.01 grid around 1000 with both sides overlapping the mid, so levels come and go often and the
        // book is sometimes crossed: the model checks IsCrossed too.
        var snapshotBids = Enumerable.Range(0, 300).Select(i => new BookLevel(1000m - (i * 0.01m), 1m + i)).ToArray();
        var snapshotAsks = Enumerable.Range(0, 300).Select(i => new BookLevel(1000.01m + (i * 0.01m), 1m + i)).ToArray();
        book.Load(new DepthSnapshot(Btc, 1, [.. snapshotBids], [.. snapshotAsks]));
        Array.ForEach(snapshotBids, l => bids[l.Price] = l.Quantity);
        Array.ForEach(snapshotAsks, l => asks[l.Price] = l.Quantity);

        var buffer = new BookLevel[25];
        for (var diff = 0; diff < 3000; diff++)
        {
            var diffBids = RandomLevels(random, 995m);
            var diffAsks = RandomLevels(random, 1005m);
            book.Apply(diff + 2, diffBids, diffAsks);
            ApplyToModel(bids, diffBids);
            ApplyToModel(asks, diffAsks);

            var depth = random.Next(0, buffer.Length);
            var expectedBids = bids.Reverse().Take(depth).Select(p => new BookLevel(p.Key, p.Value)).ToArray();
            var expectedAsks = asks.Take(depth).Select(p => new BookLevel(p.Key, p.Value)).ToArray();
            var actualBids = book.GetBids(depth).ToArray();
            var actualAsks = buffer.AsSpan(0, book.CopyAsks(buffer.AsSpan(0, depth))).ToArray();

            // Shouldly only on a mismatch: its per-call cost would dominate thousands of checks.
            if (!actualBids.SequenceEqual(expectedBids) || !actualAsks.SequenceEqual(expectedAsks))
            {
                actualBids.ShouldBe(expectedBids, $"bids after diff {diff}");
                actualAsks.ShouldBe(expectedAsks, $"asks after diff {diff}");
            }

            var crossed = bids.Count > 0 && asks.Count > 0 && bids.Keys.Max() >= asks.Keys.Min();
            if (book.BidCount != bids.Count || book.AskCount != asks.Count || book.IsCrossed != crossed)
            {
                (book.BidCount, book.AskCount, book.IsCrossed).ShouldBe((bids.Count, asks.Count, crossed), $"after diff {diff}");
            }
        }
    }

    // Up to 20 levels, mostly near the given centre, a third of them removals (often of absent levels).
    private static BookLevel[] RandomLevels(Random random, decimal centre)
    {
        var levels = new BookLevel[random.Next(0, 21)];
        for (var i = 0; i < levels.Length; i++)
        {
            var offset = random.Next(-800, 801) * 0.01m;
            var quantity = random.Next(3) == 0 ? 0m : random.Next(1, 1000) / 100m;
            levels[i] = new BookLevel(centre + offset, quantity);
        }

        return levels;
    }

    private static void ApplyToModel(SortedDictionary<decimal, decimal> side, BookLevel[] levels)
    {
        foreach (var level in levels)
        {
            if (level.Quantity == 0m)
            {
                side.Remove(level.Price);
            }
            else
            {
                side[level.Price] = level.Quantity;
            }
        }
    }
}

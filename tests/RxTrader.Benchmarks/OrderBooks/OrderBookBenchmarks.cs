using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Streams.OrderBooks;

namespace RxTrader.Benchmarks.OrderBooks;

/// <summary>The pure book: 20-level diffs on a 1,000-level book, top-of-book reads and top-20 copies.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class OrderBookBenchmarks
{
    private readonly BookLevel[] _bidBuffer = new BookLevel[20];
    private readonly BookLevel[] _askBuffer = new BookLevel[20];
    private OrderBook _book = null!;
    private (BookLevel[] Forward, BookLevel[] Back) _nearBids;
    private (BookLevel[] Forward, BookLevel[] Back) _nearAsks;
    private (BookLevel[] Forward, BookLevel[] Back) _spreadBids;
    private (BookLevel[] Forward, BookLevel[] Back) _spreadAsks;

    [GlobalSetup]
    public void Setup()
    {
        var symbol = new Symbol("BTCUSDT");
        _book = new OrderBook(symbol);
        _book.Load(new DepthSnapshot(symbol, 1, [.. BookDiffs.Bids()], [.. BookDiffs.Asks()]));

        // Near the top, where most real diff levels fall.
        int[] near = [0, 1, 2, 4, 7, 3, 9, 12, 5, 15];
        _nearBids = BookDiffs.Pair(near, -1);
        _nearAsks = BookDiffs.Pair(near, +1);

        // Anywhere in the 1,000 levels (seeded), the worst case for the shifts.
        var random = new Random(42);
        var spread = Enumerable.Range(0, 999).OrderBy(_ => random.Next()).Take(10).ToArray();
        _spreadBids = BookDiffs.Pair(spread, -1);
        _spreadAsks = BookDiffs.Pair(spread, +1);
    }

    /// <summary>One 20-level diff near the top (the pair applies a diff and its inverse).</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public void ApplyDiff20NearTop()
    {
        _book.Apply(2, _nearBids.Forward, _nearAsks.Forward);
        _book.Apply(3, _nearBids.Back, _nearAsks.Back);
    }

    /// <summary>One 20-level diff spread over the whole book.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public void ApplyDiff20Spread()
    {
        _book.Apply(2, _spreadBids.Forward, _spreadAsks.Forward);
        _book.Apply(3, _spreadBids.Back, _spreadAsks.Back);
    }

    [Benchmark]
    public decimal BestBidAsk()
    {
        _book.TryGetBestBid(out var bid);
        _book.TryGetBestAsk(out var ask);
        return ask.Price - bid.Price;
    }

    [Benchmark]
    public bool TopOfBook() => _book.TryGetTopOfBook(out _);

    [Benchmark]
    public int CopyTop20() => _book.CopyBids(_bidBuffer) + _book.CopyAsks(_askBuffer);

    [Benchmark]
    public DepthSnapshot Top20Snapshot() => _book.ToSnapshot(20);
}

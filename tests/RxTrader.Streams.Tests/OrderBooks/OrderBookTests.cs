using System.Collections.Immutable;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Streams.OrderBooks;

namespace RxTrader.Streams.Tests.OrderBooks;

public sealed class OrderBookTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Should.Throw<ArgumentException>(() => new OrderBook(default));
        Should.Throw<ArgumentOutOfRangeException>(() => new OrderBook(Btc, 0));
    }

    [Fact]
    public void Load_Snapshot_ExposesBestLevelsAndCounts()
    {
        var book = Loaded();

        book.LastUpdateId.ShouldBe(100);
        book.BidCount.ShouldBe(3);
        book.AskCount.ShouldBe(3);
        book.TryGetBestBid(out var bid).ShouldBeTrue();
        bid.ShouldBe(new BookLevel(100m, 1m));
        book.TryGetBestAsk(out var ask).ShouldBeTrue();
        ask.ShouldBe(new BookLevel(101m, 4m));
        book.IsCrossed.ShouldBeFalse();
    }

    [Fact]
    public void Load_UnsortedWithDuplicatesAndZeros_SortsKeepsLaterAndSkipsZeros()
    {
        var book = new OrderBook(Btc);
        book.Load(new DepthSnapshot(Btc, 7, [L(98, 1), L(100, 2), L(99, 0), L(98, 5)], [L(103, 1), L(101, 2)]));

        book.GetBids(10).ShouldBe([L(100, 2), L(98, 5)]);
        book.GetAsks(10).ShouldBe([L(101, 2), L(103, 1)]);
    }

    [Fact]
    public void Load_ReplacesPreviousContent()
    {
        var book = Loaded();
        book.Load(new DepthSnapshot(Btc, 200, [L(50, 1)], []));

        book.GetBids(10).ShouldBe([L(50, 1)]);
        book.AskCount.ShouldBe(0);
        book.LastUpdateId.ShouldBe(200);
    }

    [Fact]
    public void Load_OtherSymbol_Throws()
    {
        var book = new OrderBook(Btc);
        Should.Throw<ArgumentException>(() => book.Load(new DepthSnapshot(new Symbol("ETHUSDT"), 1, [], [])));
    }

    [Fact]
    public void Apply_SetsInsertsAndRemovesLevels()
    {
        var book = Loaded();
        book.Apply(Update(101, 102, bids: [L(100, 7), L(99.5m, 3), L(98, 0)], asks: [L(101, 0), L(104, 1)]));

        book.LastUpdateId.ShouldBe(102);
        book.GetBids(10).ShouldBe([L(100, 7), L(99.5m, 3), L(99, 2)]);
        book.GetAsks(10).ShouldBe([L(102, 5), L(103, 6), L(104, 1)]);
    }

    [Fact]
    public void Apply_ZeroQuantityOfAbsentLevel_IsIgnored()
    {
        var book = Loaded();
        book.Apply(Update(101, 101, bids: [L(42, 0)], asks: [L(420, 0)]));

        book.GetBids(10).ShouldBe(Loaded().GetBids(10));
        book.GetAsks(10).ShouldBe(Loaded().GetAsks(10));
        book.LastUpdateId.ShouldBe(101);
    }

    [Fact]
    public void Apply_EqualPriceWithOtherScale_UpdatesTheSameLevel()
    {
        var book = Loaded();
        book.Apply(Update(101, 101, bids: [L(100.000m, 9)], asks: []));

        book.BidCount.ShouldBe(3);
        book.TryGetBestBid(out var bid).ShouldBeTrue();
        bid.Quantity.ShouldBe(9m);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(1, -1)]
    public void Apply_InvalidLevel_ThrowsAndLeavesBookUnchanged(int price, int quantity)
    {
        var book = Loaded();
        Should.Throw<ArgumentException>(() => book.Apply(Update(101, 101, bids: [L(99, 8)], asks: [L(price, quantity)])));

        book.GetBids(10).ShouldBe(Loaded().GetBids(10));
        book.LastUpdateId.ShouldBe(100);
    }

    [Fact]
    public void Apply_PriceWithMoreThan18DecimalPlaces_Throws()
    {
        var book = Loaded();
        Should.Throw<ArgumentException>(() => book.Apply(Update(101, 101, bids: [L(0.0000000000000000001m, 1)], asks: [])));
        book.BidCount.ShouldBe(3);
    }

    [Fact]
    public void Apply_OtherSymbol_Throws()
    {
        var book = Loaded();
        var update = Update(101, 101, [], []) with { Symbol = new Symbol("ETHUSDT") };
        Should.Throw<ArgumentException>(() => book.Apply(update));
    }

    [Fact]
    public void IsCrossed_BidAtOrAboveAsk_IsTrue()
    {
        var book = Loaded();
        book.Apply(Update(101, 101, bids: [L(101, 1)], asks: []));
        book.IsCrossed.ShouldBeTrue();
    }

    [Fact]
    public void CopyBidsAndAsks_BufferShorterOrLonger_CopiesBestFirst()
    {
        var book = Loaded();
        Span<BookLevel> two = stackalloc BookLevel[2];
        book.CopyBids(two).ShouldBe(2);
        two.ToArray().ShouldBe([L(100, 1), L(99, 2)]);

        Span<BookLevel> five = stackalloc BookLevel[5];
        book.CopyAsks(five).ShouldBe(3);
        five[..3].ToArray().ShouldBe([L(101, 4), L(102, 5), L(103, 6)]);
    }

    [Fact]
    public void TryGetTopOfBook_BothSides_ReturnsTicker()
    {
        var book = Loaded();
        book.TryGetTopOfBook(out var top).ShouldBeTrue();
        top.ShouldBe(new BookTicker(Btc, 100, 100m, 1m, 101m, 4m));
    }

    [Fact]
    public void TryGetTopOfBook_EmptySide_ReturnsFalse()
    {
        var book = new OrderBook(Btc);
        book.Load(new DepthSnapshot(Btc, 1, [L(1, 1)], []));

        book.TryGetTopOfBook(out _).ShouldBeFalse();
        book.TryGetBestAsk(out _).ShouldBeFalse();
    }

    [Fact]
    public void GetBids_NegativeDepth_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Loaded().GetBids(-1));

    [Fact]
    public void ToSnapshot_ReturnsTopLevelsAtUpdateId()
    {
        var snapshot = Loaded().ToSnapshot(1);

        snapshot.LastUpdateId.ShouldBe(100);
        snapshot.Bids.ShouldBe([L(100, 1)]);
        snapshot.Asks.ShouldBe([L(101, 4)]);
    }

    [Fact]
    public void Clear_EmptiesBookAndResetsId()
    {
        var book = Loaded();
        book.Clear();

        book.BidCount.ShouldBe(0);
        book.AskCount.ShouldBe(0);
        book.LastUpdateId.ShouldBe(0);
        book.TryGetBestBid(out _).ShouldBeFalse();
    }

    [Fact]
    public void Apply_BeyondCapacity_Grows()
    {
        var book = new OrderBook(Btc, capacity: 1);
        var bids = Enumerable.Range(1, 100).Select(i => L(i, 1)).ToArray();
        book.Apply(1, bids, []);

        book.BidCount.ShouldBe(100);
        book.GetBids(1).ShouldBe([L(100, 1)]);
    }

    private static OrderBook Loaded()
    {
        var book = new OrderBook(Btc);
        book.Load(new DepthSnapshot(Btc, 100, [L(100, 1), L(99, 2), L(98, 3)], [L(101, 4), L(102, 5), L(103, 6)]));
        return book;
    }

    private static BookLevel L(decimal price, decimal quantity) => new(price, quantity);

    private static DepthUpdate Update(long first, long final, ImmutableArray<BookLevel> bids, ImmutableArray<BookLevel> asks) =>
        new(Btc, DateTimeOffset.UnixEpoch, first, final, bids, asks);
}

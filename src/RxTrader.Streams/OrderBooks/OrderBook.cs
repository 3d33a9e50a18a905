using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.OrderBooks;

/// <summary>
/// A price-level (L2) order book of one symbol, built from a snapshot and diffs with absolute quantities.
/// </summary>
/// <remarks>
/// <para>
/// The book is a pure data structure: it applies what it is given and does not check update-id continuity; keeping
/// it in step with an exchange feed is the job of a synchronizer. It is not thread-safe: one owner uses it at a time.
/// </para>
/// <para>
/// Each side is a pair of sorted arrays with the best level at the end, so changes near the top of the book move
/// little memory, and lookups start from the top. Lookups compare exact fixed-point integer keys (10^-18 units)
/// instead of decimals, which is why prices must be positive, below about 1.7e20 and have at most 18 decimal places.
/// Applying a diff to a book whose size stays within its capacity allocates nothing.
/// </para>
/// </remarks>
public sealed class OrderBook
{
    /// <summary>The number of levels per side the book makes room for up front.</summary>
    public const int DefaultCapacity = 1024;

    private readonly BookSide _bids;
    private readonly BookSide _asks;
    private Int128[] _keys = new Int128[64];

    /// <summary>Creates an empty book.</summary>
    /// <param name="symbol">The symbol of the book.</param>
    /// <param name="capacity">Levels per side to allocate up front; the book grows beyond it when needed.</param>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public OrderBook(Symbol symbol, int capacity = DefaultCapacity)
    {
        if (symbol.IsDefault)
        {
            throw new ArgumentException("The book needs a symbol.", nameof(symbol));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Symbol = symbol;
        _bids = new BookSide(negated: false, capacity);
        _asks = new BookSide(negated: true, capacity);
    }

    /// <summary>The symbol of the book.</summary>
    public Symbol Symbol { get; }

    /// <summary>The update id the book reflects: the snapshot's <c>lastUpdateId</c>, then each applied diff's final id.</summary>
    public long LastUpdateId { get; private set; }

    /// <summary>The number of bid levels.</summary>
    public int BidCount => _bids.Count;

    /// <summary>The number of ask levels.</summary>
    public int AskCount => _asks.Count;

    /// <summary>Whether both sides have levels and the best bid is at or above the best ask, which a healthy book never is.</summary>
    public bool IsCrossed => _bids.Count > 0 && _asks.Count > 0 && _bids.Best.Price >= _asks.Best.Price;

    /// <summary>Replaces the whole book with a snapshot.</summary>
    /// <param name="snapshot">Levels best first, as Binance sends them; levels out of order or repeated are sorted
    /// (the later of two equal prices wins), zero quantities are skipped.</param>
    /// <exception cref="ArgumentException">The snapshot is for another symbol, or a level has an invalid price (see the
    /// remarks of the type) or a negative quantity; the book is then unchanged.</exception>
    public void Load(DepthSnapshot snapshot)
    {
        if (snapshot.Symbol != Symbol)
        {
            throw new ArgumentException($"The snapshot is for {snapshot.Symbol}, the book for {Symbol}.", nameof(snapshot));
        }

        var bids = snapshot.Bids.IsDefault ? [] : snapshot.Bids.AsSpan();
        var asks = snapshot.Asks.IsDefault ? [] : snapshot.Asks.AsSpan();
        var keys = ToKeys(bids, asks, nameof(snapshot));
        _bids.Load(bids, keys[..bids.Length]);
        _asks.Load(asks, keys[bids.Length..]);
        LastUpdateId = snapshot.LastUpdateId;
    }

    /// <summary>Applies a diff and sets <see cref="LastUpdateId"/> to its final update id, without checking continuity.</summary>
    /// <param name="update">The diff: absolute quantities, zero removes the level (an absent level is ignored).</param>
    /// <exception cref="ArgumentException">The update is for another symbol, or a level has an invalid price (see the
    /// remarks of the type) or a negative quantity; the book is then unchanged.</exception>
    public void Apply(DepthUpdate update)
    {
        if (update.Symbol != Symbol)
        {
            throw new ArgumentException($"The update is for {update.Symbol}, the book for {Symbol}.", nameof(update));
        }

        var bids = update.Bids.IsDefault ? [] : update.Bids.AsSpan();
        var asks = update.Asks.IsDefault ? [] : update.Asks.AsSpan();
        Apply(update.FinalUpdateId, bids, asks);
    }

    /// <summary>Applies changed levels and sets <see cref="LastUpdateId"/>, without checking continuity.</summary>
    /// <param name="updateId">The update id the book reflects afterwards.</param>
    /// <param name="bids">Changed bid levels: absolute quantities, zero removes the level.</param>
    /// <param name="asks">Changed ask levels: absolute quantities, zero removes the level.</param>
    /// <exception cref="ArgumentException">A level has an invalid price (see the remarks of the type) or a negative
    /// quantity; the book is then unchanged.</exception>
    public void Apply(long updateId, ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks)
    {
        // Validate and convert everything first so that a bad update never leaves a half-applied book.
        var keys = ToKeys(bids, asks, nameof(bids));
        for (var i = 0; i < bids.Length; i++)
        {
            _bids.Set(keys[i], bids[i]);
        }

        keys = keys[bids.Length..];
        for (var i = 0; i < asks.Length; i++)
        {
            _asks.Set(keys[i], asks[i]);
        }

        LastUpdateId = updateId;
    }

    /// <summary>Gets the best (highest) bid.</summary>
    /// <param name="level">The best bid, or <c>default</c> when there are no bids.</param>
    /// <returns>Whether there is a bid.</returns>
    public bool TryGetBestBid(out BookLevel level) => TryGetBest(_bids, out level);

    /// <summary>Gets the best (lowest) ask.</summary>
    /// <param name="level">The best ask, or <c>default</c> when there are no asks.</param>
    /// <returns>Whether there is an ask.</returns>
    public bool TryGetBestAsk(out BookLevel level) => TryGetBest(_asks, out level);

    /// <summary>Gets the best bid and ask together with <see cref="LastUpdateId"/>.</summary>
    /// <param name="ticker">The top of the book, or <c>default</c> when a side is empty.</param>
    /// <returns>Whether both sides have a level.</returns>
    public bool TryGetTopOfBook(out BookTicker ticker)
    {
        if (_bids.Count == 0 || _asks.Count == 0)
        {
            ticker = default;
            return false;
        }

        ref readonly var bid = ref _bids.Best;
        ref readonly var ask = ref _asks.Best;
        ticker = new BookTicker(Symbol, LastUpdateId, bid.Price, bid.Quantity, ask.Price, ask.Quantity);
        return true;
    }

    /// <summary>Copies the best bids, best first, into a caller's buffer.</summary>
    /// <param name="destination">Receives up to its length levels.</param>
    /// <returns>How many levels were copied.</returns>
    public int CopyBids(Span<BookLevel> destination) => _bids.CopyTo(destination);

    /// <summary>Copies the best asks, best first, into a caller's buffer.</summary>
    /// <param name="destination">Receives up to its length levels.</param>
    /// <returns>How many levels were copied.</returns>
    public int CopyAsks(Span<BookLevel> destination) => _asks.CopyTo(destination);

    /// <summary>The best bids, best first.</summary>
    /// <param name="maxLevels">The most levels to return.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLevels"/> is negative.</exception>
    public ImmutableArray<BookLevel> GetBids(int maxLevels) => Top(_bids, maxLevels);

    /// <summary>The best asks, best first.</summary>
    /// <param name="maxLevels">The most levels to return.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLevels"/> is negative.</exception>
    public ImmutableArray<BookLevel> GetAsks(int maxLevels) => Top(_asks, maxLevels);

    /// <summary>The best levels of both sides at <see cref="LastUpdateId"/>, best first (a partial depth snapshot).</summary>
    /// <param name="maxLevels">The most levels per side.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLevels"/> is negative.</exception>
    public DepthSnapshot ToSnapshot(int maxLevels) => new(Symbol, LastUpdateId, GetBids(maxLevels), GetAsks(maxLevels));

    /// <summary>Removes every level and resets <see cref="LastUpdateId"/> to zero; the capacity is kept.</summary>
    public void Clear()
    {
        _bids.Clear();
        _asks.Clear();
        LastUpdateId = 0;
    }

    private static bool TryGetBest(BookSide side, out BookLevel level)
    {
        if (side.Count == 0)
        {
            level = default;
            return false;
        }

        level = side.Best;
        return true;
    }

    private static ImmutableArray<BookLevel> Top(BookSide side, int maxLevels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLevels);
        var levels = new BookLevel[Math.Min(maxLevels, side.Count)];
        side.CopyTo(levels);
        return ImmutableCollectionsMarshal.AsImmutableArray(levels);
    }

    // The price keys of both sides into a scratch buffer (bids first), validating every level.
    private ReadOnlySpan<Int128> ToKeys(ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks, string parameterName)
    {
        var total = bids.Length + asks.Length;
        if (_keys.Length < total)
        {
            _keys = new Int128[Math.Max(total, _keys.Length * 2)];
        }

        ToKeys(bids, _keys, "bid", parameterName);
        ToKeys(asks, _keys.AsSpan(bids.Length), "ask", parameterName);
        return _keys.AsSpan(0, total);
    }

    private static void ToKeys(ReadOnlySpan<BookLevel> levels, Span<Int128> keys, string side, string parameterName)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (!PriceKey.TryCreate(level.Price, out keys[i]) || keys[i] <= 0 || decimal.IsNegative(level.Quantity))
            {
                throw new ArgumentException(
                    $"Invalid {side} level {level.Price} x {level.Quantity}: prices must be positive with at most "
                    + $"{PriceKey.Scale} decimal places, and quantities not negative.",
                    parameterName);
            }
        }
    }
}

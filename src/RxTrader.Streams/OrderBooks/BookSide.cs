using RxTrader.Core.MarketData;

namespace RxTrader.Streams.OrderBooks;

/// <summary>
/// One side of an <see cref="OrderBook"/>: parallel arrays of price keys and levels sorted ascending by key, with the
/// best level at the END, so that the frequent changes near the top of the book shift few elements.
/// </summary>
/// <remarks>
/// Keys are <see cref="PriceKey"/> values; asks store them negated, so both sides sort ascending with the best level
/// last and share one implementation. Lookups gallop from the end before a binary search: most diff levels are near
/// the top, where a lookup costs a handful of integer comparisons. Arrays grow by doubling and never shrink, so a book
/// of stable size applies diffs without allocating.
/// </remarks>
internal sealed class BookSide
{
    private readonly bool _negated;
    private Int128[] _keys;
    private BookLevel[] _levels;

    public BookSide(bool negated, int capacity)
    {
        _negated = negated;
        _keys = new Int128[capacity];
        _levels = new BookLevel[capacity];
    }

    /// <summary>The number of levels.</summary>
    public int Count { get; private set; }

    /// <summary>The best level; only valid when <see cref="Count"/> is positive.</summary>
    public ref readonly BookLevel Best => ref _levels[Count - 1];

    /// <summary>Sets the absolute quantity at a price; zero removes the level (removing an absent level is a no-op).</summary>
    /// <param name="priceKey">The <see cref="PriceKey"/> of <paramref name="level"/>'s price (not negated).</param>
    /// <param name="level">The level.</param>
    public void Set(Int128 priceKey, in BookLevel level)
    {
        var key = _negated ? -priceKey : priceKey;
        var index = Find(key);
        if (index >= 0)
        {
            if (level.Quantity == 0m)
            {
                RemoveAt(index);
            }
            else
            {
                _levels[index] = level;
            }
        }
        else if (level.Quantity != 0m)
        {
            InsertAt(~index, key, level);
        }
    }

    /// <summary>Copies up to <c>destination.Length</c> levels, best first; returns how many were copied.</summary>
    public int CopyTo(Span<BookLevel> destination)
    {
        var n = Math.Min(destination.Length, Count);
        var source = _levels.AsSpan(Count - n, n);
        for (var i = 0; i < n; i++)
        {
            destination[i] = source[n - 1 - i];
        }

        return n;
    }

    /// <summary>Replaces the content with levels given best first (the snapshot order); zero quantities are skipped.</summary>
    /// <param name="bestFirst">The levels.</param>
    /// <param name="priceKeys">Their <see cref="PriceKey"/> values, in the same order.</param>
    public void Load(ReadOnlySpan<BookLevel> bestFirst, ReadOnlySpan<Int128> priceKeys)
    {
        EnsureCapacity(bestFirst.Length);
        var n = 0;
        var sorted = true;
        for (var i = bestFirst.Length - 1; i >= 0; i--)
        {
            if (bestFirst[i].Quantity == 0m)
            {
                continue;
            }

            var key = _negated ? -priceKeys[i] : priceKeys[i];
            sorted &= n == 0 || _keys[n - 1] < key;
            _keys[n] = key;
            _levels[n] = bestFirst[i];
            n++;
        }

        Count = n;
        if (!sorted)
        {
            // Only a malformed snapshot gets here: apply its levels in order, so the later of two equal prices wins.
            Count = 0;
            for (var i = 0; i < bestFirst.Length; i++)
            {
                if (bestFirst[i].Quantity != 0m)
                {
                    Set(priceKeys[i], bestFirst[i]);
                }
            }
        }
    }

    /// <summary>Removes every level and keeps the capacity.</summary>
    public void Clear() => Count = 0;

    // Gallops from the end (offsets 1, 2, 4, ...) to bracket the key, then binary searches the bracket.
    // Returns the index, or the bitwise complement of the insertion index.
    private int Find(Int128 key)
    {
        var keys = _keys;
        var lo = 0;
        var hi = Count - 1;
        var probe = hi;
        var step = 1;
        while (probe >= 0)
        {
            var k = keys[probe];
            if (k == key)
            {
                return probe;
            }

            if (k < key)
            {
                lo = probe + 1;
                break;
            }

            hi = probe - 1;
            probe = Count - 1 - step;
            step <<= 1;
        }

        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            var k = keys[mid];
            if (k == key)
            {
                return mid;
            }

            if (k < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private void InsertAt(int index, Int128 key, in BookLevel level)
    {
        EnsureCapacity(Count + 1);
        var tail = Count - index;
        if (tail > 0)
        {
            _keys.AsSpan(index, tail).CopyTo(_keys.AsSpan(index + 1));
            _levels.AsSpan(index, tail).CopyTo(_levels.AsSpan(index + 1));
        }

        _keys[index] = key;
        _levels[index] = level;
        Count++;
    }

    private void RemoveAt(int index)
    {
        var tail = Count - index - 1;
        if (tail > 0)
        {
            _keys.AsSpan(index + 1, tail).CopyTo(_keys.AsSpan(index));
            _levels.AsSpan(index + 1, tail).CopyTo(_levels.AsSpan(index));
        }

        Count--;
    }

    private void EnsureCapacity(int required)
    {
        if (required <= _keys.Length)
        {
            return;
        }

        var capacity = Math.Max(required, Math.Max(_keys.Length * 2, 16));
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _levels, capacity);
    }
}

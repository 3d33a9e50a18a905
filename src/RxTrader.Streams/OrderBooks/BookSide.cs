using RxTrader.Core.MarketData;

namespace RxTrader.Streams.OrderBooks;

/// <summary>
/// One side of an <see cref="OrderBook"/>: parallel arrays of keys and quantities sorted ascending, with the best
/// level at the END, so that the frequent changes near the top of the book shift few elements.
/// </summary>
/// <remarks>
/// Bids use the price as the key; asks use the negated price, so both sides sort ascending with the best level last
/// and share one implementation. Lookups gallop from the end before a binary search: most diff levels are near the
/// top, where a lookup costs a handful of comparisons. Arrays grow by doubling and never shrink, so a book of stable
/// size applies diffs without allocating.
/// </remarks>
internal sealed class BookSide
{
    private readonly bool _negated;
    private decimal[] _keys;
    private decimal[] _quantities;

    public BookSide(bool negated, int capacity)
    {
        _negated = negated;
        _keys = new decimal[capacity];
        _quantities = new decimal[capacity];
    }

    /// <summary>The number of levels.</summary>
    public int Count { get; private set; }

    /// <summary>The best price; only valid when <see cref="Count"/> is positive.</summary>
    public decimal BestPrice => ToPrice(_keys[Count - 1]);

    /// <summary>The quantity at the best price; only valid when <see cref="Count"/> is positive.</summary>
    public decimal BestQuantity => _quantities[Count - 1];

    /// <summary>Sets the absolute quantity at a price; zero removes the level (removing an absent level is a no-op).</summary>
    public void Set(decimal price, decimal quantity)
    {
        var key = _negated ? -price : price;
        var index = Find(key);
        if (index >= 0)
        {
            if (quantity == 0m)
            {
                RemoveAt(index);
            }
            else
            {
                _quantities[index] = quantity;
            }
        }
        else if (quantity != 0m)
        {
            InsertAt(~index, key, quantity);
        }
    }

    /// <summary>Copies up to <c>destination.Length</c> levels, best first; returns how many were copied.</summary>
    public int CopyTo(Span<BookLevel> destination)
    {
        var n = Math.Min(destination.Length, Count);
        for (int i = 0, j = Count - 1; i < n; i++, j--)
        {
            destination[i] = new BookLevel(ToPrice(_keys[j]), _quantities[j]);
        }

        return n;
    }

    /// <summary>Replaces the content with levels given best first (the snapshot order); zero quantities are skipped.</summary>
    public void Load(ReadOnlySpan<BookLevel> bestFirst)
    {
        EnsureCapacity(bestFirst.Length);
        var n = 0;
        for (var i = bestFirst.Length - 1; i >= 0; i--)
        {
            var level = bestFirst[i];
            if (level.Quantity != 0m)
            {
                _keys[n] = _negated ? -level.Price : level.Price;
                _quantities[n] = level.Quantity;
                n++;
            }
        }

        Count = n;
        if (!IsStrictlyAscending())
        {
            SortAndMergeDuplicates();
        }
    }

    /// <summary>Removes every level and keeps the capacity.</summary>
    public void Clear() => Count = 0;

    private decimal ToPrice(decimal key) => _negated ? -key : key;

    // Gallops from the end (offsets 1, 2, 4, ...) to bracket the key, then binary searches the bracket.
    // Returns the index, or the bitwise complement of the insertion index.
    private int Find(decimal key)
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

    private void InsertAt(int index, decimal key, decimal quantity)
    {
        EnsureCapacity(Count + 1);
        var tail = Count - index;
        if (tail > 0)
        {
            Array.Copy(_keys, index, _keys, index + 1, tail);
            Array.Copy(_quantities, index, _quantities, index + 1, tail);
        }

        _keys[index] = key;
        _quantities[index] = quantity;
        Count++;
    }

    private void RemoveAt(int index)
    {
        var tail = Count - index - 1;
        if (tail > 0)
        {
            Array.Copy(_keys, index + 1, _keys, index, tail);
            Array.Copy(_quantities, index + 1, _quantities, index, tail);
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
        Array.Resize(ref _quantities, capacity);
    }

    private bool IsStrictlyAscending()
    {
        for (var i = 1; i < Count; i++)
        {
            if (_keys[i - 1] >= _keys[i])
            {
                return false;
            }
        }

        return true;
    }

    // Snapshots arrive sorted; this path only guards against a malformed one. A repeated price keeps the level that
    // came later in the snapshot, as if the levels had been applied one by one.
    private void SortAndMergeDuplicates()
    {
        var order = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            order[i] = i;
        }

        var keys = _keys.AsSpan(0, Count).ToArray();
        Array.Sort(keys, order);
        var quantities = _quantities.AsSpan(0, Count).ToArray();
        var n = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            // Load reversed the snapshot, so among equal keys the LOWEST original index came later in the snapshot.
            if (n > 0 && _keys[n - 1] == keys[i])
            {
                if (order[i] < order[n - 1])
                {
                    _quantities[n - 1] = quantities[order[i]];
                    order[n - 1] = order[i];
                }

                continue;
            }

            _keys[n] = keys[i];
            _quantities[n] = quantities[order[i]];
            order[n] = order[i];
            n++;
        }

        Count = n;
    }
}

using RxTrader.Core;

namespace RxTrader.Simulator.Matching;

/// <summary>One side of a book: price levels sorted so that the best level is last (O(1) to reach and remove).</summary>
/// <remarks>
/// Bids ascend (best = highest last); asks descend (best = lowest last). Insertion is a binary search plus an
/// array shift, which beats tree nodes for the few hundred levels a simulated book holds and allocates nothing
/// but the level itself.
/// </remarks>
internal sealed class BookSide(Side side)
{
    private readonly List<PriceLevel> _levels = [];
    private readonly int _sign = side == Side.Buy ? 1 : -1;

    public int Count => _levels.Count;

    public PriceLevel? Best => _levels.Count == 0 ? null : _levels[^1];

    /// <summary>The level at <paramref name="depth"/> from the best (0 = best).</summary>
    public PriceLevel At(int depth) => _levels[_levels.Count - 1 - depth];

    /// <summary>Whether a price on this side is at least as good as <paramref name="limit"/> for a taker from the other side.</summary>
    public bool Crosses(decimal price, decimal limit) => _sign * price >= _sign * limit;

    public PriceLevel GetOrAdd(decimal price)
    {
        var index = Search(price);
        if (index >= 0)
        {
            return _levels[index];
        }

        var level = new PriceLevel(price);
        _levels.Insert(~index, level);
        return level;
    }

    public void RemoveLevel(PriceLevel level)
    {
        if (ReferenceEquals(Best, level))
        {
            _levels.RemoveAt(_levels.Count - 1);
            return;
        }

        var index = Search(level.Price);
        if (index >= 0)
        {
            _levels.RemoveAt(index);
        }
    }

    /// <summary>The quantity at <paramref name="price"/>, 0 when absent.</summary>
    public decimal QuantityAt(decimal price)
    {
        var index = Search(price);
        return index >= 0 ? _levels[index].Quantity : 0m;
    }

    private int Search(decimal price)
    {
        var lo = 0;
        var hi = _levels.Count - 1;
        var key = _sign * price;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var value = _sign * _levels[mid].Price;
            if (value == key)
            {
                return mid;
            }

            if (value < key)
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
}

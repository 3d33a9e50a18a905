using RxTrader.Core.MarketData;

namespace RxTrader.Simulator.Publishing;

/// <summary>A copy of one symbol's book built from the engine's depth diffs, best level at index 0 on both sides.</summary>
/// <remarks>
/// Kept here rather than read from the engine so the top of book and partial snapshots cost no engine gate and no
/// snapshot allocation; sorted lists give the best level by index without allocating.
/// </remarks>
internal sealed class BookMirror
{
    private static readonly IComparer<decimal> Descending = Comparer<decimal>.Create(static (a, b) => b.CompareTo(a));

    public SortedList<decimal, decimal> Bids { get; } = new(Descending);

    public SortedList<decimal, decimal> Asks { get; } = new();

    public long LastUpdateId { get; private set; }

    public void Seed(in DepthSnapshot snapshot)
    {
        Bids.Clear();
        Asks.Clear();
        foreach (var level in snapshot.Bids)
        {
            Bids[level.Price] = level.Quantity;
        }

        foreach (var level in snapshot.Asks)
        {
            Asks[level.Price] = level.Quantity;
        }

        LastUpdateId = snapshot.LastUpdateId;
    }

    /// <summary>Applies a diff; false when it was already contained in the seed.</summary>
    public bool Apply(in DepthUpdate update)
    {
        if (update.FinalUpdateId <= LastUpdateId)
        {
            return false;
        }

        foreach (var level in update.Bids)
        {
            Set(Bids, level);
        }

        foreach (var level in update.Asks)
        {
            Set(Asks, level);
        }

        LastUpdateId = update.FinalUpdateId;
        return true;
    }

    public (decimal BidPrice, decimal BidQty, decimal AskPrice, decimal AskQty) Top() =>
        (Bids.Count > 0 ? Bids.Keys[0] : 0m, Bids.Count > 0 ? Bids.Values[0] : 0m,
         Asks.Count > 0 ? Asks.Keys[0] : 0m, Asks.Count > 0 ? Asks.Values[0] : 0m);

    private static void Set(SortedList<decimal, decimal> side, BookLevel level)
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

namespace RxTrader.Trading.Paper;

/// <summary>The paper account's balances: free and locked per asset. Not thread-safe: used under the venue's gate.</summary>
internal sealed class PaperAccount
{
    private readonly Dictionary<string, Holding> _holdings = new(StringComparer.Ordinal);

    public PaperAccount(IReadOnlyDictionary<string, decimal> initial)
    {
        foreach (var (asset, amount) in initial)
        {
            Get(asset).Free += amount;
        }
    }

    public decimal Free(string asset) => _holdings.TryGetValue(asset, out var h) ? h.Free : 0m;

    public decimal Locked(string asset) => _holdings.TryGetValue(asset, out var h) ? h.Locked : 0m;

    /// <summary>Moves <paramref name="amount"/> from free to locked (the caller checked it is free).</summary>
    public void Lock(string asset, decimal amount)
    {
        var h = Get(asset);
        h.Free -= amount;
        h.Locked += amount;
    }

    /// <summary>Moves <paramref name="amount"/> from locked back to free.</summary>
    public void Unlock(string asset, decimal amount)
    {
        var h = Get(asset);
        h.Locked -= amount;
        h.Free += amount;
    }

    /// <summary>Removes <paramref name="amount"/> from locked: it left the account in a trade.</summary>
    public void SpendLocked(string asset, decimal amount) => Get(asset).Locked -= amount;

    /// <summary>Adds <paramref name="amount"/> to free.</summary>
    public void Credit(string asset, decimal amount) => Get(asset).Free += amount;

    /// <summary>Every asset with a non-zero balance, by name.</summary>
    public List<Core.Orders.Balance> Snapshot()
    {
        var list = new List<Core.Orders.Balance>(_holdings.Count);
        foreach (var (asset, h) in _holdings)
        {
            if (h.Free != 0m || h.Locked != 0m)
            {
                list.Add(new Core.Orders.Balance(asset, h.Free, h.Locked));
            }
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Asset, b.Asset));
        return list;
    }

    private Holding Get(string asset)
    {
        if (!_holdings.TryGetValue(asset, out var h))
        {
            h = new Holding();
            _holdings.Add(asset, h);
        }

        return h;
    }

    private sealed class Holding
    {
        public decimal Free;
        public decimal Locked;
    }
}

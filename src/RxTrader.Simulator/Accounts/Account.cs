using RxTrader.Core;

namespace RxTrader.Simulator.Accounts;

/// <summary>One account's balances, commission rates and order store.</summary>
/// <remarks>Touched only under the engine gate. Records which assets the current operation changed.</remarks>
internal sealed class Account(string id, CommissionRates rates)
{
    private readonly Dictionary<string, Balance> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<Symbol, SymbolOrders> _orders = [];
    private readonly List<string> _touched = [];

    public string Id { get; } = id;

    public CommissionRates Rates { get; set; } = rates;

    public DateTimeOffset UpdateTime { get; set; }

    public bool IsTouched => _touched.Count > 0;

    public decimal Free(string asset) => _balances.TryGetValue(asset, out var b) ? b.Free : 0m;

    public SymbolOrders Orders(Symbol symbol)
    {
        if (!_orders.TryGetValue(symbol, out var orders))
        {
            orders = new SymbolOrders();
            _orders.Add(symbol, orders);
        }

        return orders;
    }

    public IEnumerable<SymbolOrders> AllSymbols => _orders.Values;

    /// <summary>Adds (or removes, if negative) free <paramref name="amount"/>.</summary>
    public void Credit(string asset, decimal amount) => Get(asset).Free += amount;

    /// <summary>Moves <paramref name="amount"/> from free to locked.</summary>
    public void Lock(string asset, decimal amount)
    {
        var b = Get(asset);
        b.Free -= amount;
        b.Locked += amount;
    }

    /// <summary>Moves <paramref name="amount"/> from locked back to free.</summary>
    public void Unlock(string asset, decimal amount)
    {
        var b = Get(asset);
        b.Locked -= amount;
        b.Free += amount;
    }

    /// <summary>Removes <paramref name="amount"/> from locked (it was spent).</summary>
    public void SpendLocked(string asset, decimal amount) => Get(asset).Locked -= amount;

    public AssetBalance BalanceOf(string asset) =>
        _balances.TryGetValue(asset, out var b) ? new AssetBalance(asset, b.Free, b.Locked) : new AssetBalance(asset, 0m, 0m);

    public AccountSnapshot Snapshot()
    {
        var balances = _balances
            .OrderBy(static p => p.Key, StringComparer.Ordinal)
            .Select(static p => new AssetBalance(p.Key, p.Value.Free, p.Value.Locked))
            .ToArray();
        return new AccountSnapshot(Id, Rates, UpdateTime, balances);
    }

    /// <summary>The balances the current operation changed, clearing the record; stamps <see cref="UpdateTime"/>.</summary>
    public AccountPositionChanged TakePositionChange(DateTimeOffset time)
    {
        var balances = new AssetBalance[_touched.Count];
        for (var i = 0; i < balances.Length; i++)
        {
            balances[i] = BalanceOf(_touched[i]);
        }

        _touched.Clear();
        UpdateTime = time;
        return new AccountPositionChanged(time, Id, balances);
    }

    private Balance Get(string asset)
    {
        if (!_balances.TryGetValue(asset, out var b))
        {
            b = new Balance();
            _balances.Add(asset, b);
        }

        if (!_touched.Contains(asset))
        {
            _touched.Add(asset);
        }

        return b;
    }
}

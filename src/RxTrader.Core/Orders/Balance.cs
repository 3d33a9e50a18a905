namespace RxTrader.Core.Orders;

/// <summary>An asset balance of the account.</summary>
/// <param name="Asset">Asset name, e.g. <c>USDT</c>.</param>
/// <param name="Free">Available to trade.</param>
/// <param name="Locked">Held by open orders.</param>
public readonly record struct Balance(string Asset, decimal Free, decimal Locked)
{
    /// <summary>Free plus locked.</summary>
    public decimal Total => Free + Locked;
}

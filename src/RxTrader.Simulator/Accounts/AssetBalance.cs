namespace RxTrader.Simulator.Accounts;

/// <summary>One asset's balance in an account.</summary>
/// <param name="Asset">The asset, e.g. <c>USDT</c>.</param>
/// <param name="Free">Available for new orders.</param>
/// <param name="Locked">Held by open orders.</param>
public readonly record struct AssetBalance(string Asset, decimal Free, decimal Locked);

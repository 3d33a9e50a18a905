namespace RxTrader.Simulator.Accounts;

/// <summary>The mutable free and locked amounts of one asset in one account.</summary>
internal sealed class Balance
{
    public decimal Free;
    public decimal Locked;
}

namespace RxTrader.Simulator.Accounts;

/// <summary>An account as <c>GET /api/v3/account</c> shows it.</summary>
/// <param name="AccountId">The account (API key).</param>
/// <param name="Commission">The commission rates.</param>
/// <param name="UpdateTime">The last balance change (<c>updateTime</c>).</param>
/// <param name="Balances">Every asset the account has held, sorted by asset name.</param>
public sealed record AccountSnapshot(
    string AccountId,
    CommissionRates Commission,
    DateTimeOffset UpdateTime,
    IReadOnlyList<AssetBalance> Balances);

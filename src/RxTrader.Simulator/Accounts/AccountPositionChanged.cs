using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Accounts;

/// <summary>Balances an operation changed, for <c>outboundAccountPosition</c>.</summary>
/// <param name="Time">The engine time (<c>E</c> and <c>u</c>).</param>
/// <param name="AccountId">The account.</param>
/// <param name="Balances">The changed assets with their new free and locked amounts.</param>
public sealed record AccountPositionChanged(DateTimeOffset Time, string AccountId, IReadOnlyList<AssetBalance> Balances)
    : ExchangeEvent(Time);

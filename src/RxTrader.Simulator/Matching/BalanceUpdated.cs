namespace RxTrader.Simulator.Matching;

/// <summary>A balance changed outside trading (a deposit): what a <c>balanceUpdate</c> user-data event carries.</summary>
/// <param name="Time">When the change was applied (also the clear time <c>T</c>).</param>
/// <param name="AccountId">The account.</param>
/// <param name="Asset">The asset.</param>
/// <param name="Delta">The signed change of the free balance.</param>
public sealed record BalanceUpdated(DateTimeOffset Time, string AccountId, string Asset, decimal Delta)
    : ExchangeEvent(Time);

using RxTrader.Core.Orders;

namespace RxTrader.Binance.UserData;

/// <summary>An <c>outboundAccountPosition</c> event: the balances of the assets that changed.</summary>
/// <param name="Time">The exchange time of the change (<c>u</c>).</param>
/// <param name="Balances">The changed assets' free and locked amounts.</param>
public sealed record AccountUpdate(DateTimeOffset Time, IReadOnlyList<Balance> Balances);

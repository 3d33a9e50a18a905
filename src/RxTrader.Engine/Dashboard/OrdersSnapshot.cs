using RxTrader.Core.Orders;

namespace RxTrader.Engine.Dashboard;

/// <summary>Signals and orders on the dashboard.</summary>
/// <param name="Signals">Signals emitted since start.</param>
/// <param name="Submitted">Orders sent to the venue since start.</param>
/// <param name="RiskRejections">Signals refused by the risk gate since start.</param>
/// <param name="ByStatus">Orders known to the engine by their current status.</param>
/// <param name="RoundTripP50">Submit → venue acknowledgement, median.</param>
/// <param name="RoundTripP99">Submit → venue acknowledgement, 99th percentile.</param>
/// <param name="NetPnl">Realized + unrealized − fees over all symbols, in the quote asset.</param>
public sealed record OrdersSnapshot(
    long Signals,
    long Submitted,
    long RiskRejections,
    IReadOnlyDictionary<OrderStatus, int> ByStatus,
    TimeSpan RoundTripP50,
    TimeSpan RoundTripP99,
    decimal NetPnl);

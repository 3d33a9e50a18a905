namespace RxTrader.Trading.Orders;

/// <summary>What <see cref="OrderManager.StartAsync"/> found when it reconciled the journal with the venue.</summary>
/// <param name="OrdersChecked">Journaled orders that were not final and were queried by client id.</param>
/// <param name="Found">Of those, found at the venue (state updated).</param>
/// <param name="NotPlaced">Of those, unknown to the venue: marked not placed.</param>
/// <param name="StillReconciling">Of those, not settled yet (venue unreachable, or not found inside the grace period): retried with backoff.</param>
/// <param name="FillsRecovered">Fills fetched from the venue that the journal did not have (journaled and applied once).</param>
/// <param name="ForeignOrders">Open orders at the venue that the engine does not track.</param>
/// <param name="BalancesRefreshed">Whether the balances were read from the venue.</param>
public sealed record ReconciliationReport(
    int OrdersChecked,
    int Found,
    int NotPlaced,
    int StillReconciling,
    int FillsRecovered,
    IReadOnlyList<ForeignOrder> ForeignOrders,
    bool BalancesRefreshed);

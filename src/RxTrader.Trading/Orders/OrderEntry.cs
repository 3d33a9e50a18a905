using RxTrader.Core.Orders;
using RxTrader.Trading.Risk;

namespace RxTrader.Trading.Orders;

/// <summary>
/// Where strategy signals become orders: each order passes the <see cref="RiskGate"/> (which may round it to the
/// exchange's filters) and only then reaches the <see cref="OrderManager"/> and its venue.
/// </summary>
/// <remarks>
/// A rejected signal sends nothing and journals nothing; the rejection is the gate's event
/// (<see cref="RiskGate.Rejections"/>) and the result of <see cref="SubmitAsync"/>. Use an
/// <see cref="OrderManagerExposure"/> over the same manager as the gate's exposure, so orders in flight count.
/// Cancels go straight to the manager: they are allowed in every trading mode.
/// </remarks>
public sealed class OrderEntry
{
    private readonly RiskGate _gate;
    private readonly OrderManager _manager;

    /// <summary>Creates the entry point.</summary>
    /// <param name="gate">The risk gate every order passes.</param>
    /// <param name="manager">The order manager approved orders go to.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OrderEntry(RiskGate gate, OrderManager manager)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(manager);
        _gate = gate;
        _manager = manager;
    }

    /// <summary>Checks a signal's order and, when approved, submits it (rounded) through the order manager.</summary>
    /// <param name="request">The order the strategy wants.</param>
    /// <param name="cancellationToken">Cancels the wait for the venue (the order is then reconciled).</param>
    /// <returns>The risk rejection, or the order as tracked after the venue's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The manager is not started, or the client order id was used before.</exception>
    public async Task<OrderEntryResult> SubmitAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = _gate.Check(request);
        if (check.Rejection is { } rejection)
        {
            return new OrderEntryResult(rejection, null);
        }

        var tracked = await _manager.SubmitAsync(check.Order!, cancellationToken).ConfigureAwait(false);
        return new OrderEntryResult(null, tracked);
    }

    /// <summary>Cancels an open order (never blocked by the risk gate).</summary>
    /// <param name="clientOrderId">The order.</param>
    /// <param name="cancellationToken">Cancels the wait for the venue.</param>
    /// <returns>The venue's answer.</returns>
    public Task<VenueOutcome<Order>> CancelAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken = default) =>
        _manager.CancelAsync(clientOrderId, cancellationToken);
}

using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Host.Bench;

/// <summary>
/// The real venue with a stopwatch on order placement: the venue's answer to an order is its acknowledgement, the
/// end of a tick → order-ack sample (the origin is the frame of the signal that changed the side).
/// </summary>
internal sealed class TimedVenue(IExecutionVenue inner, BenchProbe probe) : IExecutionVenue
{
    /// <inheritdoc/>
    public string Name => inner.Name;

    /// <inheritdoc/>
    public IObservable<OrderUpdate> OrderUpdates => inner.OrderUpdates;

    /// <inheritdoc/>
    public async Task<VenueOutcome<Order>> PlaceAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = probe.TakeOrderOrigin(request.Symbol, request.Side);
        probe.CountPlaced();
        var outcome = await inner.PlaceAsync(request, cancellationToken).ConfigureAwait(false);
        probe.CountAnswer(outcome is VenueOutcome<Order>.Accepted, origin, probe.Time.GetTimestamp());
        return outcome;
    }

    /// <inheritdoc/>
    public Task<VenueOutcome<Order>> CancelAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default) =>
        inner.CancelAsync(symbol, clientOrderId, cancellationToken);

    /// <inheritdoc/>
    public Task<VenueOutcome<Order>> GetOrderAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default) =>
        inner.GetOrderAsync(symbol, clientOrderId, cancellationToken);

    /// <inheritdoc/>
    public Task<VenueOutcome<IReadOnlyList<Order>>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default) =>
        inner.GetOpenOrdersAsync(symbol, cancellationToken);

    /// <inheritdoc/>
    public Task<VenueOutcome<IReadOnlyList<Fill>>> GetFillsAsync(Symbol symbol, long exchangeOrderId, CancellationToken cancellationToken = default) =>
        inner.GetFillsAsync(symbol, exchangeOrderId, cancellationToken);

    /// <inheritdoc/>
    public Task<VenueOutcome<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        inner.GetBalancesAsync(cancellationToken);
}

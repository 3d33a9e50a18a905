namespace RxTrader.Core.Orders;

/// <summary>
/// Where orders go: Binance over signed REST, the paper venue, or the simulator. Every venue passes the same
/// contract suite.
/// </summary>
/// <remarks>
/// <para>Calls never throw for expected outcomes (rejections, transport trouble, rate limits): they return a
/// <see cref="VenueOutcome{T}"/>. They throw only for programmer errors (null arguments) and honour cancellation
/// with <see cref="OperationCanceledException"/>.</para>
/// <para><see cref="PlaceAsync"/> never creates two orders for one client order id: when a submit's outcome is
/// unknown, the venue (or its caller) queries the id before anything is sent again.</para>
/// <para><see cref="OrderUpdates"/> is hot and never ends with <c>OnError</c> because of transport trouble; it may
/// repeat a state (at-least-once), so consumers key on client order id and fill trade id.</para>
/// </remarks>
public interface IExecutionVenue
{
    /// <summary>A short name for logs and metrics, e.g. <c>binance</c> or <c>paper</c>.</summary>
    string Name { get; }

    /// <summary>Order changes as the venue reports them: acknowledgements, fills, cancels, expiries.</summary>
    IObservable<OrderUpdate> OrderUpdates { get; }

    /// <summary>Places an order.</summary>
    /// <param name="request">The order; its client order id is the idempotency key.</param>
    /// <param name="cancellationToken">Cancels the wait (not necessarily the order: an unknown outcome must be reconciled).</param>
    /// <returns>The order as accepted (with what filled immediately), a rejection, or unknown.</returns>
    Task<VenueOutcome<Order>> PlaceAsync(OrderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Cancels an open order.</summary>
    /// <param name="symbol">The order's symbol.</param>
    /// <param name="clientOrderId">The order's client id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The cancelled order, a rejection (<see cref="VenueErrorCodes.CancelRejected"/> for an unknown or closed order), or unknown.</returns>
    Task<VenueOutcome<Order>> CancelAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>Reads an order by its client id, open or closed.</summary>
    /// <param name="symbol">The order's symbol.</param>
    /// <param name="clientOrderId">The order's client id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The order, a rejection with <see cref="VenueErrorCodes.NoSuchOrder"/> when the venue has none, or unknown.</returns>
    Task<VenueOutcome<Order>> GetOrderAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>Reads the open orders.</summary>
    /// <param name="symbol">One symbol, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The open orders, or why they could not be read.</returns>
    Task<VenueOutcome<IReadOnlyList<Order>>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the fills of one order (to recover executions missed while disconnected).</summary>
    /// <param name="symbol">The order's symbol.</param>
    /// <param name="exchangeOrderId">The venue's order id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The order's fills in execution order, or why they could not be read.</returns>
    Task<VenueOutcome<IReadOnlyList<Fill>>> GetFillsAsync(Symbol symbol, long exchangeOrderId, CancellationToken cancellationToken = default);

    /// <summary>Reads the account's balances.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Every asset with a non-zero balance, or why they could not be read.</returns>
    Task<VenueOutcome<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken cancellationToken = default);
}

using System.Reactive.Disposables;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Positions;

namespace RxTrader.Trading.Orders;

/// <content>Start (rebuild from the journal) and reconciliation with the venue by client id.</content>
public sealed partial class OrderManager
{
    private enum Resolution
    {
        Found,
        NotPlaced,
        Pending,
    }

    /// <summary>
    /// Rebuilds the caches from the journal (positions from every journaled fill; orders that are not final), subscribes to
    /// the venue's order updates, then reconciles: every order that is not final is queried by client id (found → state
    /// updated and missing fills fetched, journaled and applied once; unknown to the venue → not placed), venue open orders
    /// the engine does not track are reported on <see cref="ForeignOrders"/>, and balances are refreshed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the waits for the venue (orders not settled stay reconciling, retried on the scheduler).</param>
    /// <returns>What reconciliation found.</returns>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    /// <exception cref="ObjectDisposedException">The manager is disposed.</exception>
    public async Task<ReconciliationReport> StartAsync(CancellationToken cancellationToken = default)
    {
        List<OrderState> toCheck;
        long fillsBefore;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                throw new InvalidOperationException("The order manager is already started.");
            }

            _started = true;
            var positions = new Dictionary<Symbol, Position>();
            _journal.ForEachFill(fill =>
            {
                var position = positions.GetValueOrDefault(fill.Symbol) ?? Position.Flat(fill.Symbol);
                positions[fill.Symbol] = position.Apply(fill.Side, fill.Quantity, fill.Price, Math.Max(0m, _feeInQuote(fill)));
            });
            Positions.Edit(updater => updater.AddOrUpdate(positions.Values));

            toCheck = [];
            foreach (var journaled in _journal.LoadOrdersNotFinal())
            {
                var state = new OrderState(
                    journaled.Request, OrderTracking.Reconciling, journaled.Order,
                    $"reconciling after restart (was {journaled.Tracking}: {journaled.LastOutcome})", journaled.IntentTime, measureLatency: false)
                {
                    FilledFromFills = _journal.ReadFills(journaled.Request.ClientOrderId).Sum(static f => f.Quantity),
                };
                _open.Add(state.Id, state);
                toCheck.Add(state);
            }

            Orders.Edit(updater => updater.AddOrUpdate(toCheck.Select(static s => s.Snapshot())));
            _updates = _venue.OrderUpdates.Subscribe(OnUpdate, static _ => { });
            fillsBefore = _fillsApplied;
        }

        int found = 0, notPlaced = 0, pending = 0;
        foreach (var state in toCheck)
        {
            switch (await ResolveAsync(state, cancellationToken).ConfigureAwait(false))
            {
                case Resolution.Found:
                    found++;
                    break;
                case Resolution.NotPlaced:
                    notPlaced++;
                    break;
                default:
                    pending++;
                    break;
            }
        }

        var foreign = await FindForeignOrdersAsync(cancellationToken).ConfigureAwait(false);
        var balances = await RefreshBalancesAsync(cancellationToken).ConfigureAwait(false);
        long recovered;
        lock (_gate)
        {
            recovered = _fillsApplied - fillsBefore;
        }

        return new ReconciliationReport(toCheck.Count, found, notPlaced, pending, (int)recovered, foreign, balances);
    }

    private async Task<IReadOnlyList<ForeignOrder>> FindForeignOrdersAsync(CancellationToken cancellationToken)
    {
        VenueOutcome<IReadOnlyList<Order>>? outcome;
        try
        {
            outcome = await _venue.GetOpenOrdersAsync(null, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the venue call is an unknown outcome, never a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }

        if (outcome is not VenueOutcome<IReadOnlyList<Order>>.Accepted { Value: { } open })
        {
            return [];
        }

        var foreign = new List<ForeignOrder>();
        lock (_gate)
        {
            foreach (var order in open)
            {
                if (order is null || _open.ContainsKey(order.ClientOrderId))
                {
                    continue;
                }

                var report = new ForeignOrder(order, _journal.FindOrder(order.ClientOrderId) is not null, "open orders");
                foreign.Add(report);
                if (!_disposed)
                {
                    _foreign.OnNext(report);
                }
            }
        }

        return foreign;
    }

    private void ScheduleReconcile(OrderState state)
    {
        state.ReconcileAttempt++;
        var delay = _options.ReconcileBackoff.BaseDelay(state.ReconcileAttempt);
        var generation = ++state.Generation;
        state.Timer?.Dispose();
        state.Timer = _scheduler.Schedule(
            (Manager: this, State: state, Generation: generation),
            delay,
            static (_, s) =>
            {
                s.Manager.OnReconcileTimer(s.State, s.Generation);
                return Disposable.Empty;
            });
    }

    private void OnReconcileTimer(OrderState state, long generation)
    {
        lock (_gate)
        {
            if (_disposed || state.Generation != generation || !NeedsQuery(state))
            {
                return;
            }
        }

        _ = ResolveAsync(state, CancellationToken.None);
    }

    private static bool NeedsQuery(OrderState state) =>
        !state.Tracking.IsFinal() && (state.Tracking is OrderTracking.PendingNew or OrderTracking.Reconciling || state.AwaitingFills);

    // One query by client id (and of the fills when some are missing). Reschedules itself while not settled.
    private async Task<Resolution> ResolveAsync(OrderState state, CancellationToken cancellationToken)
    {
        var query = await Call(() => _venue.GetOrderAsync(state.Request.Symbol, state.Id, cancellationToken)).ConfigureAwait(false);
        IReadOnlyList<Fill>? fills = null;
        if (query is VenueOutcome<Order>.Accepted { Value: { } known } && known.ClientOrderId == state.Id)
        {
            bool missing;
            lock (_gate)
            {
                missing = known.ExecutedQuantity > state.FilledFromFills;
            }

            if (missing)
            {
                var fetched = await Call(() => _venue.GetFillsAsync(known.Symbol, known.ExchangeOrderId, cancellationToken)).ConfigureAwait(false);
                if (fetched is not VenueOutcome<IReadOnlyList<Fill>>.Accepted { Value: { } list })
                {
                    return Retry(state);
                }

                fills = list;
            }
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return Resolution.Found;
            }

            // Fetched fills are applied even if an update settled the order meanwhile: journaling them is idempotent.
            var now = _scheduler.Now;
            foreach (var fill in fills ?? [])
            {
                if (fill is not null && fill.ClientOrderId == state.Id)
                {
                    ApplyFill(fill, state, now);
                }
            }

            if (!NeedsQuery(state))
            {
                return Resolution.Found;
            }

            switch (query)
            {
                case VenueOutcome<Order>.Accepted { Value: { } order } when order.ClientOrderId == state.Id:
                    if (!state.Tracking.IsFinal())
                    {
                        Advance(state, order, JournalEventKind.ResolvedFound, $"found at venue: {order.Status}", now);
                    }

                    if (NeedsQuery(state))
                    {
                        ScheduleReconcile(state);
                        return Resolution.Pending;
                    }

                    return Resolution.Found;

                case VenueOutcome<Order>.Rejected { IsNoSuchOrder: true } when now - state.SubmitTime >= _options.NotFoundGracePeriod:
                    // Acknowledged once but gone now (the venue archived it): final, with the last known state.
                    var (tracking, outcome) = state.Order is null
                        ? (OrderTracking.NotPlaced, "not placed: the venue does not know the client id")
                        : (OrderTracking.Terminal, $"gone from the venue (last known {state.Order.Status})");
                    _journal.RecordOutcome(state.Id, JournalEventKind.ResolvedNotPlaced, tracking, null, outcome, now);
                    SetTracking(state, tracking, outcome, now);
                    return Resolution.NotPlaced;

                default:
                    ScheduleReconcile(state);
                    return Resolution.Pending;
            }
        }
    }

    private Resolution Retry(OrderState state)
    {
        lock (_gate)
        {
            if (!_disposed && NeedsQuery(state))
            {
                ScheduleReconcile(state);
            }

            return Resolution.Pending;
        }
    }

    private static async Task<VenueOutcome<T>?> Call<T>(Func<Task<VenueOutcome<T>>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the venue call is an unknown outcome, never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new VenueOutcome<T>.Unknown($"{e.GetType().Name}: {e.Message}");
        }
    }
}

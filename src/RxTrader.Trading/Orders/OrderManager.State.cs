using RxTrader.Core.Orders;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Positions;

namespace RxTrader.Trading.Orders;

/// <content>Order updates and the forward-only state machine; every method here runs under the gate.</content>
public sealed partial class OrderManager
{
    // New < PartiallyFilled < PendingCancel < terminal, at equal executed quantity.
    private static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.New => 0,
        OrderStatus.PartiallyFilled => 1,
        OrderStatus.PendingCancel => 2,
        _ => status.IsTerminal() ? 3 : 0,
    };

    private static bool IsForward(Order current, Order next) =>
        !current.IsTerminal
        && (next.ExecutedQuantity > current.ExecutedQuantity
            || (next.ExecutedQuantity == current.ExecutedQuantity && Rank(next.Status) > Rank(current.Status)));

    private void OnUpdate(OrderUpdate update)
    {
        if (update?.Order is not { } order || order.ClientOrderId.IsDefault)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _scheduler.Now;
            var fill = update.Fill is { } f && f.ClientOrderId == order.ClientOrderId ? f : null;
            if (_open.TryGetValue(order.ClientOrderId, out var state))
            {
                if (fill is null)
                {
                    Advance(state, order, JournalEventKind.StatusChanged, $"status {order.Status}", now);
                }
                else
                {
                    ApplyFillAndStatus(state, order, fill, now);
                }

                return;
            }

            if (_journal.FindOrder(order.ClientOrderId) is null)
            {
                _foreign.OnNext(new ForeignOrder(order, KnownToJournal: false, "order updates"));
                return;
            }

            // A late fill of an order that is final here: journaled once, applied once; the order's state stays.
            if (fill is not null)
            {
                ApplyFill(fill, null, now);
            }
        }
    }

    // A fill and the order's state from one venue message: one journal transaction (one commit) for both; the caches
    // change only after it committed (write-before-act), in the order the sequential code would have changed them.
    private void ApplyFillAndStatus(OrderState state, Order order, Fill fill, DateTimeOffset now)
    {
        var batch = _journal.BeginBatch();
        try
        {
            _deferring = true;

            // Fill first: a terminal status is final only when its fills are journaled.
            ApplyFill(fill, state, now);
            if (_open.ContainsKey(order.ClientOrderId))
            {
                Advance(state, order, JournalEventKind.StatusChanged, $"status {order.Status}", now);
            }

            _deferring = false;
            batch.Commit();
        }
        catch
        {
            _deferring = false;
            _deferred.Clear();
            throw;
        }
        finally
        {
            batch.Dispose();
        }

        foreach (var change in _deferred)
        {
            if (change.Position is { } position)
            {
                Positions.AddOrUpdate(position);
            }
            else if (change.Order is { } snapshot)
            {
                Orders.AddOrUpdate(snapshot);
            }
            else
            {
                Orders.Remove(change.Removed);
            }
        }

        _deferred.Clear();
    }

    // Moves the order forward if the venue's state is newer; journals first. False when nothing changed.
    private bool Advance(OrderState state, Order order, JournalEventKind kind, string outcome, DateTimeOffset now)
    {
        if (state.Tracking.IsFinal())
        {
            return false;
        }

        if (state.Order is { } current && !IsForward(current, order))
        {
            if (state.Tracking is not (OrderTracking.PendingNew or OrderTracking.Reconciling))
            {
                return false;
            }

            // The venue knows the order but its news is not newer than ours (a restart, or the stream was faster): resolved.
            var resolved = TrackingOf(state);
            _journal.RecordOutcome(state.Id, kind, resolved, null, outcome, now);
            RecordAck(state, now);
            SetTracking(state, resolved, outcome, now);
            return true;
        }

        state.Order = order;
        var tracking = TrackingOf(state);
        _journal.RecordOutcome(state.Id, kind, tracking, order, outcome, now);
        RecordAck(state, now);
        SetTracking(state, tracking, outcome, now);
        if (tracking == OrderTracking.Open && state.AwaitingFills)
        {
            // Executed at the venue but fills are missing (a polled state): fetch them if the stream does not bring them.
            ScheduleReconcile(state);
        }

        return true;
    }

    private static OrderTracking TrackingOf(OrderState state) =>
        state.Order is { IsTerminal: true } && !state.AwaitingFills ? OrderTracking.Terminal : OrderTracking.Open;

    // Journal first (idempotent by symbol and trade id), then positions. False for a duplicate or a malformed fill.
    private bool ApplyFill(Fill fill, OrderState? state, DateTimeOffset now)
    {
        if (fill.Quantity <= 0m || fill.Price <= 0m || fill.Commission < 0m || !_journal.RecordFill(fill, now))
        {
            return false;
        }

        var position = CurrentPosition(fill.Symbol) ?? Position.Flat(fill.Symbol);
        position = position.Apply(fill.Side, fill.Quantity, fill.Price, Math.Max(0m, _feeInQuote(fill)));
        if (_deferring)
        {
            _deferred.Add(new DeferredChange(null, position, default));
        }
        else
        {
            Positions.AddOrUpdate(position);
        }

        _fillsApplied++;
        if (state is null)
        {
            return true;
        }

        state.FilledFromFills += fill.Quantity;
        if (state.MeasureLatency && !state.FirstFillSeen)
        {
            state.FirstFillSeen = true;
            var latency = now - state.SubmitTime;
            Latency.SubmitToFirstFill.Record(latency);
        }

        if (state.Tracking == OrderTracking.Open && state.Order is { IsTerminal: true } && !state.AwaitingFills)
        {
            _journal.RecordOutcome(state.Id, JournalEventKind.StatusChanged, OrderTracking.Terminal, null, "fills complete", now);
            SetTracking(state, OrderTracking.Terminal, $"status {state.Order.Status}, fills complete", now);
        }

        return true;
    }

    private void RecordAck(OrderState state, DateTimeOffset now)
    {
        if (state.MeasureLatency && !state.AckSeen)
        {
            state.AckSeen = true;
            var latency = now - state.SubmitTime;
            Latency.SubmitToAck.Record(latency);
        }
    }

    // Sets the tracking state, publishes, and retires the order when it is final.
    private void SetTracking(OrderState state, OrderTracking tracking, string outcome, DateTimeOffset now)
    {
        state.Tracking = tracking;
        state.LastOutcome = outcome;
        state.UpdateTime = now;
        if (tracking is OrderTracking.Open or OrderTracking.Terminal or OrderTracking.NotPlaced)
        {
            // Known now: a pending reconciliation timer is stale (a terminal order awaiting fills reschedules after this).
            state.Generation++;
            state.Timer?.Dispose();
            state.Timer = null;
            state.ReconcileAttempt = 0;
        }

        Publish(state);
        if (!tracking.IsFinal())
        {
            return;
        }

        _open.Remove(state.Id);
        if (tracking == OrderTracking.Terminal && state.MeasureLatency)
        {
            var latency = now - state.SubmitTime;
            Latency.SubmitToTerminal.Record(latency);
        }

        _final.Enqueue(state.Id);
        while (_final.Count > _options.RetainFinalOrders)
        {
            var retired = _final.Dequeue();
            if (_deferring)
            {
                _deferred.Add(new DeferredChange(null, null, retired));
            }
            else
            {
                Orders.Remove(retired);
            }
        }
    }

    private void Publish(OrderState state)
    {
        if (_deferring)
        {
            _deferred.Add(new DeferredChange(state.Snapshot(), null, default));
        }
        else
        {
            Orders.AddOrUpdate(state.Snapshot());
        }
    }

    // The position as it will be once the deferred changes are applied.
    private Position? CurrentPosition(Core.Symbol symbol)
    {
        for (var i = _deferred.Count - 1; i >= 0; i--)
        {
            if (_deferred[i].Position is { } position && position.Symbol == symbol)
            {
                return position;
            }
        }

        return Positions.Lookup(symbol);
    }

    // A cache change held back until the journal batch committed: a position, an order snapshot, or an order retired.
    private readonly record struct DeferredChange(TrackedOrder? Order, Position? Position, ClientOrderId Removed);
}

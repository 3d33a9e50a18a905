using RxTrader.Core.Orders;

namespace RxTrader.Binance.Execution;

/// <summary>
/// What the venue knows of each order, by client order id: the latest state, the trade ids already published, and
/// whether this venue placed it (those are polled while the user data stream is down). It decides which updates carry
/// news: a fill whose trade id was not seen, or a state that moved forward.
/// </summary>
/// <remarks>Bounded: open orders are always kept (the exchange caps them); closed ones are forgotten oldest first
/// past <c>closedCapacity</c>. Thread-safe (one lock).</remarks>
internal sealed class OrderTracker(int closedCapacity, OrderLatencies latencies)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _orders = new(StringComparer.Ordinal);
    private readonly Queue<string> _closed = new();

    /// <summary>Marks an order as placed by this venue (polled while the stream is down; its latencies are measured
    /// from <paramref name="submittedAt"/>); call after <see cref="Apply"/> gave it its first state.</summary>
    public void Placed(Order order, DateTimeOffset submittedAt, DateTimeOffset now)
    {
        lock (_gate)
        {
            var entry = EntryLocked(order);
            entry.PlacedHere = true;
            if (entry.SubmittedAt is null)
            {
                entry.SubmittedAt = submittedAt;
                latencies.Record(latencies.SubmitToAck, now - submittedAt);
                RecordLocked(entry, now);
            }
        }
    }

    /// <summary>Applies an update; returns the update to publish, or null when it carries nothing new. A fill seen
    /// before is dropped, but the order state it carries still counts if it moved forward.</summary>
    public OrderUpdate? Apply(Order order, Fill? fill, DateTimeOffset now)
    {
        lock (_gate)
        {
            var entry = EntryLocked(order);
            try
            {
                return ApplyLocked(entry, order, fill);
            }
            finally
            {
                RecordLocked(entry, now);
            }
        }
    }

    private OrderUpdate? ApplyLocked(Entry entry, Order order, Fill? fill)
    {
        var newFill = fill is not null && entry.TradeIds.Add(fill.TradeId);
        var forward = IsForward(entry.Order, order);
        if (forward)
        {
            var wasTerminal = entry.Order?.IsTerminal ?? false;
            entry.Order = order;
            if (order.IsTerminal && !wasTerminal)
            {
                ForgetOldClosedLocked(order.ClientOrderId.Value);
            }
        }

        return newFill ? new OrderUpdate(entry.Order ?? order, fill)
            : forward ? new OrderUpdate(order, null)
            : null;
    }

    /// <summary>The latest state of orders this venue placed that are not closed.</summary>
    public IReadOnlyList<Order> OpenPlacedHere()
    {
        lock (_gate)
        {
            return [.. _orders.Values.Where(static e => e.PlacedHere && e.Order is { IsTerminal: false }).Select(static e => e.Order!)];
        }
    }

    /// <summary>The latest known state of an order, or null.</summary>
    public Order? Find(ClientOrderId id)
    {
        lock (_gate)
        {
            return _orders.TryGetValue(id.Value, out var entry) ? entry.Order : null;
        }
    }

    /// <summary>The client id of an exchange order id, if the order is remembered.</summary>
    public ClientOrderId? FindByExchangeId(long exchangeOrderId)
    {
        lock (_gate)
        {
            foreach (var entry in _orders.Values)
            {
                if (entry.Order is { } order && order.ExchangeOrderId == exchangeOrderId)
                {
                    return order.ClientOrderId;
                }
            }

            return null;
        }
    }

    /// <summary>Whether <paramref name="next"/> is a later state than <paramref name="known"/>: more executed, or the
    /// same executed quantity and a later status (new → partially filled → pending cancel → closed).</summary>
    private static bool IsForward(Order? known, Order next)
    {
        if (known is null)
        {
            return true;
        }

        if (known.ExchangeOrderId != next.ExchangeOrderId)
        {
            // Binance lets a closed order's client id be used again: a different exchange order is a new order.
            return known.IsTerminal;
        }

        return next.ExecutedQuantity > known.ExecutedQuantity
            || (next.ExecutedQuantity == known.ExecutedQuantity && Rank(next.Status) > Rank(known.Status));
    }

    private static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.New => 0,
        OrderStatus.PartiallyFilled => 1,
        OrderStatus.PendingCancel => 2,
        _ => 3,
    };

    private void RecordLocked(Entry entry, DateTimeOffset now)
    {
        if (entry.SubmittedAt is not { } submitted || entry.Order is not { } order)
        {
            return;
        }

        if (!entry.FillRecorded && (entry.TradeIds.Count > 0 || order.ExecutedQuantity > 0m))
        {
            entry.FillRecorded = true;
            latencies.Record(latencies.SubmitToFirstFill, now - submitted);
        }

        if (!entry.TerminalRecorded && order.IsTerminal)
        {
            entry.TerminalRecorded = true;
            latencies.Record(latencies.SubmitToTerminal, now - submitted);
        }
    }

    private Entry EntryLocked(Order order)
    {
        if (!_orders.TryGetValue(order.ClientOrderId.Value, out var entry))
        {
            entry = new Entry();
            _orders.Add(order.ClientOrderId.Value, entry);
        }
        else if (entry.Order is { IsTerminal: true } old && old.ExchangeOrderId != order.ExchangeOrderId)
        {
            // A reused id: the old order's trades do not belong to the new one.
            entry.TradeIds.Clear();
            entry.PlacedHere = false;
            entry.SubmittedAt = null;
            entry.FillRecorded = entry.TerminalRecorded = false;
        }

        return entry;
    }

    private void ForgetOldClosedLocked(string id)
    {
        _closed.Enqueue(id);
        while (_closed.Count > closedCapacity)
        {
            var old = _closed.Dequeue();
            if (_orders.TryGetValue(old, out var entry) && entry.Order is { IsTerminal: true })
            {
                _orders.Remove(old);
            }
        }
    }

    private sealed class Entry
    {
        public Order? Order { get; set; }

        public HashSet<long> TradeIds { get; } = [];

        public bool PlacedHere { get; set; }

        public DateTimeOffset? SubmittedAt { get; set; }

        public bool FillRecorded { get; set; }

        public bool TerminalRecorded { get; set; }
    }
}

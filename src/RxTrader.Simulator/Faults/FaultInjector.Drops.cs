namespace RxTrader.Simulator.Faults;

/// <summary>The dropped-connection order fault: the TCP connection of an order placement is aborted unanswered.</summary>
public sealed partial class FaultInjector
{
    private int _pendingDrops;
    private bool _dropAfterPlacing;
    private long _ordersDropped;

    /// <summary>
    /// Aborts the TCP connection of the next <paramref name="count"/> order placements (<c>POST /api/v3/order</c>
    /// requests that pass parsing, authentication and the time checks) without any answer, like a connection lost
    /// mid-submit. With <paramref name="afterPlacing"/> false the order is never placed (nothing reaches the engine, no
    /// order count); with true the engine places it first (it rests, fills, appears on the streams and in
    /// <c>GET /api/v3/order</c>) and only the answer is lost — in that case orders the engine rejects are answered
    /// normally and do not use up the count. Replaces any earlier <see cref="DropNextOrders"/>; 0 disarms. Checked
    /// after <see cref="FailNextOrders"/> and before <see cref="TimeOutNextOrders"/>.
    /// </summary>
    /// <param name="count">How many placements to drop.</param>
    /// <param name="afterPlacing">Whether the engine places the order before the connection is aborted.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void DropNextOrders(int count = 1, bool afterPlacing = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _pendingDrops = count;
            _dropAfterPlacing = afterPlacing;
            _faultsInjected++;
            Volatile.Write(ref _orderFaultsArmed, OrderFaultsPendingLocked());
        }
    }

    /// <summary>Order hook, before placement (<paramref name="placed"/> false) or after the engine accepted the order
    /// (true): whether to abort the connection now.</summary>
    internal bool TakeOrderDrop(bool placed)
    {
        if (!Volatile.Read(ref _orderFaultsArmed))
        {
            return false;
        }

        lock (_gate)
        {
            if (_pendingDrops == 0 || _dropAfterPlacing != placed)
            {
                return false;
            }

            _pendingDrops--;
            _ordersDropped++;
            Volatile.Write(ref _orderFaultsArmed, OrderFaultsPendingLocked());
            return true;
        }
    }

    private bool OrderFaultsPendingLocked() => _pendingFailures > 0 || _pendingTimeouts > 0 || _pendingDrops > 0;
}

using RxTrader.Streams.Diagnostics;

namespace RxTrader.Trading.Orders;

/// <summary>Per-order latencies of the orders submitted by one <see cref="OrderManager"/>, measured on its scheduler.</summary>
/// <remarks>Orders rebuilt from the journal after a restart are not measured (their submit happened in another run).</remarks>
public sealed class OrderLatency
{
    /// <summary>Submit (the call) to the venue's acknowledgement (accepted answer, first update, or found by reconciliation).</summary>
    public LatencyHistogram SubmitToAck { get; } = new();

    /// <summary>Submit to the order's first fill.</summary>
    public LatencyHistogram SubmitToFirstFill { get; } = new();

    /// <summary>Submit to a terminal status (filled, canceled, rejected, expired).</summary>
    public LatencyHistogram SubmitToTerminal { get; } = new();
}

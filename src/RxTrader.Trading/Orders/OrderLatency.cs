using System.Diagnostics.Metrics;
using RxTrader.Streams.Diagnostics;

namespace RxTrader.Trading.Orders;

/// <summary>Per-order latencies of the orders submitted by one <see cref="OrderManager"/>, measured on its scheduler.</summary>
/// <remarks>Orders rebuilt from the journal after a restart are not measured (their submit happened in another run).</remarks>
public sealed class OrderLatency
{
    /// <summary>Latencies kept to themselves (not published on a meter).</summary>
    public OrderLatency()
    {
        SubmitToAck = new();
        SubmitToFirstFill = new();
        SubmitToTerminal = new();
    }

    /// <summary>Latencies also published on <paramref name="meter"/>: <c>order_roundtrip_latency_seconds</c>,
    /// <c>order_first_fill_latency_seconds</c> and <c>order_terminal_latency_seconds</c>.</summary>
    /// <param name="meter">The meter.</param>
    internal OrderLatency(Meter meter)
    {
        SubmitToAck = new(meter.CreateHistogram<double>("order_roundtrip_latency_seconds", "s", "Order submit to venue acknowledgement."));
        SubmitToFirstFill = new(meter.CreateHistogram<double>("order_first_fill_latency_seconds", "s", "Order submit to its first fill."));
        SubmitToTerminal = new(meter.CreateHistogram<double>("order_terminal_latency_seconds", "s", "Order submit to a terminal status."));
    }

    /// <summary>Submit (the call) to the venue's acknowledgement (accepted answer, first update, or found by reconciliation).</summary>
    public LatencyHistogram SubmitToAck { get; }

    /// <summary>Submit to the order's first fill.</summary>
    public LatencyHistogram SubmitToFirstFill { get; }

    /// <summary>Submit to a terminal status (filled, canceled, rejected, expired).</summary>
    public LatencyHistogram SubmitToTerminal { get; }
}

using RxTrader.Streams.Diagnostics;

namespace RxTrader.Binance.Execution;

/// <summary>Per-order latencies of the orders a <see cref="BinanceExecutionVenue"/> placed, on the venue's
/// scheduler clock: submit → acknowledgement, submit → first fill, submit → closed. Readable from any thread.</summary>
/// <remarks>"Submit" is the first send of the order; a submit resolved by query or resent counts from that first send.
/// Fills and closes are counted when the venue first learns of them (answer, stream or polling), for orders
/// still remembered (see <see cref="BinanceVenueOptions.ClosedOrderMemory"/>).</remarks>
public sealed class OrderLatencies
{
    private readonly Lock _gate = new();

    /// <summary>From the first send to the answer that accepted the order (or the query that found it).</summary>
    public LatencyHistogram SubmitToAck { get; } = new();

    /// <summary>From the first send to the first fill the venue learned of.</summary>
    public LatencyHistogram SubmitToFirstFill { get; } = new();

    /// <summary>From the first send to the first closed state (filled, cancelled, expired, rejected) the venue learned of.</summary>
    public LatencyHistogram SubmitToTerminal { get; } = new();

    internal void Record(LatencyHistogram histogram, TimeSpan latency)
    {
        // The histogram has one writer; the venue records from answers, the stream and the poller.
        lock (_gate)
        {
            histogram.Record(latency);
        }
    }
}

using System.Text.Json.Serialization;

namespace RxTrader.Host.Bench;

/// <summary>What one mode measured. Counts are over the measured window unless named <c>Total</c>.</summary>
/// <param name="Mode">throughput or latency.</param>
/// <param name="WindowSeconds">The measured window, in seconds of the bench's clock.</param>
/// <param name="WarmupSeconds">The warm-up before it.</param>
/// <param name="TargetRate">The paced rate (latency mode), or <see langword="null"/> (as fast as possible).</param>
/// <param name="SignalEvery">The strategy's cadence.</param>
/// <param name="JournalSync">The journal's SQLite synchronous mode (NORMAL or FULL).</param>
/// <param name="MessagesSent">Frames the blaster wrote in the window.</param>
/// <param name="MessagesReceived">Trades the feed decoded in the window.</param>
/// <param name="MessagesProcessed">Trades the strategies saw in the window (the end of the market pipeline).</param>
/// <param name="MessagesPerSecond">Processed messages per second of the window.</param>
/// <param name="DroppedByFeed">Messages dropped in the window by the feed's bounded hand-off (socket thread → consumer).</param>
/// <param name="DroppedByEngine">Messages dropped in the window by the engine's bounded hand-offs (consumer → pipeline shards).</param>
/// <param name="DroppedTotal">The same over the whole run (warm-up and drain included).</param>
/// <param name="Signals">Signals in the window.</param>
/// <param name="OrdersPlacedTotal">Orders sent to the simulator over the whole run.</param>
/// <param name="OrdersAckedTotal">Orders it accepted.</param>
/// <param name="OrdersRefusedTotal">Orders it refused or left unknown.</param>
/// <param name="RiskRejections">Orders the risk gate refused, by reason, over the whole run.</param>
/// <param name="TickToSignal">Frame written → signal emitted, µs (frames written in the window).</param>
/// <param name="TickToOrderAck">Frame written → the simulator's acknowledgement received, µs.</param>
/// <param name="EngineTickToSignalP99Micros">The engine's own ingress → signal P99 (whole run; power-of-two buckets).</param>
/// <param name="EngineTickToOrderAckP99Micros">The engine's own ingress → order ack P99 (whole run; power-of-two buckets).</param>
/// <param name="AllocatedBytesPerMessage">Bytes allocated by the whole process in the window per processed message.</param>
/// <param name="PeakRssBytes">The process's peak resident set at the end of the mode (VmHWM: never decreases).</param>
internal sealed record BenchModeResult(
    string Mode,
    double WindowSeconds,
    double WarmupSeconds,
    int? TargetRate,
    int SignalEvery,
    string JournalSync,
    long MessagesSent,
    long MessagesReceived,
    long MessagesProcessed,
    double MessagesPerSecond,
    long DroppedByFeed,
    long DroppedByEngine,
    long DroppedTotal,
    long Signals,
    long OrdersPlacedTotal,
    long OrdersAckedTotal,
    long OrdersRefusedTotal,
    IReadOnlyDictionary<string, long> RiskRejections,
    [property: JsonPropertyName("tick_to_signal_us")] LatencySummary TickToSignal,
    [property: JsonPropertyName("tick_to_order_ack_us")] LatencySummary TickToOrderAck,
    long EngineTickToSignalP99Micros,
    long EngineTickToOrderAckP99Micros,
    double AllocatedBytesPerMessage,
    long PeakRssBytes)
{
    /// <summary>Messages dropped in the window, anywhere.</summary>
    public long DroppedInWindow => DroppedByFeed + DroppedByEngine;
}

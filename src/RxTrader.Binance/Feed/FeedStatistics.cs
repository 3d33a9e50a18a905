using RxTrader.Binance.Wire;
using RxTrader.Streams.Diagnostics;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.Feed;

/// <summary>Live counters of a <see cref="BinanceMarketFeed"/>, readable from any thread; meant for metrics export.</summary>
/// <remarks>Each value is read atomically; values read one after another may be from different moments.</remarks>
public sealed class FeedStatistics
{
    private long _frames;
    private long _bytes;
    private long _reconnects;
    private long _gaps;
    private long _streamGaps;
    private long _controlMessagesSent;
    private long _controlErrors;

    private readonly KeyValuePair<string, object?> _feedTag;

    internal FeedStatistics(DecoderCounters decoder, string feedName)
    {
        Decoder = decoder;
        _feedTag = new("feed", feedName);
        EventLatency = new LatencyHistogram(FeedMeter.WsLatency, _feedTag);
    }

    /// <summary>Frames received, all kinds.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Payload bytes received.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Connections opened after the first one.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Reconnects that lost data: a drop after data, closed by the first data of a later connection.</summary>
    /// <remarks>Each reports one <see cref="Core.Connectivity.Gap"/> per affected stream (<see cref="StreamGaps"/>).</remarks>
    public long Gaps => Interlocked.Read(ref _gaps);

    /// <summary><see cref="Core.Connectivity.Gap"/> events reported, one per stream per <see cref="Gaps">gap</see>.</summary>
    public long StreamGaps => Interlocked.Read(ref _streamGaps);

    /// <summary>SUBSCRIBE/UNSUBSCRIBE messages sent.</summary>
    public long ControlMessagesSent => Interlocked.Read(ref _controlMessagesSent);

    /// <summary>Error replies to control messages (e.g. <c>invalid stream</c>); those answering a SUBSCRIBE are
    /// also reported as <see cref="SubscriptionRejected"/>.</summary>
    public long ControlErrors => Interlocked.Read(ref _controlErrors);

    /// <summary>What the decoder made of the frames: decoded per kind, unknown, malformed.</summary>
    public DecoderCounters Decoder { get; }

    /// <summary>The hand-off queues of all subscribers together: received, delivered, dropped, depth.</summary>
    public BoundedHandOffStatistics HandOff { get; } = new();

    /// <summary>Receive time (feed scheduler) minus the exchange's event time, for payloads that carry one.</summary>
    public LatencyHistogram EventLatency { get; }

    /// <summary>Receive time minus the trade time of trades and aggregate trades (matching-engine to us).</summary>
    public LatencyHistogram TradeLag { get; } = new();

    internal void AddFrame(int bytes)
    {
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _bytes, bytes);
    }

    internal void AddReconnect()
    {
        Interlocked.Increment(ref _reconnects);
        FeedMeter.Reconnects.Add(1, _feedTag);
    }

    internal void AddGap() => Interlocked.Increment(ref _gaps);

    internal void AddStreamGap() => Interlocked.Increment(ref _streamGaps);

    internal void AddControlMessage() => Interlocked.Increment(ref _controlMessagesSent);

    internal void AddControlError() => Interlocked.Increment(ref _controlErrors);
}

using RxTrader.Core;

namespace RxTrader.Host.Bench;

/// <summary>
/// What the bench's strategy, venue decorator and blaster share: the send times of the frames, the measured window
/// and the latency histograms. A sample belongs to the window when its frame was written inside it.
/// </summary>
internal sealed class BenchProbe
{
    private readonly Dictionary<Symbol, OrderOrigin> _origins = [];
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _processed;
    private long _placed;
    private long _acked;
    private long _refused;

    public BenchProbe(TimeProvider time, IReadOnlyList<Symbol> symbols)
    {
        Time = time;
        TickToSignal = new LatencyRecorder(time.TimestampFrequency);
        TickToOrderAck = new LatencyRecorder(time.TimestampFrequency);
        foreach (var symbol in symbols)
        {
            _origins[symbol] = new OrderOrigin();
        }
    }

    /// <summary>The bench's clock (high resolution).</summary>
    public TimeProvider Time { get; }

    /// <summary>When each frame was written.</summary>
    public SendTimes SendTimes { get; } = new();

    /// <summary>Frame written → strategy emits the signal, µs.</summary>
    public LatencyRecorder TickToSignal { get; }

    /// <summary>Frame written → the venue's acknowledgement of the order the signal caused, µs.</summary>
    public LatencyRecorder TickToOrderAck { get; }

    /// <summary>Trades the strategies have seen (the end of the market pipeline).</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Orders sent to the venue.</summary>
    public long Placed => Interlocked.Read(ref _placed);

    /// <summary>Orders the venue accepted.</summary>
    public long Acked => Interlocked.Read(ref _acked);

    /// <summary>Orders the venue refused or left unknown.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Opens the measured window at <paramref name="timestamp"/>.</summary>
    public void OpenWindow(long timestamp) => Volatile.Write(ref _windowStart, timestamp);

    /// <summary>Closes the measured window at <paramref name="timestamp"/>.</summary>
    public void CloseWindow(long timestamp) => Volatile.Write(ref _windowEnd, timestamp);

    /// <summary>Whether a frame written at <paramref name="sent"/> is measured.</summary>
    public bool InWindow(long sent) => sent != 0 && sent >= Volatile.Read(ref _windowStart) && sent < Volatile.Read(ref _windowEnd);

    /// <summary>Counts one trade a strategy has seen.</summary>
    public void CountProcessed() => Interlocked.Increment(ref _processed);

    /// <summary>Remembers the frame that caused the latest change of side of <paramref name="symbol"/> (the signal that makes an order).</summary>
    public void SetOrderOrigin(Symbol symbol, Side side, long sent)
    {
        var origin = _origins[symbol];
        lock (origin)
        {
            origin.Side = side;
            origin.Sent = sent;
        }
    }

    /// <summary>Takes the origin of an order of <paramref name="symbol"/> on <paramref name="side"/> (0 when none is pending).</summary>
    public long TakeOrderOrigin(Symbol symbol, Side side)
    {
        if (!_origins.TryGetValue(symbol, out var origin))
        {
            return 0;
        }

        lock (origin)
        {
            if (origin.Side != side)
            {
                return 0;
            }

            var sent = origin.Sent;
            origin.Sent = 0;
            return sent;
        }
    }

    /// <summary>Counts an order sent to the venue.</summary>
    public void CountPlaced() => Interlocked.Increment(ref _placed);

    /// <summary>Counts the venue's answer; an acceptance of an order whose frame is in the window is a sample.</summary>
    public void CountAnswer(bool accepted, long origin, long now)
    {
        if (!accepted)
        {
            Interlocked.Increment(ref _refused);
            return;
        }

        Interlocked.Increment(ref _acked);
        if (InWindow(origin))
        {
            TickToOrderAck.Record(origin, now);
        }
    }

    private sealed class OrderOrigin
    {
        public Side Side { get; set; }

        public long Sent { get; set; }
    }
}

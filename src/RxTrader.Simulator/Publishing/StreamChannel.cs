namespace RxTrader.Simulator.Publishing;

/// <summary>One stream name's subscribers and per-stream state; touched only under the hub's gate.</summary>
internal sealed class StreamChannel(PublicStreamName stream, SymbolState? state)
{
    private static readonly IObserver<ReadOnlyMemory<byte>>[] None = [];

    public PublicStreamName Stream { get; } = stream;

    public SymbolState? State { get; } = state;

    /// <summary>Copy-on-write: a delivery loop never sees a list being changed.</summary>
    public IObserver<ReadOnlyMemory<byte>>[] Observers { get; private set; } = None;

    public IDisposable? Timer { get; set; }

    /// <summary>Bumped when the timer stops, so a callback already queued does nothing.</summary>
    public long Generation { get; set; }

    public long PeriodMs { get; set; }

    /// <summary>Kline: open time of the last closed candle already sent with <c>x:true</c>.</summary>
    public long LastClosedOpen { get; set; } = long.MinValue;

    /// <summary>Diff depth: the levels changed in the current period and its update id range.</summary>
    public SortedList<decimal, decimal>? PendingBids { get; set; }

    public SortedList<decimal, decimal>? PendingAsks { get; set; }

    public long FirstUpdateId { get; set; }

    public long LastUpdateId { get; set; }

    public void Add(IObserver<ReadOnlyMemory<byte>> observer) => Observers = [.. Observers, observer];

    public void Remove(IObserver<ReadOnlyMemory<byte>> observer)
    {
        var index = Array.IndexOf(Observers, observer);
        if (index >= 0)
        {
            Observers = index == 0 && Observers.Length == 1 ? None : [.. Observers[..index], .. Observers[(index + 1)..]];
        }
    }

    public void Publish(ReadOnlyMemory<byte> payload)
    {
        foreach (var observer in Observers)
        {
            observer.OnNext(payload);
        }
    }
}

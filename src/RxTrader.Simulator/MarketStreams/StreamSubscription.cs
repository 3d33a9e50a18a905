using System.Text;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>One stream of one connection: the pre-encoded combined prefix, the source (hub or load stream) and the
/// per-stream state of the depth faults.</summary>
internal sealed class StreamSubscription : IObserver<ReadOnlyMemory<byte>>, IDisposable
{
    private readonly MarketStreamSession _session;
    private IDisposable? _source;

    public StreamSubscription(MarketStreamSession session, ResolvedStream stream)
    {
        _session = session;
        Stream = stream;
        Prefix = Encoding.UTF8.GetBytes("{\"stream\":\"" + stream.Name + "\",\"data\":");
    }

    public ResolvedStream Stream { get; }

    /// <summary><c>{"stream":"&lt;name&gt;","data":</c>, encoded once.</summary>
    public byte[] Prefix { get; }

    /// <summary>A diff event held back by a reorder fault (touched under the session's gate).</summary>
    public ReadOnlyMemory<byte>? Held { get; set; }

    public void Attach(IDisposable source)
    {
        if (Interlocked.CompareExchange(ref _source, source, null) is not null)
        {
            source.Dispose();
        }
    }

    public void OnNext(ReadOnlyMemory<byte> value) => _session.Deliver(this, value);

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    public void Dispose() => Interlocked.Exchange(ref _source, null)?.Dispose();
}

using System.Buffers;
using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>
/// One market-stream connection: its subscriptions (hub streams and load streams), the combined-wrapper property,
/// the control protocol of binance-wire §1.3 and the depth faults.
/// </summary>
/// <remarks>
/// <para>Control messages run on the socket's receive loop, one at a time. Payloads arrive on the hub's threads and go
/// straight to <see cref="SimulatorWebSocket.TrySendText(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>:
/// raw connections send the shared payload alone, combined ones send the subscription's pre-encoded prefix, the
/// payload and <c>}</c>. A <c>SUBSCRIBE</c> reply is queued before the hub subscription is made, so it precedes the
/// stream's first payload.</para>
/// <para>Lock order: the hub's gate may be held while <see cref="Deliver"/> takes this session's gate; this session
/// never calls the hub while holding its own gate.</para>
/// </remarks>
internal sealed partial class MarketStreamSession : IDisposable
{
    private static readonly byte[] Suffix = "}"u8.ToArray();

    private readonly Lock _gate = new();
    private readonly SimulatorContext _context;
    private readonly MarketStreamOptions _options;
    private readonly Dictionary<string, StreamSubscription> _byKey = new(StringComparer.Ordinal);
    private readonly List<StreamSubscription> _subscriptions = [];
    private readonly ArrayBufferWriter<byte> _reply = new(512);
    private readonly Utf8JsonWriter _writer;
    private volatile bool _combined;
    private bool _disposed;

    public MarketStreamSession(SimulatorWebSocket socket, SimulatorContext context, MarketStreamOptions options, bool combined)
    {
        Socket = socket;
        _context = context;
        _options = options;
        _combined = combined;
        _writer = new Utf8JsonWriter(_reply, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    /// <summary>The transport (for the transport faults: abort, stall, raw bytes, frame delay).</summary>
    public SimulatorWebSocket Socket { get; }

    /// <summary>Whether payloads are wrapped as <c>{"stream":..,"data":..}</c> (the <c>combined</c> property).</summary>
    public bool Combined => _combined;

    /// <summary>The subscribed stream names, in subscription order, as the client wrote them.</summary>
    public IReadOnlyList<string> Streams
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions.Select(static s => s.Stream.Name)];
            }
        }
    }

    /// <summary>Subscribes the streams named in the URL (already resolved and within the limit), without a reply.</summary>
    public void SubscribeInitial(IReadOnlyList<ResolvedStream> streams)
    {
        if (TryAdd(streams, out var added))
        {
            Start(added);
        }
    }

    /// <summary>The message handler of <see cref="SimulatorWebSocket.RunAsync"/>; never throws.</summary>
    public ValueTask OnTextAsync(ReadOnlyMemory<byte> message)
    {
        try
        {
            Handle(message.Span);
        }
#pragma warning disable CA1031 // A control message must never end the connection with 1011: answer it instead.
        catch (Exception)
#pragma warning restore CA1031
        {
            SendError(ControlErrors.InvalidRequest, ControlId.Null);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The socket-registry announcer and lifetime hook: queues <c>serverShutdown</c>, raw or wrapped.</summary>
    public void AnnounceShutdown(SimulatorWebSocket socket)
    {
        var combined = _combined;
        Span<byte> buffer = stackalloc byte[96];
        var prefix = combined ? """{"stream":"!serverShutdown","data":{"e":"serverShutdown","E":"""u8 : """{"e":"serverShutdown","E":"""u8;
        prefix.CopyTo(buffer);
        var length = prefix.Length;
        _ = Utf8Formatter.TryFormat(_context.NowMs, buffer[length..], out var written);
        length += written;
        buffer[length++] = (byte)'}';
        if (combined)
        {
            buffer[length++] = (byte)'}';
        }

        socket.TrySendText(buffer[..length]);
    }

    /// <summary>Releases every hub subscription and stops every load stream.</summary>
    public void Dispose()
    {
        StreamSubscription[] subscriptions;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
            _byKey.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        _writer.Dispose();
    }

    /// <summary>Sends one payload of <paramref name="subscription"/>, wrapped when the connection is combined.</summary>
    internal bool Send(StreamSubscription subscription, ReadOnlySpan<byte> payload) =>
        _combined ? Socket.TrySendText(subscription.Prefix, payload, Suffix) : Socket.TrySendText(payload);

    /// <summary>A payload from the hub (on the hub's thread, under its gate).</summary>
    internal void Deliver(StreamSubscription subscription, ReadOnlyMemory<byte> payload)
    {
        if (subscription.Stream.IsDiffDepth)
        {
            DeliverDepth(subscription, payload);
            return;
        }

        Send(subscription, payload.Span);
    }

    /// <summary>Adds the streams not yet subscribed (their sources not started yet); false when the limit refuses them.</summary>
    private bool TryAdd(IReadOnlyList<ResolvedStream> streams, out List<StreamSubscription> added)
    {
        added = [];
        lock (_gate)
        {
            if (_disposed)
            {
                return true;
            }

            var fresh = streams.Select(static s => s.Key).Distinct(StringComparer.Ordinal).Count(k => !_byKey.ContainsKey(k));
            if (_byKey.Count + fresh > _options.MaxStreamsPerConnection)
            {
                return false;
            }

            foreach (var stream in streams)
            {
                if (!_byKey.ContainsKey(stream.Key))
                {
                    var subscription = new StreamSubscription(this, stream);
                    _byKey.Add(stream.Key, subscription);
                    _subscriptions.Add(subscription);
                    added.Add(subscription);
                }
            }
        }

        return true;
    }

    /// <summary>Starts the sources of the streams <see cref="TryAdd"/> accepted (after the reply was queued).</summary>
    private void Start(List<StreamSubscription> added)
    {
        foreach (var subscription in added)
        {
            var stream = subscription.Stream;
            subscription.Attach(stream.Firehose
                ? FirehoseTradeStream.Start(this, subscription, _context.Scheduler, _options.SendQueueBytes)
                : _context.Hub.Subscribe(stream.Stream).Subscribe(subscription));
        }
    }

    private void Remove(IEnumerable<string> keys)
    {
        List<StreamSubscription> removed = [];
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_byKey.Remove(key, out var subscription))
                {
                    _subscriptions.Remove(subscription);
                    removed.Add(subscription);
                }
            }
        }

        foreach (var subscription in removed)
        {
            subscription.Dispose();
        }
    }
}

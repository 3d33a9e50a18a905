using System.Buffers;
using System.Net.WebSockets;
using System.Reactive.Concurrency;
using System.Security.Cryptography;
using System.Text.Json;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.UserData;

/// <summary>
/// The user data stream of every account: live listenKeys (create, keep-alive, delete, expiry on the scheduler) and
/// the sinks (listenKey streams, WebSocket-API subscriptions) that receive each account's events from
/// <see cref="MatchingEngine.Events"/>.
/// </summary>
/// <remarks>
/// One gate. The engine delivers its events one at a time, in order, outside its own gate; each event of an account
/// that has sinks is encoded once into a reused buffer and queued on every sink of that account under this gate
/// (sockets copy without blocking), so every sink sees its account's events in the engine's order and control
/// frames (subscribe replies, <c>eventStreamTerminated</c>, <c>listenKeyExpired</c>) fall in place between them.
/// Events of accounts without sinks are not encoded.
/// </remarks>
internal sealed class UserDataHub : IDisposable
{
    /// <summary>Binance's listenKey length.</summary>
    public const int ListenKeyLength = 60;

    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Lock _gate = new();
    private readonly IScheduler _scheduler;
    private readonly UserDataOptions _options;
    private readonly Dictionary<string, List<IUserEventSink>> _sinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ListenKey> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ListenKey> _keyOfAccount = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly IDisposable _subscription;
    private long _eventsEncoded;
    private bool _disposed;

    public UserDataHub(MatchingEngine engine, IScheduler scheduler, UserDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _scheduler = scheduler;
        _options = options;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            SkipValidation = true,

            // Client order ids and asset names go out as sent, like Binance writes them.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        _subscription = engine.Events.Subscribe(OnEvent, static _ => { }, Dispose);
    }

    public UserDataOptions Options => _options;

    /// <summary>How many events were encoded (one per event of an account with sinks, whatever the sink count).</summary>
    public long EventsEncoded => Interlocked.Read(ref _eventsEncoded);

    /// <summary>How many sinks (listenKey streams and subscriptions) receive events, over all accounts.</summary>
    public int SinkCount
    {
        get
        {
            lock (_gate)
            {
                return _sinks.Values.Sum(static s => s.Count);
            }
        }
    }

    /// <summary>The account's live key, extended; or a new one.</summary>
    public string CreateListenKey(string accountId)
    {
        lock (_gate)
        {
            var now = _scheduler.Now;
            if (_keyOfAccount.TryGetValue(accountId, out var existing))
            {
                existing.ExpiresAt = now + _options.ListenKeyValidity;
                return existing.Key;
            }

            var key = new ListenKey(RandomNumberGenerator.GetString(KeyAlphabet, ListenKeyLength), accountId, now + _options.ListenKeyValidity);
            _keys.Add(key.Key, key);
            _keyOfAccount.Add(accountId, key);
            Arm(key);
            return key.Key;
        }
    }

    /// <summary>Extends <paramref name="key"/> of <paramref name="accountId"/>; false when it does not exist (for that account).</summary>
    public bool KeepAlive(string accountId, string key)
    {
        lock (_gate)
        {
            if (!_keys.TryGetValue(key, out var entry) || entry.AccountId != accountId)
            {
                return false;
            }

            entry.ExpiresAt = _scheduler.Now + _options.ListenKeyValidity;
            return true;
        }
    }

    /// <summary>Invalidates the key and closes its streams (no <c>listenKeyExpired</c>); false when it does not exist.</summary>
    public bool DeleteListenKey(string accountId, string key)
    {
        lock (_gate)
        {
            if (!_keys.TryGetValue(key, out var entry) || entry.AccountId != accountId)
            {
                return false;
            }

            Remove(entry);
            foreach (var stream in entry.Streams)
            {
                stream.Socket.Close(WebSocketCloseStatus.NormalClosure, "listenKey deleted");
            }

            return true;
        }
    }

    /// <summary>The account of a live key, or null.</summary>
    public string? AccountOf(string key)
    {
        lock (_gate)
        {
            return _keys.TryGetValue(key, out var entry) ? entry.AccountId : null;
        }
    }

    /// <summary>Attaches a <c>/ws/&lt;listenKey&gt;</c> connection; null when the key does not exist.</summary>
    public ListenKeyStream? AttachStream(string key, Sockets.SimulatorWebSocket socket)
    {
        lock (_gate)
        {
            if (!_keys.TryGetValue(key, out var entry))
            {
                return null;
            }

            var stream = new ListenKeyStream(socket, entry);
            entry.Streams.Add(stream);
            AddSink(stream);
            return stream;
        }
    }

    /// <summary>Detaches a stream whose connection ended.</summary>
    public void DetachStream(ListenKeyStream stream)
    {
        lock (_gate)
        {
            stream.Key.Streams.Remove(stream);
            RemoveSink(stream);
        }
    }

    /// <summary>Queues <paramref name="reply"/> on <paramref name="socket"/>, then starts delivering to
    /// <paramref name="sink"/>: no event can overtake the reply.</summary>
    public void Attach(IUserEventSink sink, Sockets.SimulatorWebSocket? socket, ReadOnlySpan<byte> reply)
    {
        lock (_gate)
        {
            socket?.TrySendText(reply);
            AddSink(sink);
        }
    }

    /// <summary>Stops delivering to <paramref name="sink"/> and, when asked, sends it a final
    /// <c>eventStreamTerminated</c> after every event it was given.</summary>
    public void Detach(IUserEventSink sink, bool terminate)
    {
        lock (_gate)
        {
            if (!RemoveSink(sink) || !terminate || _disposed)
            {
                return;
            }

            Reset();
            UserEventWriter.WriteEventStreamTerminated(_writer, _scheduler.Now.ToUnixTimeMilliseconds());
            _writer.Flush();
            sink.Deliver(_buffer.WrittenSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var key in _keys.Values)
            {
                key.Timer?.Dispose();
            }

            _keys.Clear();
            _keyOfAccount.Clear();
            _sinks.Clear();
            _writer.Dispose();
        }

        _subscription.Dispose();
    }

    private static string? AccountOf(ExchangeEvent e) => e switch
    {
        ExecutionReport r => r.AccountId,
        AccountPositionChanged p => p.AccountId,
        BalanceUpdated b => b.AccountId,
        _ => null,
    };

    private void OnEvent(ExchangeEvent e)
    {
        if (AccountOf(e) is not { } accountId)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || !_sinks.TryGetValue(accountId, out var sinks) || sinks.Count == 0)
            {
                return;
            }

            Reset();
            UserEventWriter.TryWrite(_writer, e, out _);
            _writer.Flush();
            _eventsEncoded++;
            var payload = _buffer.WrittenSpan;
            foreach (var sink in sinks)
            {
                sink.Deliver(payload);
            }
        }
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private void AddSink(IUserEventSink sink)
    {
        if (!_sinks.TryGetValue(sink.AccountId, out var sinks))
        {
            sinks = [];
            _sinks.Add(sink.AccountId, sinks);
        }

        sinks.Add(sink);
    }

    private bool RemoveSink(IUserEventSink sink) =>
        _sinks.TryGetValue(sink.AccountId, out var sinks) && sinks.Remove(sink);

    private void Remove(ListenKey key)
    {
        key.Timer?.Dispose();
        _keys.Remove(key.Key);
        _keyOfAccount.Remove(key.AccountId);
        foreach (var stream in key.Streams)
        {
            RemoveSink(stream);
        }
    }

    private void Arm(ListenKey key) =>
        key.Timer = _scheduler.Schedule((Hub: this, Key: key), key.ExpiresAt, static (_, s) =>
        {
            s.Hub.Expire(s.Key);
            return System.Reactive.Disposables.Disposable.Empty;
        });

    /// <summary>The timer fired: re-arm when kept alive meanwhile, else tell the streams and close them.</summary>
    private void Expire(ListenKey key)
    {
        lock (_gate)
        {
            if (_disposed || !_keys.TryGetValue(key.Key, out var current) || !ReferenceEquals(current, key))
            {
                return;
            }

            var now = _scheduler.Now;
            if (now < key.ExpiresAt)
            {
                Arm(key);
                return;
            }

            Remove(key);
            Reset();
            UserEventWriter.WriteListenKeyExpired(_writer, now.ToUnixTimeMilliseconds(), key.Key);
            _writer.Flush();
            foreach (var stream in key.Streams)
            {
                stream.Deliver(_buffer.WrittenSpan);
                stream.Socket.Close(WebSocketCloseStatus.NormalClosure, "listenKey expired");
            }

            key.Streams.Clear();
        }
    }
}

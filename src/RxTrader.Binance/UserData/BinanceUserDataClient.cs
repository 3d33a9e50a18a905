using System.Net.WebSockets;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RxTrader.Binance.Rest;
using RxTrader.Core.Connectivity;
using RxTrader.Core.Orders;
using Websocket.Client;

namespace RxTrader.Binance.UserData;

/// <summary>
/// The Binance user data stream over a listenKey: <c>POST /api/v3/userDataStream</c> for the key, the socket
/// <c>/ws/&lt;listenKey&gt;</c>, a keep-alive <c>PUT</c> every <see cref="UserDataStreamOptions.KeepAliveInterval"/> on
/// the scheduler, and reconnection with backoff when the socket drops, the key expires (<c>listenKeyExpired</c>) or
/// the stream is terminated (<c>eventStreamTerminated</c>).
/// </summary>
/// <remarks>
/// <para><see cref="OrderUpdates"/>: one <see cref="OrderUpdate"/> per <c>executionReport</c>, with its
/// <see cref="Fill"/> when <c>x</c> is <c>TRADE</c>. <see cref="AccountUpdates"/>: one per
/// <c>outboundAccountPosition</c>. <see cref="Connection"/>: <see cref="Connected"/>, <see cref="Disconnected"/>
/// and <see cref="Reconnecting"/>, as data. All three are hot, never fail and complete on <see cref="Dispose"/>.
/// Events missed while disconnected are NOT replayed: the owner polls REST meanwhile (the execution venue does).</para>
/// <para>A message that cannot be read is counted in <see cref="MalformedMessages"/> and skipped; other event types
/// are ignored. Websocket.Client's own reconnection and wall-clock timers are off: every timer runs on the scheduler.</para>
/// </remarks>
public sealed class BinanceUserDataClient : IDisposable
{
    private readonly Lock _gate = new();
    private readonly BinanceRestClient _rest;
    private readonly string _apiKey;
    private readonly UserDataStreamOptions _options;
    private readonly IScheduler _scheduler;
    private readonly Random _jitter;
    private readonly Subject<OrderUpdate> _orders = new();
    private readonly Subject<AccountUpdate> _accounts = new();
    private readonly Subject<ConnectionEvent> _connection = new();
    private readonly Lock _emitGate = new();
    private UserDataConnection? _current;
    private IDisposable? _reconnectTimer;
    private int _generation;
    private int _attempt;
    private bool _started;
    private bool _disposed;
    private long _malformed;

    /// <summary>Creates a stream; nothing connects before <see cref="Start"/>.</summary>
    /// <param name="rest">The REST client the listenKey routes go through.</param>
    /// <param name="apiKey">The account's API key (USER_STREAM routes need no signature).</param>
    /// <param name="options">The settings.</param>
    /// <param name="scheduler">The clock of every timer (connect timeout, keep-alive, backoff).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The key is blank or an option is out of range.</exception>
    public BinanceUserDataClient(BinanceRestClient rest, string apiKey, UserDataStreamOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        options.Validate();
        _rest = rest;
        _apiKey = apiKey;
        _options = options;
        _scheduler = scheduler;
        _jitter = new Random(options.JitterSeed);
    }

    /// <summary>Order changes from <c>executionReport</c> events.</summary>
    public IObservable<OrderUpdate> OrderUpdates => _orders.AsObservable();

    /// <summary>Balance changes from <c>outboundAccountPosition</c> events.</summary>
    public IObservable<AccountUpdate> AccountUpdates => _accounts.AsObservable();

    /// <summary>The connection's state changes.</summary>
    public IObservable<ConnectionEvent> Connection => _connection.AsObservable();

    /// <summary>Whether the socket is open now.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _current is { Opened: true };
            }
        }
    }

    /// <summary>Messages skipped because they could not be read.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformed);

    /// <summary>Starts connecting (once; later calls do nothing).</summary>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                return;
            }

            _started = true;
            ConnectLocked();
        }
    }

    /// <summary>Closes the socket, stops every timer and completes the observables.</summary>
    public void Dispose()
    {
        UserDataConnection? current;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            current = _current;
            _current = null;
            _reconnectTimer?.Dispose();
        }

        if (current is not null)
        {
            Release(current);
        }

        lock (_emitGate)
        {
            _orders.OnCompleted();
            _accounts.OnCompleted();
            _connection.OnCompleted();
        }
    }

    private void ConnectLocked()
    {
        var connection = new UserDataConnection(++_generation);
        _current = connection;
        connection.Resources.Add(_scheduler.Schedule(_options.ConnectTimeout, () =>
            Drop(connection, DisconnectReason.ConnectTimeout, "no open socket within the connect timeout", onlyIfOpening: true)));
        _ = OpenAsync(connection);
    }

    private async Task OpenAsync(UserDataConnection connection)
    {
        var key = await _rest.SendWithApiKeyAsync(
            HttpMethod.Post, "api/v3/userDataStream", string.Empty, _apiKey, 2,
            static (body, _) => WireJson.String(WireJson.Object(body, "userDataStream")["listenKey"], "listenKey"),
            CancellationToken.None).ConfigureAwait(false);
        if (key is not RestResult<string>.Ok { Value: var listenKey })
        {
            Drop(connection, DisconnectReason.TransportError, "listenKey: " + key);
            return;
        }

        WebsocketClient client;
        lock (_gate)
        {
            if (!connection.IsCurrent)
            {
                return;
            }

            var url = new Uri(_options.StreamAddress, "ws/" + listenKey);
            client = _options.ClientFactory is { } factory ? new WebsocketClient(url, () => factory()) : new WebsocketClient(url);
            client.IsReconnectionEnabled = false;
            client.ReconnectTimeout = null;
            client.ErrorReconnectTimeout = null;
            client.ConnectTimeout = _options.ConnectTimeout * 2; // a backstop behind the scheduler's timeout
            client.Name = _options.Name;
            connection.Client = client;
            connection.ListenKey = listenKey;
            connection.Resources.Add(client.MessageReceived.Subscribe(message => OnMessage(connection, message)));
            connection.Resources.Add(client.DisconnectionHappened.Subscribe(info => Drop(
                connection,
                info.Type is DisconnectionType.ByUser or DisconnectionType.Exit ? DisconnectReason.ClientClosed : DisconnectReason.ServerClosed,
                info.Exception?.Message ?? info.CloseStatusDescription ?? info.Type.ToString())));
        }

        try
        {
            await client.StartOrFail().ConfigureAwait(false);
        }
        catch (Exception error) when (error is WebSocketException or IOException or OperationCanceledException
            or InvalidOperationException or Websocket.Client.Exceptions.WebsocketException or TimeoutException or ObjectDisposedException)
        {
            Drop(connection, DisconnectReason.TransportError, error.Message);
            return;
        }

        lock (_gate)
        {
            if (!connection.IsCurrent)
            {
                return;
            }

            connection.Opened = true;
            _attempt = 0;
            connection.Resources.Add(_scheduler.SchedulePeriodic(_options.KeepAliveInterval, () => _ = KeepAliveAsync(connection)));
            Emit(new Connected(_scheduler.Now, _options.Name));
        }
    }

    private async Task KeepAliveAsync(UserDataConnection connection)
    {
        if (!connection.IsCurrent || connection.ListenKey is not { } key)
        {
            return;
        }

        var result = await _rest.SendWithApiKeyAsync(
            HttpMethod.Put, "api/v3/userDataStream", "listenKey=" + Uri.EscapeDataString(key), _apiKey, 2,
            static (_, _) => true, CancellationToken.None).ConfigureAwait(false);
        if (result is RestResult<bool>.Rejected rejected)
        {
            // The key is gone (-1125): a new one is needed, which a reconnect obtains.
            Drop(connection, DisconnectReason.ServerClosed, $"listenKey keep-alive refused: {rejected.Code} {rejected.Message}");
        }
    }

    private void OnMessage(UserDataConnection connection, ResponseMessage message)
    {
        if (!connection.IsCurrent || message.Text is not { } text)
        {
            return;
        }

        JObject e;
        string type;
        try
        {
            e = WireJson.Object(WireJson.Parse(text), "event");
            type = WireJson.String(e["e"], "event.e");
        }
        catch (Exception error) when (error is JsonException or FormatException)
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        try
        {
            switch (type)
            {
                case "executionReport":
                    var update = UserEventMapper.ExecutionReport(e);
                    lock (_emitGate)
                    {
                        _orders.OnNext(update);
                    }

                    break;
                case "outboundAccountPosition":
                    var account = UserEventMapper.AccountPosition(e);
                    lock (_emitGate)
                    {
                        _accounts.OnNext(account);
                    }

                    break;
                case "listenKeyExpired":
                case "eventStreamTerminated":
                    Drop(connection, DisconnectReason.ServerClosed, type);
                    break;
                default:
                    break;
            }
        }
        catch (Exception error) when (error is JsonException or FormatException or OverflowException)
        {
            Interlocked.Increment(ref _malformed);
        }
    }

    private void Drop(UserDataConnection connection, DisconnectReason reason, string? detail, bool onlyIfOpening = false)
    {
        lock (_gate)
        {
            if (!connection.IsCurrent || _disposed || (onlyIfOpening && connection.Opened))
            {
                return;
            }

            connection.IsCurrent = false;
            _current = null;
            var now = _scheduler.Now;
            if (connection.Opened)
            {
                Emit(new Disconnected(now, _options.Name, reason, detail));
            }

            _attempt++;
            var delay = _options.Backoff.Delay(_attempt, _jitter);
            Emit(new Reconnecting(now, _options.Name, _attempt, delay));
            var generation = _generation;
            _reconnectTimer = _scheduler.Schedule(delay, () =>
            {
                lock (_gate)
                {
                    if (!_disposed && _generation == generation)
                    {
                        ConnectLocked();
                    }
                }
            });
        }

        Release(connection);
    }

    private void Emit(ConnectionEvent e)
    {
        lock (_emitGate)
        {
            _connection.OnNext(e);
        }
    }

    private static void Release(UserDataConnection connection)
    {
        connection.IsCurrent = false;
        connection.Resources.Dispose();
        if (connection.Client is { } client)
        {
            _ = CloseAsync(client);
        }
    }

    private static async Task CloseAsync(WebsocketClient client)
    {
        try
        {
            if (client.IsRunning)
            {
                await client.Stop(WebSocketCloseStatus.NormalClosure, "closing").ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Closing a broken socket: nothing left to do.
        }
        finally
        {
            client.Dispose();
        }
    }
}

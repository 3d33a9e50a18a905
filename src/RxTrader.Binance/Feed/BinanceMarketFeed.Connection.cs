using System.Net.WebSockets;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using RxTrader.Binance.Wire;
using RxTrader.Core.Connectivity;
using Websocket.Client;

namespace RxTrader.Binance.Feed;

/// <summary>The connection cycle: connect, open, drop, back off, reconnect, give up.</summary>
/// <remarks>
/// Websocket.Client's own reconnection and its wall-clock timeouts are switched off: one client per attempt,
/// and every timer (connect, silence, rotation, backoff) runs on the feed's scheduler, so delays are
/// deterministic and replayable. Callbacks carry their connection; a connection that is no longer current is
/// ignored, so a late event of an old socket cannot disturb the new one.
/// </remarks>
public sealed partial class BinanceMarketFeed
{
    private FeedConnection? _connection;
    private IDisposable? _reconnectTimer;
    private int _generation;
    private int _attempt;
    private bool _everConnected;
    private DateTimeOffset? _lastFrameTime;

    // The set when the last connection that carried data dropped: the streams a Gap is reported for.
    private readonly HashSet<StreamName> _streamsAtDrop = [];

    private void ConnectLocked()
    {
        _state = FeedState.Connecting;
        // The URL and the queued SUBSCRIBEs below carry exactly the current set; older requests are obsolete.
        _pendingControl.Clear();
        _awaitingReply.Clear(); // replies of the old connection are ignored
        var inUrl = Math.Min(_streams.Count, _options.MaxStreamsPerRequest);
        var url = CombinedStreamUrl.Build(_options.BaseUri, _streams.Take(inUrl));
        foreach (var chunk in _streams.Skip(inUrl).Chunk(_options.MaxStreamsPerRequest))
        {
            _pendingControl.Enqueue((ControlMethod.Subscribe, chunk));
        }

        var client = _options.ClientFactory is { } factory ? new WebsocketClient(url, factory) : new WebsocketClient(url);
        client.IsReconnectionEnabled = false;
        client.ReconnectTimeout = null;
        client.ErrorReconnectTimeout = null;
        client.IsTextMessageConversionEnabled = false;
        // The library's own (wall-clock) connect timeout is only a backstop behind the scheduler's.
        client.ConnectTimeout = _options.ConnectTimeout * 2;
        client.Name = _options.Name;

        var connection = new FeedConnection(client, ++_generation);
        _connection = connection;
        connection.Resources.Add(client.MessageReceived.Subscribe(message => OnMessage(connection, message)));
        connection.Resources.Add(client.DisconnectionHappened.Subscribe(info => OnTransportDown(connection, info)));
        connection.Resources.Add(_options.Scheduler.Schedule(_options.ConnectTimeout, () =>
            Drop(connection, DisconnectReason.ConnectTimeout, null, onlyIfOpening: true)));
        _ = OpenAsync(connection);
    }

    private async Task OpenAsync(FeedConnection connection)
    {
        try
        {
            await connection.Client.StartOrFail().ConfigureAwait(false);
        }
        catch (Exception error) when (error is WebSocketException or IOException or OperationCanceledException
            or InvalidOperationException or Websocket.Client.Exceptions.WebsocketException or TimeoutException)
        {
            Drop(connection, DisconnectReason.TransportError, error.Message);
            return;
        }

        OnOpened(connection);
    }

    private void OnOpened(FeedConnection connection)
    {
        lock (_gate)
        {
            if (!connection.IsCurrent || _state != FeedState.Connecting)
            {
                return;
            }

            _state = FeedState.Connected;
            _attempt = 0;
            connection.Opened = true;
            var now = _options.Scheduler.Now;
            connection.LastFrameTicks = now.UtcTicks;
            if (_everConnected)
            {
                Statistics.AddReconnect();
            }

            _everConnected = true;
            Emit(new Connected(now, _options.Name));
            connection.Resources.Add(connection.SilenceTimer);
            ScheduleSilenceCheck(connection, _options.SilenceTimeout);
            if (_options.RotationInterval is { } rotation)
            {
                connection.Resources.Add(_options.Scheduler.Schedule(rotation, () =>
                    Drop(connection, DisconnectReason.Rotation, null)));
            }

            PumpControlLocked();
        }
    }

    private void ScheduleSilenceCheck(FeedConnection connection, TimeSpan due) =>
        connection.SilenceTimer.Disposable = _options.Scheduler.Schedule(due, () =>
        {
            var now = _options.Scheduler.Now.UtcTicks;
            var left = _options.SilenceTimeout.Ticks - (now - connection.LastFrameTicks);
            lock (_gate)
            {
                // With no stream subscribed nothing is expected, so silence is normal.
                if (_streams.Count == 0)
                {
                    connection.LastFrameTicks = now;
                    left = _options.SilenceTimeout.Ticks;
                }

                if (left > 0)
                {
                    if (connection.IsCurrent)
                    {
                        ScheduleSilenceCheck(connection, TimeSpan.FromTicks(left));
                    }

                    return;
                }
            }

            Drop(connection, DisconnectReason.SilenceTimeout, null);
        });

    private void OnTransportDown(FeedConnection connection, DisconnectionInfo info)
    {
        var reason = info.Type switch
        {
            DisconnectionType.ByServer => DisconnectReason.ServerClosed,
            DisconnectionType.Lost => DisconnectReason.ServerClosed,
            DisconnectionType.NoMessageReceived => DisconnectReason.SilenceTimeout,
            DisconnectionType.ByUser or DisconnectionType.Exit => DisconnectReason.ClientClosed,
            _ => DisconnectReason.TransportError,
        };
        var detail = info.Exception?.Message ?? info.CloseStatusDescription ?? info.CloseStatus?.ToString();
        Drop(connection, reason, detail);
    }

    private void Drop(FeedConnection connection, DisconnectReason reason, string? detail, bool onlyIfOpening = false)
    {
        lock (_gate)
        {
            if (!connection.IsCurrent || _state is FeedState.Disposed || (onlyIfOpening && connection.Opened))
            {
                return;
            }

            connection.IsCurrent = false;
            _connection = null;
            var now = _options.Scheduler.Now;
            if (connection.Opened)
            {
                Emit(new Disconnected(now, _options.Name, reason, detail));
            }

            if (connection.SawData)
            {
                _streamsAtDrop.Clear();
                _streamsAtDrop.UnionWith(_streams);
            }

            ScheduleReconnectLocked(reason, now);
        }

        Release(connection, closeGracefully: reason is DisconnectReason.Rotation or DisconnectReason.SilenceTimeout
            or DisconnectReason.ServerShutdown);
    }

    private void ScheduleReconnectLocked(DisconnectReason reason, DateTimeOffset now)
    {
        _attempt++;
        if (_attempt > _options.MaxReconnectAttempts)
        {
            _state = FeedState.GaveUp;
            Emit(new FeedGaveUp(now, _options.Name, _attempt - 1));
            return;
        }

        // A planned close (rotation, shutdown notice) reconnects at once; failures back off.
        var planned = _attempt == 1 && reason is DisconnectReason.Rotation or DisconnectReason.ServerShutdown;
        var delay = planned ? TimeSpan.Zero : _options.Backoff.Delay(_attempt, _jitter);
        _state = FeedState.WaitingToReconnect;
        Emit(new Reconnecting(now, _options.Name, _attempt, delay));
        var generation = _generation;
        _reconnectTimer = _options.Scheduler.Schedule(delay, () =>
        {
            lock (_gate)
            {
                if (_state == FeedState.WaitingToReconnect && _generation == generation)
                {
                    ConnectLocked();
                }
            }
        });
    }

    private static void Release(FeedConnection connection, bool closeGracefully)
    {
        connection.IsCurrent = false;
        connection.Resources.Dispose();
        _ = CloseAsync(connection.Client, closeGracefully);
    }

    private static async Task CloseAsync(WebsocketClient client, bool closeGracefully)
    {
        if (closeGracefully && client.IsRunning)
        {
            await client.Stop(WebSocketCloseStatus.NormalClosure, "closing").ConfigureAwait(false);
        }

        client.Dispose();
    }
}

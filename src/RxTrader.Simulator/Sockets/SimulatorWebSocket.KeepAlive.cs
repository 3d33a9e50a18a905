using System.Buffers.Text;
using System.Reactive.Disposables;
using System.Net.WebSockets;

namespace RxTrader.Simulator.Sockets;

/// <summary>Keep-alive (binance-wire §1.2: ping every interval, close when no pong within the timeout) and the lifetime limit.</summary>
internal sealed partial class SimulatorWebSocket
{
    private IDisposable? _pingTimer;
    private IDisposable? _pongTimer;
    private IDisposable? _lifetimeTimer;
    private DateTimeOffset? _firstUnansweredPing;
    private long _pongGeneration;

    private void StartTimers()
    {
        lock (_gate)
        {
            if (_options.PingInterval > TimeSpan.Zero)
            {
                _pingTimer = _scheduler.Schedule(this, _options.PingInterval, static (_, self) => self.OnPingDue());
            }

            if (_options.MaxLifetime is { } lifetime)
            {
                _lifetimeTimer = _scheduler.Schedule(this, lifetime, static (_, self) => self.OnLifetimeExpired());
            }
        }
    }

    private IDisposable OnPingDue()
    {
        var wake = false;
        lock (_gate)
        {
            if (_finished || _closure is not null)
            {
                return Disposable.Empty;
            }

            // A stalled server sends nothing, pings included (the client's stale detection is what a stall tests).
            if (!_stalled)
            {
                _pingsSent++;
                Span<byte> payload = stackalloc byte[20];
                Utf8Formatter.TryFormat(_pingsSent, payload, out var written);
                EnqueueControlLocked(WebSocketOpcode.Ping, payload[..written], ref wake);
                if (_firstUnansweredPing is null)
                {
                    _firstUnansweredPing = _scheduler.Now;
                    var generation = ++_pongGeneration;
                    _pongTimer?.Dispose();
                    _pongTimer = _scheduler.Schedule((Socket: this, Generation: generation), _options.PongTimeout, static (_, state) => state.Socket.OnPongTimeout(state.Generation));
                }
            }

            _pingTimer = _scheduler.Schedule(this, _options.PingInterval, static (_, self) => self.OnPingDue());
        }

        if (wake)
        {
            _writerSignal.Set();
        }

        return Disposable.Empty;
    }

    private IDisposable OnPongTimeout(long generation)
    {
        lock (_gate)
        {
            if (generation != _pongGeneration || _firstUnansweredPing is null)
            {
                return Disposable.Empty;
            }
        }

        BeginClose(WebSocketCloseReason.PongTimeout, WebSocketCloseStatus.PolicyViolation, "No pong received");
        return Disposable.Empty;
    }

    /// <summary>Any pong is liveness (§1.2: clients may not echo the payload, and may send unsolicited pongs).</summary>
    private void OnPongReceived()
    {
        lock (_gate)
        {
            _pongsReceived++;
            _firstUnansweredPing = null;
            _pongGeneration++;
        }
    }

    private IDisposable OnLifetimeExpired()
    {
        lock (_gate)
        {
            if (_finished || _closure is not null)
            {
                return Disposable.Empty;
            }
        }

        try
        {
            LifetimeExpiring?.Invoke(this);
        }
#pragma warning disable CA1031 // The owner's hook must not keep an expired connection open.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        BeginClose(WebSocketCloseReason.LifetimeExpired, WebSocketCloseStatus.EndpointUnavailable, "Connection lifetime expired");
        return Disposable.Empty;
    }
}

using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Reactive.Disposables;
using System.Text;

namespace RxTrader.Simulator.Sockets;

/// <summary>Close handshake, abort and the end of the connection.</summary>
internal sealed partial class SimulatorWebSocket
{
    private IDisposable? _closeTimer;

    /// <summary>
    /// Starts a server close: queues a close frame with <paramref name="status"/> and <paramref name="description"/>
    /// (truncated to fit 123 bytes) after the frames already queued, refuses further sends, and drops the connection
    /// if the peer has not answered within the close timeout. Does nothing when a close already began. Thread-safe.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is null.</exception>
    public void Close(WebSocketCloseStatus status, string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        BeginClose(WebSocketCloseReason.ServerClosed, status, description);
    }

    /// <summary>
    /// <see cref="Close"/>, then waits for the connection to end (the peer's close frame, end of stream or the close
    /// timeout). Not from inside the message handler: the connection cannot end while the handler runs.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is null.</exception>
    public Task<WebSocketClosure> CloseAsync(WebSocketCloseStatus status, string description)
    {
        Close(status, description);
        return Completion;
    }

    /// <summary>Fault hook and hard stop: drops the TCP connection without a close frame. Thread-safe; idempotent.</summary>
    public void Abort()
    {
        lock (_gate)
        {
            _closure ??= new WebSocketClosure(WebSocketCloseReason.Aborted, null, "Aborted by the server");
        }

        AbortTransport();
    }

    private void BeginClose(WebSocketCloseReason reason, WebSocketCloseStatus status, string description)
    {
        var wake = false;
        lock (_gate)
        {
            if (_closure is not null || _aborted)
            {
                return;
            }

            _closure = new WebSocketClosure(reason, status, description);
            if (!_closeFrameQueued)
            {
                Span<byte> payload = stackalloc byte[125];
                BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
                var length = 2 + Utf8Prefix(description, payload[2..125]);
                QueueCloseFrameLocked(payload[..length], ref wake);
            }
        }

        if (wake)
        {
            _writerSignal.Set();
        }

        StartCloseTimer();
    }

    private void QueueCloseFrameLocked(ReadOnlySpan<byte> payload, ref bool wake)
    {
        EnqueueControlLocked(WebSocketOpcode.Close, payload, ref wake);
        _closeFrameQueued = true;
        _closeFrameSequence = _framesQueued;
    }

    private void StartCloseTimer()
    {
        lock (_gate)
        {
            if (_closeTimer is not null || _finished)
            {
                return;
            }

            _closeTimer = _scheduler.Schedule(this, _options.CloseTimeout, static (_, self) =>
            {
                self.OnCloseTimeout();
                return Disposable.Empty;
            });
        }
    }

    private void OnCloseTimeout()
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }
        }

        AbortTransport();
    }

    /// <summary>Drops the transport: the writer stops, pending reads and writes fail, queued bytes are released.</summary>
    private void AbortTransport()
    {
        bool wake;
        lock (_gate)
        {
            if (_aborted)
            {
                return;
            }

            _aborted = true;
            _outbound.Clear();
            wake = TakeWriterWaitingLocked();
        }

        if (wake)
        {
            _writerSignal.Set();
        }

        _context.Abort();
    }

    private void Finish()
    {
        WebSocketClosure closure;
        lock (_gate)
        {
            _finished = true;
            _outbound.Clear();
            closure = _closure ??= new WebSocketClosure(WebSocketCloseReason.ConnectionLost, null, "Connection ended");
            _pingTimer?.Dispose();
            _pongTimer?.Dispose();
            _lifetimeTimer?.Dispose();
            _closeTimer?.Dispose();
        }

        System.Buffers.ArrayPool<byte>.Shared.Return(_rx);
        System.Buffers.ArrayPool<byte>.Shared.Return(_message);
        _rx = [];
        _message = [];
        _completion.TrySetResult(closure);
    }

    /// <summary>Encodes the longest prefix of <paramref name="text"/> that fits, without splitting a character.</summary>
    private static int Utf8Prefix(string text, Span<byte> destination)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        encoder.Convert(text, destination, flush: true, out _, out var bytesUsed, out _);
        return bytesUsed;
    }
}

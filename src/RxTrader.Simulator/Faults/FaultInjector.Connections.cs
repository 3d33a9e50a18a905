using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Faults;

/// <summary>Connection faults: they act once on the connections open at the time of the call.</summary>
public sealed partial class FaultInjector
{
    private static readonly byte[] InvalidJsonPayload = "{\"e\":\"trade\",,\"E\":}"u8.ToArray();
    private static readonly byte[] TruncatedJsonPayload = "{\"e\":\"trade\",\"E\":1767614430000,\"s\":\"BTCUSDT\",\"t\":12345,\"p\":\"87000.1"u8.ToArray();
    private static readonly byte[] GarbagePayload = [0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x80, 0xBF, 0xF5, 0x7B, 0x22];

    // FIN + reserved opcode 0x3, unmasked, 2-byte payload "{}".
    private static readonly byte[] ProtocolViolationFrame = [0x83, 0x02, 0x7B, 0x7D];

    private readonly HashSet<SimulatorWebSocket> _stalled = [];
    private readonly HashSet<SimulatorWebSocket> _delayed = [];

    /// <summary>Drops connections: the TCP connection is aborted without a close frame (the client sees the
    /// connection reset / closed without a handshake).</summary>
    /// <param name="kind">Only connections of this kind; any kind when null.</param>
    /// <param name="count">At most this many connections, oldest first; all when null.</param>
    /// <returns>How many connections were dropped.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or zero.</exception>
    public int Drop(ConnectionKind? kind = null, int? count = null)
    {
        var selected = Select(kind, count);
        foreach (var socket in selected)
        {
            socket.Abort();
        }

        lock (_gate)
        {
            _faultsInjected++;
            _connectionsDropped += selected.Count;
        }

        return selected.Count;
    }

    /// <summary>Stalls connections that are not stalled yet: they stay open but nothing is written to them (no data,
    /// no pings, no pongs); frames keep queueing (up to the send queue bound, beyond which the connection is dropped
    /// as a slow consumer) and are written in order by <see cref="Unstall"/> or <see cref="Reset"/>.</summary>
    /// <param name="kind">Only connections of this kind; any kind when null.</param>
    /// <param name="count">At most this many connections, oldest first; all when null.</param>
    /// <returns>How many connections were stalled.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or zero.</exception>
    public int Stall(ConnectionKind? kind = null, int? count = null)
    {
        ValidateCount(count);
        var candidates = _sockets.Select(kind.ToSocketKind());
        List<SimulatorWebSocket> selected = [];
        lock (_gate)
        {
            foreach (var socket in candidates)
            {
                if ((count is null || selected.Count < count) && _stalled.Add(socket))
                {
                    selected.Add(socket);
                }
            }

            _faultsInjected++;
            _connectionsStalled += selected.Count;
        }

        foreach (var socket in selected)
        {
            socket.Stall(true);
        }

        return selected.Count;
    }

    /// <summary>Resumes connections stalled by <see cref="Stall"/>: their queued frames are written in order.</summary>
    /// <param name="kind">Only connections of this kind; any kind when null.</param>
    /// <param name="count">At most this many connections, oldest first; all when null.</param>
    /// <returns>How many connections were resumed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or zero.</exception>
    public int Unstall(ConnectionKind? kind = null, int? count = null)
    {
        ValidateCount(count);
        var candidates = _sockets.Select(kind.ToSocketKind());
        List<SimulatorWebSocket> selected = [];
        lock (_gate)
        {
            foreach (var socket in candidates)
            {
                if ((count is null || selected.Count < count) && _stalled.Remove(socket))
                {
                    selected.Add(socket);
                }
            }

            _faultsInjected++;
            PruneClosedLocked();
        }

        foreach (var socket in selected)
        {
            socket.Stall(false);
        }

        return selected.Count;
    }

    /// <summary>Queues one malformed frame on connections, in order with their other frames.</summary>
    /// <param name="frame">What to send.</param>
    /// <param name="kind">Only connections of this kind; any kind when null.</param>
    /// <param name="count">At most this many connections, oldest first; all when null.</param>
    /// <returns>How many connections the frame was queued on.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frame"/> is not a defined value, or
    /// <paramref name="count"/> is negative or zero.</exception>
    public int SendMalformedFrame(MalformedFrame frame, ConnectionKind? kind = null, int? count = null)
    {
        if (!Enum.IsDefined(frame))
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame, "Unknown malformed frame.");
        }

        var sent = 0;
        foreach (var socket in Select(kind, count))
        {
            var queued = frame switch
            {
                MalformedFrame.InvalidJson => socket.TrySendText(InvalidJsonPayload),
                MalformedFrame.TruncatedJson => socket.TrySendText(TruncatedJsonPayload),
                MalformedFrame.BinaryGarbage => socket.TrySendText(GarbagePayload),
                _ => socket.SendRaw(ProtocolViolationFrame),
            };
            sent += queued ? 1 : 0;
        }

        lock (_gate)
        {
            _faultsInjected++;
            _malformedFramesSent += sent;
        }

        return sent;
    }

    /// <summary>Delays every frame written to connections by <paramref name="delay"/> (measured on the server's
    /// scheduler; frames are then written one at a time, in order); <see cref="TimeSpan.Zero"/> removes the delay.</summary>
    /// <param name="delay">The delay per frame; zero to restore.</param>
    /// <param name="kind">Only connections of this kind; any kind when null.</param>
    /// <param name="count">At most this many connections, oldest first; all when null.</param>
    /// <returns>How many connections were changed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or longer than a minute,
    /// or <paramref name="count"/> is negative or zero.</exception>
    public int DelayFrames(TimeSpan delay, ConnectionKind? kind = null, int? count = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delay, TimeSpan.FromMinutes(1));
        var selected = Select(kind, count);
        foreach (var socket in selected)
        {
            socket.SetFrameDelay(delay);
        }

        lock (_gate)
        {
            foreach (var socket in selected)
            {
                _ = delay > TimeSpan.Zero ? _delayed.Add(socket) : _delayed.Remove(socket);
            }

            _faultsInjected++;
            _connectionsDelayed += delay > TimeSpan.Zero ? selected.Count : 0;
            PruneClosedLocked();
        }

        return selected.Count;
    }

    /// <summary>Announces a planned disconnect: each selected connection gets its <c>serverShutdown</c> event (where its
    /// kind has one) and is then closed with 1001 (going away), as Binance does before maintenance. The server keeps
    /// running and accepts new connections.</summary>
    /// <param name="kind">Only connections of this kind; any kind when null.</param>
    /// <param name="count">At most this many connections, oldest first; all when null.</param>
    /// <returns>How many connections were told.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or zero.</exception>
    public int ServerShutdown(ConnectionKind? kind = null, int? count = null)
    {
        ValidateCount(count);
        var told = _sockets.AnnounceShutdown(kind.ToSocketKind(), count);
        lock (_gate)
        {
            _faultsInjected++;
            _connectionsShutDown += told;
        }

        return told;
    }

    private static void ValidateCount(int? count)
    {
        if (count is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(count));
        }
    }

    private IReadOnlyList<SimulatorWebSocket> Select(ConnectionKind? kind, int? count)
    {
        ValidateCount(count);
        return _sockets.Select(kind.ToSocketKind(), count);
    }

    /// <summary>Forgets connections that have ended, so the state counts open ones only.</summary>
    private void PruneClosedLocked()
    {
        _stalled.RemoveWhere(static s => s.Completion.IsCompleted);
        _delayed.RemoveWhere(static s => s.Completion.IsCompleted);
    }
}

namespace RxTrader.Simulator.Sockets;

/// <summary>Every open WebSocket connection of one server, by kind: what fault injection acts on and what the server
/// closes when it stops.</summary>
/// <remarks>Thread-safe. Owners register a connection after accepting it and dispose the registration when its
/// <c>RunAsync</c> returns. The announcer is how the owner writes its own <c>serverShutdown</c> frame (raw or
/// combined form, or nothing for kinds that have none).</remarks>
internal sealed class SocketRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    /// <summary>Adds <paramref name="socket"/>; dispose the result when the connection has ended.</summary>
    /// <param name="socket">The accepted connection.</param>
    /// <param name="kind">What it serves.</param>
    /// <param name="announceShutdown">Queues the owner's <c>serverShutdown</c> frame on the socket; null when the kind has none.</param>
    public IDisposable Register(SimulatorWebSocket socket, SocketKind kind, Action<SimulatorWebSocket>? announceShutdown = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var entry = new Entry(this, socket, kind, announceShutdown);
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return entry;
    }

    /// <summary>How many connections are open, of <paramref name="kind"/> or of any kind when null.</summary>
    public int Count(SocketKind? kind = null)
    {
        lock (_gate)
        {
            var count = 0;
            foreach (var e in _entries)
            {
                count += kind is null || e.Kind == kind ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>The open connections of <paramref name="kind"/> (any kind when null), oldest first, at most
    /// <paramref name="limit"/> of them (all when null).</summary>
    public IReadOnlyList<SimulatorWebSocket> Select(SocketKind? kind = null, int? limit = null) =>
        SelectEntries(kind, limit).ConvertAll(static e => e.Socket);

    /// <summary>Queues each selected connection's <c>serverShutdown</c> frame (where its owner has one), then closes
    /// it with 1001 (going away), as Binance does before a planned disconnect.</summary>
    /// <returns>How many connections were told.</returns>
    public int AnnounceShutdown(SocketKind? kind = null, int? limit = null)
    {
        var selected = SelectEntries(kind, limit);
        foreach (var e in selected)
        {
            e.Announce?.Invoke(e.Socket);
            e.Socket.Close(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, "server shutdown");
        }

        return selected.Count;
    }

    private List<Entry> SelectEntries(SocketKind? kind, int? limit)
    {
        List<Entry> selected = [];
        lock (_gate)
        {
            foreach (var e in _entries)
            {
                if ((kind is null || e.Kind == kind) && (limit is null || selected.Count < limit))
                {
                    selected.Add(e);
                }
            }
        }

        return selected;
    }

    private void Remove(Entry entry)
    {
        lock (_gate)
        {
            _entries.Remove(entry);
        }
    }

    private sealed class Entry(SocketRegistry owner, SimulatorWebSocket socket, SocketKind kind, Action<SimulatorWebSocket>? announce) : IDisposable
    {
        private int _disposed;

        public SimulatorWebSocket Socket { get; } = socket;

        public SocketKind Kind { get; } = kind;

        public Action<SimulatorWebSocket>? Announce { get; } = announce;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}

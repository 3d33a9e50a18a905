using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>The open market-stream connections of one server, for the faults only a stream session can inject
/// (depth gaps, duplicates, reordering); transport faults go through <see cref="SocketRegistry"/>.</summary>
/// <remarks>Thread-safe. A session is added when its connection is accepted and removed when it ends.</remarks>
internal sealed class MarketStreamSessions
{
    private readonly Lock _gate = new();
    private readonly List<MarketStreamSession> _sessions = [];

    /// <summary>How many connections are open.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>The open sessions, oldest first, at most <paramref name="limit"/> of them (all when null).</summary>
    public IReadOnlyList<MarketStreamSession> Select(int? limit = null)
    {
        lock (_gate)
        {
            return limit is { } n ? [.. _sessions.Take(n)] : [.. _sessions];
        }
    }

    /// <summary>The session of <paramref name="socket"/>, or null when it is not an open market-stream connection.</summary>
    public MarketStreamSession? Find(SimulatorWebSocket socket)
    {
        lock (_gate)
        {
            return _sessions.Find(s => ReferenceEquals(s.Socket, socket));
        }
    }

    internal void Add(MarketStreamSession session)
    {
        lock (_gate)
        {
            _sessions.Add(session);
        }
    }

    internal void Remove(MarketStreamSession session)
    {
        lock (_gate)
        {
            _sessions.Remove(session);
        }
    }
}

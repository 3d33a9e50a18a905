using RxTrader.Simulator.MarketStreams;

namespace RxTrader.Simulator.Faults;

/// <summary>Depth-stream faults: they act on the <c>@depth</c> diff streams of the market-stream connections open
/// at the time of the call, so a client keeping a local book sees a gap, a duplicate or events out of order.</summary>
public sealed partial class FaultInjector
{
    /// <summary>Drops the next <paramref name="events"/> diff-depth events of each selected connection: its client
    /// then sees <c>U &gt; previous u + 1</c> (a gap) and must resynchronise from a snapshot.</summary>
    /// <param name="events">How many diff events each connection loses.</param>
    /// <param name="count">At most this many market-stream connections, oldest first; all when null.</param>
    /// <returns>How many connections were armed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> or <paramref name="count"/> is not positive.</exception>
    public int SkipDepthEvents(int events = 1, int? count = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        return OnStreamSessions(count, s => s.SkipNextDepthEvents(events));
    }

    /// <summary>Sends each of the next <paramref name="events"/> diff-depth events of each selected connection twice
    /// (the second copy has <c>u ≤</c> the book's id and must be ignored).</summary>
    /// <param name="events">How many diff events each connection receives twice.</param>
    /// <param name="count">At most this many market-stream connections, oldest first; all when null.</param>
    /// <returns>How many connections were armed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> or <paramref name="count"/> is not positive.</exception>
    public int DuplicateDepthEvents(int events = 1, int? count = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        return OnStreamSessions(count, s => s.DuplicateNextDepthEvents(events));
    }

    /// <summary>Swaps the next two diff-depth events of one stream of each selected connection (the first is held
    /// back until the second has been sent).</summary>
    /// <param name="count">At most this many market-stream connections, oldest first; all when null.</param>
    /// <returns>How many connections were armed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public int ReorderDepthEvents(int? count = null) => OnStreamSessions(count, static s => s.ReorderNextDepthEvents());

    private int OnStreamSessions(int? count, Action<MarketStreamSession> arm)
    {
        ValidateCount(count);
        var sessions = _streamSessions.Select(count);
        foreach (var session in sessions)
        {
            arm(session);
        }

        lock (_gate)
        {
            _faultsInjected++;
            _depthFaultsArmed += sessions.Count;
        }

        return sessions.Count;
    }
}

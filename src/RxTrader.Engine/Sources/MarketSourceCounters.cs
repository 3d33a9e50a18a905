namespace RxTrader.Engine.Sources;

/// <summary>A market-data source's counters at one instant (all since start).</summary>
/// <param name="State">The connection state in a word (<c>Connected</c>, <c>Reconnecting</c>, ...).</param>
/// <param name="Messages">Market messages received.</param>
/// <param name="Bytes">Bytes received.</param>
/// <param name="Dropped">Messages dropped by bounded hand-offs.</param>
/// <param name="Malformed">Malformed frames skipped.</param>
/// <param name="Reconnects">Reconnects.</param>
/// <param name="Gaps">Data losses (one per reconnect that lost data).</param>
/// <param name="LatencyP50">Exchange event → receive latency, median (to a factor of two).</param>
/// <param name="LatencyP99">Exchange event → receive latency, 99th percentile (to a factor of two).</param>
/// <param name="BookResyncs">Times a local order book restarted its synchronisation (gaps, crossed books, stale snapshots).</param>
public readonly record struct MarketSourceCounters(
    string State,
    long Messages,
    long Bytes,
    long Dropped,
    long Malformed,
    long Reconnects,
    long Gaps,
    TimeSpan LatencyP50,
    TimeSpan LatencyP99,
    long BookResyncs = 0);

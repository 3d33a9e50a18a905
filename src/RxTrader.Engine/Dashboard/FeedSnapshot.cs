namespace RxTrader.Engine.Dashboard;

/// <summary>The market-data connection on the dashboard.</summary>
/// <param name="State">Connection state in a word (<c>Connected</c>, <c>Reconnecting</c>, <c>Stale</c>, ...).</param>
/// <param name="MessagesPerSecond">Messages received per second over the last refresh period.</param>
/// <param name="Messages">Messages received since start.</param>
/// <param name="LatencyP50">Exchange event time → receive, median.</param>
/// <param name="LatencyP99">Exchange event time → receive, 99th percentile.</param>
/// <param name="Drops">Messages dropped by bounded hand-offs.</param>
/// <param name="Reconnects">Reconnects since start.</param>
/// <param name="Gaps">Data losses reported since start.</param>
/// <param name="Malformed">Malformed frames skipped since start.</param>
public sealed record FeedSnapshot(
    string State,
    double MessagesPerSecond,
    long Messages,
    TimeSpan LatencyP50,
    TimeSpan LatencyP99,
    long Drops,
    long Reconnects,
    long Gaps,
    long Malformed);

namespace RxTrader.Simulator.Faults;

/// <summary>What the fault injector has done since it was created or last reset.</summary>
/// <param name="FaultsInjected">Fault commands applied (every injector call except reads and <see cref="FaultInjector.Reset"/>).</param>
/// <param name="ConnectionsDropped">Connections aborted by <see cref="FaultInjector.Drop"/>.</param>
/// <param name="ConnectionsStalled">Connections stalled by <see cref="FaultInjector.Stall"/>.</param>
/// <param name="MalformedFramesSent">Frames queued by <see cref="FaultInjector.SendMalformedFrame"/>.</param>
/// <param name="ConnectionsDelayed">Connections given a positive frame delay by <see cref="FaultInjector.DelayFrames"/>.</param>
/// <param name="ConnectionsShutDown">Connections told <c>serverShutdown</c> and closed by <see cref="FaultInjector.ServerShutdown"/>.</param>
/// <param name="DepthFaultsArmed">Market-stream connections armed by <see cref="FaultInjector.SkipDepthEvents"/>,
/// <see cref="FaultInjector.DuplicateDepthEvents"/> or <see cref="FaultInjector.ReorderDepthEvents"/>.</param>
/// <param name="OrdersFailed">Order placements refused with a 5xx by <see cref="FaultInjector.FailNextOrders"/>.</param>
/// <param name="OrdersTimedOut">Orders placed whose answer was withheld by <see cref="FaultInjector.TimeOutNextOrders"/>.</param>
/// <param name="RequestsThrottled">Requests answered 429 by a <see cref="FaultInjector.StartRateLimitStorm"/>.</param>
/// <param name="RequestsBanned">Requests answered 418 during a rate-limit storm.</param>
/// <param name="OrdersDropped">Order placements whose connection was aborted by <see cref="FaultInjector.DropNextOrders"/>.</param>
public sealed record FaultCounters(
    long FaultsInjected,
    long ConnectionsDropped,
    long ConnectionsStalled,
    long MalformedFramesSent,
    long ConnectionsDelayed,
    long ConnectionsShutDown,
    long DepthFaultsArmed,
    long OrdersFailed,
    long OrdersTimedOut,
    long RequestsThrottled,
    long RequestsBanned,
    long OrdersDropped = 0);

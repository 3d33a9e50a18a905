namespace RxTrader.Simulator.Faults;

/// <summary>A consistent snapshot of the active faults and the counters (<see cref="FaultInjector.State"/>).</summary>
/// <param name="ClockSkew">The offset added to the server time clients see.</param>
/// <param name="PendingOrderFailures">How many of the next order placements will be refused.</param>
/// <param name="OrderFailure">How they will be refused.</param>
/// <param name="PendingOrderTimeouts">How many of the next accepted orders will get no timely answer.</param>
/// <param name="TimeoutAnswerAfter">When set, held answers become 503 <c>-1007</c> after this delay; when null
/// they are held until the client gives up (or the injector is reset).</param>
/// <param name="HeldResponses">Order responses being withheld right now.</param>
/// <param name="RateLimitStormActive">Whether a rate-limit storm is refusing requests.</param>
/// <param name="StormRemainingRequests">Requests the storm will still refuse, or null when it is bounded by time only.</param>
/// <param name="StormEndsAt">When the storm ends on the server clock, or null when it is bounded by a request count only.</param>
/// <param name="StalledConnections">Open connections stalled by the injector.</param>
/// <param name="DelayedConnections">Open connections with a frame delay set by the injector.</param>
/// <param name="OpenConnections">Open WebSocket connections of any kind.</param>
/// <param name="Counters">What the injector has done.</param>
/// <param name="PendingOrderDrops">How many of the next order placements will have their connection aborted
/// (<see cref="FaultInjector.DropNextOrders"/>).</param>
/// <param name="DropAfterPlacing">Whether those are aborted after the engine placed the order.</param>
public sealed record FaultState(
    TimeSpan ClockSkew,
    int PendingOrderFailures,
    OrderFailure OrderFailure,
    int PendingOrderTimeouts,
    TimeSpan? TimeoutAnswerAfter,
    int HeldResponses,
    bool RateLimitStormActive,
    int? StormRemainingRequests,
    DateTimeOffset? StormEndsAt,
    int StalledConnections,
    int DelayedConnections,
    int OpenConnections,
    FaultCounters Counters,
    int PendingOrderDrops = 0,
    bool DropAfterPlacing = false);

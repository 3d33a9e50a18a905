using RxTrader.Simulator.MarketStreams;
using System.Reactive.Concurrency;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Faults;

/// <summary>
/// Injects faults into a running <see cref="SimulatorServer"/> (<see cref="SimulatorServer.Faults"/>): connection
/// faults on open WebSockets, and REST faults (5xx order failures, unknown-outcome timeouts after accept, connections
/// dropped mid-submit, 429/418
/// storms, clock skew). Also driven over HTTP by <c>POST /sim/faults/&lt;name&gt;</c> and read by
/// <c>GET /sim/faults</c> (see the folder's README).
/// </summary>
/// <remarks>
/// <para>Thread-safe: every member may be called from any thread, concurrently with requests.</para>
/// <para>Connection faults (<see cref="Drop"/>, <see cref="Stall"/>, <see cref="Unstall"/>,
/// <see cref="SendMalformedFrame"/>, <see cref="DelayFrames"/>, <see cref="ServerShutdown"/>) act once on the
/// connections open at the time of the call, oldest first; connections opened later are not affected. Each returns
/// how many connections it acted on.</para>
/// <para>REST faults are armed and act on the requests that follow: <see cref="FailNextOrders"/> and
/// <see cref="TimeOutNextOrders"/> and <see cref="DropNextOrders"/> on the next valid, authenticated <c>POST /api/v3/order</c> requests,
/// <see cref="StartRateLimitStorm"/> on every REST request, <see cref="SetClockSkew"/> on <c>/api/v3/time</c>,
/// <c>serverTime</c> in <c>exchangeInfo</c> and the signed-request timestamp checks. The control routes themselves are
/// never affected.</para>
/// <para><see cref="Reset"/> clears every active fault and the counters.</para>
/// </remarks>
public sealed partial class FaultInjector
{
    private const long MaxSkewMs = 30L * 86_400_000;

    private readonly Lock _gate = new();
    private readonly SocketRegistry _sockets;
    private readonly MarketStreamSessions _streamSessions;
    private readonly IScheduler _scheduler;
    private readonly RateLimiter _limits;

    private long _faultsInjected;
    private long _connectionsDropped;
    private long _connectionsStalled;
    private long _malformedFramesSent;
    private long _connectionsDelayed;
    private long _connectionsShutDown;
    private long _depthFaultsArmed;
    private long _ordersFailed;
    private long _ordersTimedOut;
    private long _requestsThrottled;
    private long _requestsBanned;

    internal FaultInjector(SocketRegistry sockets, MarketStreamSessions streamSessions, IScheduler scheduler, RateLimiter limits)
    {
        _sockets = sockets;
        _streamSessions = streamSessions;
        _scheduler = scheduler;
        _limits = limits;
    }

    /// <summary>A consistent snapshot of the active faults and the counters.</summary>
    public FaultState State
    {
        get
        {
            var open = _sockets.Count();
            lock (_gate)
            {
                PruneClosedLocked();
                var nowMs = NowMs;
                var stormActive = StormActiveLocked(nowMs);
                return new FaultState(
                    TimeSpan.FromMilliseconds(_skewMs),
                    _pendingFailures,
                    _failure,
                    _pendingTimeouts,
                    _timeoutAnswerAfter,
                    _held.Count,
                    stormActive,
                    stormActive ? _stormRemaining : null,
                    stormActive && _stormUntilMs is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null,
                    _stalled.Count,
                    _delayed.Count,
                    open,
                    CountersLocked(),
                    _pendingDrops,
                    _dropAfterPlacing);
            }
        }
    }

    /// <summary>What the injector has done since it was created or last reset.</summary>
    public FaultCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return CountersLocked();
            }
        }
    }

    private long NowMs => _scheduler.Now.ToUnixTimeMilliseconds();

    /// <summary>
    /// Clears every fault: unstalls and removes the frame delay of the connections the injector touched, disarms
    /// pending order failures, timeouts and drops, answers every withheld order response now (503 <c>-1007</c>), ends a
    /// rate-limit storm and lifts the IP bans it caused, disarms depth faults not applied yet, sets the clock skew
    /// back to zero, and zeroes the counters.
    /// </summary>
    public void Reset()
    {
        List<SimulatorWebSocket> stalled;
        List<SimulatorWebSocket> delayed;
        List<TaskCompletionSource> held;
        List<string> banned;
        lock (_gate)
        {
            stalled = [.. _stalled];
            delayed = [.. _delayed];
            held = [.. _held];
            banned = [.. _bannedIps];
            _stalled.Clear();
            _delayed.Clear();
            _held.Clear();
            _bannedIps.Clear();
            _pendingFailures = 0;
            _failure = OrderFailure.Disconnected;
            _pendingTimeouts = 0;
            _timeoutAnswerAfter = null;
            _pendingDrops = 0;
            _dropAfterPlacing = false;
            _ordersDropped = 0;
            Volatile.Write(ref _orderFaultsArmed, false);
            EndStormLocked();
            Interlocked.Exchange(ref _skewMs, 0);
            _faultsInjected = _connectionsDropped = _connectionsStalled = _malformedFramesSent = _connectionsDelayed = 0;
            _connectionsShutDown = _depthFaultsArmed = _ordersFailed = _ordersTimedOut = _requestsThrottled = _requestsBanned = 0;
        }

        // Outside the gate: the sockets take their own locks, and a released response continues on the pool.
        foreach (var socket in stalled)
        {
            socket.Stall(false);
        }

        foreach (var socket in delayed)
        {
            socket.SetFrameDelay(TimeSpan.Zero);
        }

        foreach (var ip in banned)
        {
            _limits.LiftBan(ip);
        }

        foreach (var hold in held)
        {
            hold.TrySetResult();
        }

        foreach (var session in _streamSessions.Select())
        {
            session.DisarmDepthFaults();
        }
    }

    private FaultCounters CountersLocked() => new(
        _faultsInjected,
        _connectionsDropped,
        _connectionsStalled,
        _malformedFramesSent,
        _connectionsDelayed,
        _connectionsShutDown,
        _depthFaultsArmed,
        _ordersFailed,
        _ordersTimedOut,
        _requestsThrottled,
        _requestsBanned,
        _ordersDropped);
}

using System.Reactive.Disposables;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Faults;

/// <summary>REST faults: armed here, acted on by hooks in the REST pipeline and the order endpoint.</summary>
public sealed partial class FaultInjector
{
    private readonly HashSet<TaskCompletionSource> _held = [];
    private readonly Dictionary<string, long> _stormRetryAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bannedIps = new(StringComparer.Ordinal);

    private int _pendingFailures;
    private OrderFailure _failure;
    private int _pendingTimeouts;
    private TimeSpan? _timeoutAnswerAfter;
    private bool _orderFaultsArmed;
    private long _skewMs;

    private bool _stormActive;
    private int? _stormRemaining;
    private long? _stormUntilMs;
    private TimeSpan? _stormRetryAfter;

    /// <summary>The offset added to the server time clients see (see <see cref="SetClockSkew"/>).</summary>
    public TimeSpan ClockSkew => TimeSpan.FromMilliseconds(Interlocked.Read(ref _skewMs));

    /// <summary>The skew in milliseconds, read on every REST request.</summary>
    internal long ClockSkewMs => Interlocked.Read(ref _skewMs);

    /// <summary>
    /// Refuses the next <paramref name="count"/> order placements (<c>POST /api/v3/order</c> requests that pass
    /// parsing, authentication and the time checks) with a 5xx, WITHOUT placing them: the engine never sees them and
    /// no order count is charged. Replaces any earlier <see cref="FailNextOrders"/>; 0 disarms. Checked before
    /// <see cref="TimeOutNextOrders"/>.
    /// </summary>
    /// <param name="count">How many placements to refuse.</param>
    /// <param name="failure">The answer: 503 <c>-1001</c> (default), 500 <c>-1000</c> or 503 <c>-1008</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or
    /// <paramref name="failure"/> is not a defined value.</exception>
    public void FailNextOrders(int count = 1, OrderFailure failure = OrderFailure.Disconnected)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!Enum.IsDefined(failure))
        {
            throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown order failure.");
        }

        lock (_gate)
        {
            _pendingFailures = count;
            _failure = failure;
            _faultsInjected++;
            Volatile.Write(ref _orderFaultsArmed, OrderFaultsPendingLocked());
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> orders the engine ACCEPTS are placed normally (they rest, fill, show up on
    /// the streams and in <c>GET /api/v3/order</c>) but their answer is withheld — the outcome is unknown to the
    /// client. With <paramref name="answerAfter"/> null the response is held until the client gives up (closes the
    /// connection) or <see cref="Reset"/> is called; otherwise it becomes HTTP 503
    /// <c>{"code":-1007,"msg":"Timeout waiting for response from backend server. Send status unknown; execution status unknown."}</c>
    /// after that delay on the server's scheduler. Orders the engine rejects are answered normally and do not use up
    /// the count. Replaces any earlier <see cref="TimeOutNextOrders"/>; 0 disarms.
    /// </summary>
    /// <param name="count">How many accepted orders to withhold the answer of.</param>
    /// <param name="answerAfter">When to answer 503 <c>-1007</c>; null to hold until the client gives up.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or
    /// <paramref name="answerAfter"/> is negative or longer than 10 minutes.</exception>
    public void TimeOutNextOrders(int count = 1, TimeSpan? answerAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (answerAfter is { } after)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(after, TimeSpan.Zero, nameof(answerAfter));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(after, TimeSpan.FromMinutes(10), nameof(answerAfter));
        }

        lock (_gate)
        {
            _pendingTimeouts = count;
            _timeoutAnswerAfter = answerAfter;
            _faultsInjected++;
            Volatile.Write(ref _orderFaultsArmed, OrderFaultsPendingLocked());
        }
    }

    /// <summary>
    /// Starts a rate-limit storm: REST requests are refused regardless of the budget, for the next
    /// <paramref name="requests"/> requests and/or until <paramref name="duration"/> has passed on the server clock
    /// (whichever ends first). A request is answered HTTP 429 <c>-1003</c> with <c>Retry-After</c>; a client that
    /// sends again from the same IP before that time has passed is banned exactly like the rate limiter bans: HTTP 418
    /// <c>-1003</c> "IP banned until ..." for <see cref="SimulatorRateLimits.BanDuration"/>, a ban that outlives the
    /// storm (until it expires or <see cref="Reset"/>). Every request arriving during the storm uses up one of
    /// <paramref name="requests"/>, refused by the storm or already by the limiter. Replaces any earlier storm.
    /// </summary>
    /// <param name="requests">How many requests to refuse; null for a storm bounded by time only.</param>
    /// <param name="duration">How long the storm lasts; null for a storm bounded by a request count only.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> to announce (rounded up to whole seconds); by default the time
    /// left in the storm, or 1 s for a storm bounded by requests only.</param>
    /// <exception cref="ArgumentException">Neither <paramref name="requests"/> nor <paramref name="duration"/> is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is zero or negative.</exception>
    public void StartRateLimitStorm(int? requests = null, TimeSpan? duration = null, TimeSpan? retryAfter = null)
    {
        if (requests is null && duration is null)
        {
            throw new ArgumentException("A storm needs a request count, a duration or both.", nameof(requests));
        }

        if (requests is { } r)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(r, nameof(requests));
        }

        if (duration is { } d)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(d, TimeSpan.Zero, nameof(duration));
        }

        if (retryAfter is { } ra)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ra, TimeSpan.Zero, nameof(retryAfter));
        }

        var nowMs = NowMs;
        lock (_gate)
        {
            _stormRemaining = requests;
            _stormUntilMs = duration is { } length ? nowMs + (long)Math.Ceiling(length.TotalMilliseconds) : null;
            _stormRetryAfter = retryAfter;
            _stormRetryAt.Clear();
            _faultsInjected++;
            Volatile.Write(ref _stormActive, true);
        }
    }

    /// <summary>
    /// Sets the offset added to the server time clients see: <c>GET /api/v3/time</c>, <c>serverTime</c> in
    /// <c>exchangeInfo</c>, and the clock the signed-request <c>timestamp</c>/<c>recvWindow</c> checks use. A client that
    /// signs with its own clock gets <c>-1021</c> once the skew exceeds its <c>recvWindow</c> (skew &gt; 0) or 1 s
    /// (skew &lt; 0); a client that syncs with <c>/api/v3/time</c> passes. The engine, the rate-limit windows and the
    /// stream event times keep the true clock. Replaces the previous skew; zero removes it.
    /// </summary>
    /// <param name="offset">The skew, whole milliseconds (finer parts are truncated); at most 30 days either way.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is beyond 30 days either way.</exception>
    public void SetClockSkew(TimeSpan offset)
    {
        var ms = (long)offset.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ms, MaxSkewMs, nameof(offset));
        ArgumentOutOfRangeException.ThrowIfLessThan(ms, -MaxSkewMs, nameof(offset));
        lock (_gate)
        {
            Interlocked.Exchange(ref _skewMs, ms);
            _faultsInjected++;
        }
    }

    /// <summary>Pipeline hook, every REST request after the limiter's charge: turns <paramref name="verdict"/> into a
    /// 429 or 418 while a storm is active.</summary>
    internal RateLimitVerdict Throttle(string ip, long nowMs, RateLimitVerdict verdict, ref long retryAfterMs)
    {
        if (!Volatile.Read(ref _stormActive))
        {
            return verdict;
        }

        lock (_gate)
        {
            if (!StormActiveLocked(nowMs))
            {
                return verdict;
            }

            var result = StormVerdictLocked(ip, nowMs, verdict, ref retryAfterMs);
            if (_stormRemaining is { } remaining)
            {
                _stormRemaining = remaining - 1;
                if (remaining == 1)
                {
                    EndStormLocked();
                }
            }

            return result;
        }
    }

    private RateLimitVerdict StormVerdictLocked(string ip, long nowMs, RateLimitVerdict verdict, ref long retryAfterMs)
    {
        if (verdict == RateLimitVerdict.Banned)
        {
            _requestsBanned++;
            return verdict;
        }

        if (verdict != RateLimitVerdict.Allowed)
        {
            _requestsThrottled++;
            return verdict;
        }

        if (_stormRetryAt.TryGetValue(ip, out var retryAt) && nowMs < retryAt)
        {
            // Came back before Retry-After: the limiter's own ban (418, outlives the storm).
            retryAfterMs = _limits.Ban(ip, nowMs);
            _bannedIps.Add(ip);
            _requestsBanned++;
            return RateLimitVerdict.Banned;
        }

        var retry = _stormRetryAfter is { } fixedRetry ? (long)Math.Ceiling(fixedRetry.TotalMilliseconds)
            : _stormUntilMs is { } until ? Math.Max(1, until - nowMs)
            : 1000;
        _stormRetryAt[ip] = nowMs + retry;
        retryAfterMs = retry;
        _requestsThrottled++;
        return RateLimitVerdict.TooMuchWeight;
    }

    /// <summary>Order hook, before placement: the failure to answer instead of placing, or null.</summary>
    internal ExchangeError? TakeOrderFailure(out int status)
    {
        status = 0;
        if (!Volatile.Read(ref _orderFaultsArmed))
        {
            return null;
        }

        lock (_gate)
        {
            if (_pendingFailures == 0)
            {
                return null;
            }

            _pendingFailures--;
            _ordersFailed++;
            Volatile.Write(ref _orderFaultsArmed, OrderFaultsPendingLocked());
            (var error, status) = FaultErrors.Of(_failure);
            return error;
        }
    }

    /// <summary>Order hook, after the engine accepted the order: how to withhold its answer, or null.</summary>
    internal FaultHold? TakeOrderTimeout()
    {
        if (!Volatile.Read(ref _orderFaultsArmed))
        {
            return null;
        }

        lock (_gate)
        {
            if (_pendingTimeouts == 0)
            {
                return null;
            }

            _pendingTimeouts--;
            _ordersTimedOut++;
            Volatile.Write(ref _orderFaultsArmed, OrderFaultsPendingLocked());
            return new FaultHold(_timeoutAnswerAfter);
        }
    }

    /// <summary>Waits until a withheld answer is due: true to answer 503 <c>-1007</c> now (the delay passed or the
    /// injector was reset), false when the client gave up first.</summary>
    internal async Task<bool> HoldAsync(FaultHold hold, CancellationToken clientGone)
    {
        var due = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Scheduled before the hold is visible in the state, so whoever sees it can advance the clock past it.
        var timer = hold.AnswerAfter is { } after
            ? _scheduler.Schedule(due, after, static (_, tcs) =>
            {
                tcs.TrySetResult();
                return Disposable.Empty;
            })
            : Disposable.Empty;
        lock (_gate)
        {
            _held.Add(due);
        }
        try
        {
            await due.Task.WaitAsync(clientGone).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (clientGone.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            timer.Dispose();
            lock (_gate)
            {
                _held.Remove(due);
            }
        }
    }

    private bool StormActiveLocked(long nowMs)
    {
        if (!_stormActive)
        {
            return false;
        }

        if (_stormUntilMs is { } until && nowMs >= until)
        {
            EndStormLocked();
            return false;
        }

        return true;
    }

    private void EndStormLocked()
    {
        Volatile.Write(ref _stormActive, false);
        _stormRemaining = null;
        _stormUntilMs = null;
        _stormRetryAfter = null;
        _stormRetryAt.Clear();
    }
}

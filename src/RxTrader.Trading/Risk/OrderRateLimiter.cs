namespace RxTrader.Trading.Risk;

/// <summary>The order-rate state of a <see cref="RiskGate"/>: a token bucket for the per-second rate and one fixed
/// window counter per exchange limit. Not thread-safe: the gate calls it under its lock.</summary>
/// <remarks>Tokens are counted in integer units of 1/<see cref="TimeSpan.TicksPerSecond"/> token so that refill
/// is exact in virtual time: a rate of r per second adds r units per tick, an order costs one second's worth of
/// ticks, and the bucket holds r orders.</remarks>
internal sealed class OrderRateLimiter
{
    private readonly long _rate;
    private readonly long _capacity;
    private readonly ExchangeOrderLimit[] _limits;
    private readonly long[] _windows;
    private readonly int[] _counts;
    private long _units;
    private long _lastTicks;

    public OrderRateLimiter(int? ordersPerSecond, IReadOnlyList<ExchangeOrderLimit> limits, DateTimeOffset now)
    {
        _rate = ordersPerSecond ?? 0;
        _capacity = _rate * TimeSpan.TicksPerSecond;
        _units = _capacity;
        _lastTicks = now.UtcTicks;
        _limits = [.. limits];
        _windows = new long[_limits.Length];
        _counts = new int[_limits.Length];
        for (var i = 0; i < _limits.Length; i++)
        {
            _windows[i] = long.MinValue;
        }
    }

    /// <summary>Whether an order may pass now; when it may, it is counted.</summary>
    /// <param name="now">The scheduler's time.</param>
    /// <param name="message">Why not, when it may not.</param>
    /// <param name="reason">The rejection reason, when it may not.</param>
    /// <returns>True when the order passes (and was counted).</returns>
    public bool TryAcquire(DateTimeOffset now, out RiskRejectionReason reason, out string? message)
    {
        var ticks = now.UtcTicks;
        if (_rate != 0)
        {
            Refill(ticks);
            if (_units < TimeSpan.TicksPerSecond)
            {
                var wait = TimeSpan.FromTicks(((TimeSpan.TicksPerSecond - _units) + _rate - 1) / _rate);
                reason = RiskRejectionReason.OrderRate;
                message = $"The order rate of {_rate}/s is used up; the next order passes in {wait.TotalMilliseconds} ms.";
                return false;
            }
        }

        for (var i = 0; i < _limits.Length; i++)
        {
            var window = ticks / _limits[i].Interval.Ticks;
            if (window != _windows[i])
            {
                _windows[i] = window;
                _counts[i] = 0;
            }

            if (_counts[i] >= _limits[i].Limit)
            {
                reason = RiskRejectionReason.ExchangeOrderLimit;
                message = $"The exchange limit of {_limits[i].Limit} orders per {_limits[i].Interval} is used up in this window.";
                return false;
            }
        }

        // Only a passing order is counted, so a rejected one costs no token.
        if (_rate != 0)
        {
            _units -= TimeSpan.TicksPerSecond;
        }

        for (var i = 0; i < _limits.Length; i++)
        {
            _counts[i]++;
        }

        reason = default;
        message = null;
        return true;
    }

    private void Refill(long ticks)
    {
        var elapsed = ticks - _lastTicks;
        if (elapsed <= 0)
        {
            // A clock that steps back refills nothing and keeps the later reference.
            return;
        }

        _lastTicks = ticks;

        // A full second refills the whole bucket; capping first keeps elapsed × rate from overflowing.
        _units = elapsed >= TimeSpan.TicksPerSecond ? _capacity : Math.Min(_capacity, _units + (elapsed * _rate));
    }
}

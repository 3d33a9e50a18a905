using System.Collections.Concurrent;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Server;

/// <summary>
/// Binance's REST limiters over the server clock: REQUEST_WEIGHT (per IP, per minute) and RAW_REQUESTS (per IP,
/// per 5 minutes) on every request, ORDERS (per account, per 10 s and per UTC day) on new orders.
/// </summary>
/// <remarks>
/// Windows are aligned (whole minutes, 10-second marks, UTC days) as Binance documents. Weight counts for every
/// request, rejected or not. An IP that sends again after a 429 in the same window is banned for
/// <see cref="SimulatorRateLimits.BanDuration"/> (HTTP 418). Each IP and account has its own small lock, so a
/// flooding client never blocks the others.
/// </remarks>
internal sealed class RateLimiter(SimulatorRateLimits limits)
{
    private const long Minute = 60_000;
    private const long FiveMinutes = 5 * Minute;
    private const long TenSeconds = 10_000;
    private const long Day = 86_400_000;

    private readonly ConcurrentDictionary<string, IpBudget> _ips = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OrderBudget> _accounts = new(StringComparer.Ordinal);

    public SimulatorRateLimits Limits { get; } = limits;

    /// <summary>Charges a request of <paramref name="weight"/> to <paramref name="ip"/>.</summary>
    /// <param name="ip">The client address.</param>
    /// <param name="weight">The request's weight.</param>
    /// <param name="nowMs">The server clock.</param>
    /// <param name="usedWeight">The weight used in the current minute, this request included.</param>
    /// <param name="retryAfterMs">When refused: milliseconds until the client may retry.</param>
    public RateLimitVerdict Charge(string ip, int weight, long nowMs, out int usedWeight, out long retryAfterMs)
    {
        var budget = _ips.GetOrAdd(ip, static _ => new IpBudget());
        lock (budget)
        {
            var minute = nowMs - Mod(nowMs, Minute);
            if (budget.WeightWindow != minute)
            {
                budget.WeightWindow = minute;
                budget.Weight = 0;
            }

            var raw = nowMs - Mod(nowMs, FiveMinutes);
            if (budget.RawWindow != raw)
            {
                budget.RawWindow = raw;
                budget.Raw = 0;
            }

            budget.Weight += weight;
            budget.Raw++;
            usedWeight = budget.Weight;
            if (nowMs < budget.BannedUntil)
            {
                retryAfterMs = budget.BannedUntil - nowMs;
                return RateLimitVerdict.Banned;
            }

            var verdict = budget.Weight > Limits.RequestWeightPerMinute ? RateLimitVerdict.TooMuchWeight
                : budget.Raw > Limits.RawRequestsPer5Minutes ? RateLimitVerdict.TooManyRequests
                : RateLimitVerdict.Allowed;
            if (verdict == RateLimitVerdict.Allowed)
            {
                retryAfterMs = 0;
                return verdict;
            }

            var window = verdict == RateLimitVerdict.TooMuchWeight ? minute : raw;
            if (budget.WarnedWindow == window)
            {
                budget.BannedUntil = nowMs + (long)Limits.BanDuration.TotalMilliseconds;
                retryAfterMs = budget.BannedUntil - nowMs;
                return RateLimitVerdict.Banned;
            }

            budget.WarnedWindow = window;
            retryAfterMs = window + (verdict == RateLimitVerdict.TooMuchWeight ? Minute : FiveMinutes) - nowMs;
            return verdict;
        }
    }

    /// <summary>Bans <paramref name="ip"/> for <see cref="SimulatorRateLimits.BanDuration"/> from now, as if it had
    /// kept sending after a 429 (fault injection's storms escalate through this).</summary>
    /// <returns>Milliseconds until the ban ends.</returns>
    public long Ban(string ip, long nowMs)
    {
        var budget = _ips.GetOrAdd(ip, static _ => new IpBudget());
        lock (budget)
        {
            budget.BannedUntil = nowMs + (long)Limits.BanDuration.TotalMilliseconds;
            return budget.BannedUntil - nowMs;
        }
    }

    /// <summary>Lifts a ban of <paramref name="ip"/> (fault injection's reset).</summary>
    public void LiftBan(string ip)
    {
        if (_ips.TryGetValue(ip, out var budget))
        {
            lock (budget)
            {
                budget.BannedUntil = long.MinValue;
            }
        }
    }

    /// <summary>The weight <paramref name="ip"/> used in the current minute.</summary>
    public int UsedWeight(string ip, long nowMs)
    {
        if (!_ips.TryGetValue(ip, out var budget))
        {
            return 0;
        }

        lock (budget)
        {
            return budget.WeightWindow == nowMs - Mod(nowMs, Minute) ? budget.Weight : 0;
        }
    }

    /// <summary>Counts a new order of <paramref name="account"/>, or refuses it with <c>-1015</c>.</summary>
    public ExchangeError? TryCountOrder(string account, long nowMs, out long retryAfterMs)
    {
        var budget = _accounts.GetOrAdd(account, static _ => new OrderBudget());
        lock (budget)
        {
            Roll(budget, nowMs);
            if (budget.TenSecond >= Limits.OrdersPer10Seconds)
            {
                retryAfterMs = budget.TenSecondWindow + TenSeconds - nowMs;
                return new ExchangeError(-1015, $"Too many new orders; current limit is {Limits.OrdersPer10Seconds} orders per 10 SECOND.");
            }

            if (budget.Daily >= Limits.OrdersPerDay)
            {
                retryAfterMs = budget.DayWindow + Day - nowMs;
                return new ExchangeError(-1015, $"Too many new orders; current limit is {Limits.OrdersPerDay} orders per 1 DAY.");
            }

            budget.TenSecond++;
            budget.Daily++;
            retryAfterMs = 0;
            return null;
        }
    }

    /// <summary>Takes back an order counted by <see cref="TryCountOrder"/>: it was refused, or it traded (an
    /// order's first fill frees its unfilled-order count).</summary>
    public void UncountOrder(string account, long countedAtMs)
    {
        if (!_accounts.TryGetValue(account, out var budget))
        {
            return;
        }

        lock (budget)
        {
            if (budget.TenSecondWindow == countedAtMs - Mod(countedAtMs, TenSeconds) && budget.TenSecond > 0)
            {
                budget.TenSecond--;
            }

            if (budget.DayWindow == countedAtMs - Mod(countedAtMs, Day) && budget.Daily > 0)
            {
                budget.Daily--;
            }
        }
    }

    /// <summary>The unfilled order counts of <paramref name="account"/> in the current 10 s and day windows.</summary>
    public (int TenSeconds, int Day) OrderCounts(string account, long nowMs)
    {
        if (!_accounts.TryGetValue(account, out var budget))
        {
            return (0, 0);
        }

        lock (budget)
        {
            Roll(budget, nowMs);
            return (budget.TenSecond, budget.Daily);
        }
    }

    private static void Roll(OrderBudget budget, long nowMs)
    {
        var ten = nowMs - Mod(nowMs, TenSeconds);
        if (budget.TenSecondWindow != ten)
        {
            budget.TenSecondWindow = ten;
            budget.TenSecond = 0;
        }

        var day = nowMs - Mod(nowMs, Day);
        if (budget.DayWindow != day)
        {
            budget.DayWindow = day;
            budget.Daily = 0;
        }
    }

    // Non-negative remainder: the clock may be before 1970 in a test.
    private static long Mod(long value, long period) => ((value % period) + period) % period;

    private sealed class IpBudget
    {
        public long WeightWindow = long.MinValue;
        public int Weight;
        public long RawWindow = long.MinValue;
        public int Raw;
        public long WarnedWindow = long.MinValue;
        public long BannedUntil = long.MinValue;
    }

    private sealed class OrderBudget
    {
        public long TenSecondWindow = long.MinValue;
        public int TenSecond;
        public long DayWindow = long.MinValue;
        public int Daily;
    }
}

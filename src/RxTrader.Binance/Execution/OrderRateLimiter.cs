using System.Globalization;
using System.Net.Http.Headers;
using RxTrader.Binance.Rest;

namespace RxTrader.Binance.Execution;

/// <summary>
/// The client-side order limiter: the exchange's ORDERS limits (per 10 s and per day, from <c>exchangeInfo</c>, or
/// Binance's defaults 100 / 200 000 until read) times <see cref="BinanceVenueOptions.RateLimitShare"/>, fed by the
/// <c>X-MBX-ORDER-COUNT-10S</c> / <c>-1D</c> headers, plus the REQUEST_WEIGHT limit against the weight tracker.
/// </summary>
/// <remarks>Windows are aligned on the exchange clock (10 s, UTC day). The count in a window is the largest of what
/// the exchange last reported in it and what this venue sent in it, so orders in flight count before their answer.
/// Thread-safe (one lock).</remarks>
internal sealed class OrderRateLimiter(ServerClock clock, RequestWeightTracker weight, double share)
{
    private static readonly long TenSeconds = TimeSpan.FromSeconds(10).Ticks;
    private static readonly long Day = TimeSpan.FromDays(1).Ticks;

    private readonly Lock _gate = new();
    private int _limit10S = 100;
    private int _limitDay = 200_000;
    private int _weightLimit = 6000;
    private long _window10S;
    private long _windowDay;
    private int _count10S;
    private int _countDay;

    /// <summary>Takes the ORDERS and REQUEST_WEIGHT limits of <c>exchangeInfo</c>.</summary>
    public void Configure(IEnumerable<ExchangeRateLimit> limits)
    {
        lock (_gate)
        {
            foreach (var limit in limits)
            {
                switch (limit.Type)
                {
                    case "ORDERS" when limit.Interval == TimeSpan.FromSeconds(10):
                        _limit10S = limit.Limit;
                        break;
                    case "ORDERS" when limit.Interval == TimeSpan.FromDays(1):
                        _limitDay = limit.Limit;
                        break;
                    case "REQUEST_WEIGHT" when limit.Interval == TimeSpan.FromMinutes(1):
                        _weightLimit = limit.Limit;
                        break;
                    default:
                        break;
                }
            }
        }
    }

    /// <summary>Counts one order unless a limit would be passed; then returns why, and when to try again.</summary>
    public string? TryAdmit(int requestWeight, out DateTimeOffset retryAt)
    {
        var now = clock.Now;
        var offset = clock.Offset ?? TimeSpan.Zero;
        lock (_gate)
        {
            MoveToLocked(now.UtcTicks);
            if (_count10S + 1 > (int)(_limit10S * share))
            {
                retryAt = new DateTimeOffset(_window10S + TenSeconds, TimeSpan.Zero) - offset;
                return $"Not sent: {_count10S} orders in the current 10 s window, the venue allows itself {(int)(_limit10S * share)} of {_limit10S}.";
            }

            if (_countDay + 1 > (int)(_limitDay * share))
            {
                retryAt = new DateTimeOffset(_windowDay + Day, TimeSpan.Zero) - offset;
                return $"Not sent: {_countDay} orders today, the venue allows itself {(int)(_limitDay * share)} of {_limitDay}.";
            }

            var used = weight.CurrentMinuteWeight;
            if (used + requestWeight > (int)(_weightLimit * share))
            {
                var minute = now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute);
                retryAt = new DateTimeOffset(minute + TimeSpan.TicksPerMinute, TimeSpan.Zero) - offset;
                return $"Not sent: request weight {used} used this minute, the venue allows itself {(int)(_weightLimit * share)} of {_weightLimit}.";
            }

            _count10S++;
            _countDay++;
            retryAt = default;
            return null;
        }
    }

    /// <summary>Reads the order-count headers of an answer.</summary>
    public void Observe(HttpResponseHeaders headers)
    {
        var ten = Read(headers, "X-MBX-ORDER-COUNT-10S");
        var day = Read(headers, "X-MBX-ORDER-COUNT-1D");
        if (ten is null && day is null)
        {
            return;
        }

        var now = clock.Now.UtcTicks;
        lock (_gate)
        {
            MoveToLocked(now);
            _count10S = Math.Max(_count10S, ten ?? 0);
            _countDay = Math.Max(_countDay, day ?? 0);
        }
    }

    private static int? Read(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;

    private void MoveToLocked(long nowTicks)
    {
        var ten = nowTicks - (nowTicks % TenSeconds);
        if (ten > _window10S)
        {
            _window10S = ten;
            _count10S = 0;
        }

        var day = nowTicks - (nowTicks % Day);
        if (day > _windowDay)
        {
            _windowDay = day;
            _countDay = 0;
        }
    }
}

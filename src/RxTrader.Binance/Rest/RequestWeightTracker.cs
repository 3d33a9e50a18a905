using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Headers;

namespace RxTrader.Binance.Rest;

/// <summary>
/// The request weight used by this IP, as the exchange reports it in <c>X-MBX-USED-WEIGHT-&lt;n&gt;&lt;letter&gt;</c>
/// headers, plus the client's own estimate for the current one-minute window that the weight budget guard uses.
/// Readable from any thread (metrics, pollers that plan their weight).
/// </summary>
/// <remarks>
/// Binance windows are aligned: a one-minute window starts at each whole minute of exchange time. The estimate for
/// the current window is the largest of what the exchange last reported in that window and what this client has
/// sent in it (each request adds its documented weight when sent), so requests in flight count before their answer
/// arrives; it starts again from zero in a new window.
/// </remarks>
public sealed class RequestWeightTracker
{
    private const string HeaderPrefix = "X-MBX-USED-WEIGHT-";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly ServerClock _clock;
    private ImmutableDictionary<string, int> _reported = ImmutableDictionary.Create<string, int>(StringComparer.OrdinalIgnoreCase);
    private long _windowStart;
    private int _estimate;

    internal RequestWeightTracker(ServerClock clock) => _clock = clock;

    /// <summary>The last value of every <c>X-MBX-USED-WEIGHT-&lt;interval&gt;</c> header seen, keyed by the interval
    /// suffix (<c>"1M"</c>); an immutable snapshot.</summary>
    public IReadOnlyDictionary<string, int> Reported => Volatile.Read(ref _reported);

    /// <summary>The last reported weight of the one-minute window (<c>X-MBX-USED-WEIGHT-1M</c>), or null if none seen.</summary>
    public int? ReportedMinuteWeight => Reported.TryGetValue("1M", out var value) ? value : null;

    /// <summary>The weight this client counts as used in the current one-minute window of exchange time.</summary>
    public int CurrentMinuteWeight
    {
        get
        {
            var window = WindowOf(_clock.Now);
            lock (_gate)
            {
                return window == _windowStart ? _estimate : 0;
            }
        }
    }

    /// <summary>Adds a request's weight to the current window unless that would exceed <paramref name="budget"/>.</summary>
    /// <param name="weight">The request's documented weight.</param>
    /// <param name="budget">The allowed weight per window; null allows everything.</param>
    /// <param name="nextWindow">When refused: the start of the next window.</param>
    /// <returns>Whether the request may be sent.</returns>
    internal bool TryReserve(int weight, int? budget, out DateTimeOffset nextWindow)
    {
        var window = WindowOf(_clock.Now);
        nextWindow = new DateTimeOffset(window, TimeSpan.Zero) + Window - (_clock.Offset ?? TimeSpan.Zero);
        lock (_gate)
        {
            MoveTo(window);
            if (budget is { } limit && _estimate + weight > limit)
            {
                return false;
            }

            _estimate += weight;
            return true;
        }
    }

    /// <summary>Reads the used-weight headers of an answer.</summary>
    /// <param name="headers">The response headers.</param>
    internal void Observe(HttpResponseHeaders headers)
    {
        var window = WindowOf(_clock.Now);
        foreach (var (name, values) in headers)
        {
            if (!name.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase)
                || !int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var used))
            {
                continue;
            }

            var interval = name[HeaderPrefix.Length..].ToUpperInvariant();
            lock (_gate)
            {
                _reported = _reported.SetItem(interval, used);
                if (interval == "1M")
                {
                    MoveTo(window);
                    _estimate = Math.Max(_estimate, used);
                }
            }
        }
    }

    private static long WindowOf(DateTimeOffset time) => time.UtcTicks - (time.UtcTicks % Window.Ticks);

    private void MoveTo(long window)
    {
        if (window > _windowStart)
        {
            _windowStart = window;
            _estimate = 0;
        }
    }
}

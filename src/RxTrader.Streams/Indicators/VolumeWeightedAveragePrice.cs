namespace RxTrader.Streams.Indicators;

/// <summary>The volume-weighted average price of the typical price <c>(high + low + close) / 3</c>, anchored.</summary>
/// <remarks>
/// <para>
/// Cumulative from the first bar (or the last reset): <c>Σ(typical × volume) / Σ volume</c>, as technicalindicators.
/// Warm-up: one bar (<see cref="WarmUpPeriod"/>); the indicator is ready once the cumulative volume is positive,
/// so leading zero-volume bars leave it not ready.
/// </para>
/// <para>
/// Sessions: when constructed with a session length, the time-stamped <see cref="Update(DateTimeOffset, double, double, double, double)"/>
/// starts a new accumulation whenever a bar's open time falls into a different session than the previous bar's.
/// Sessions are counted from the Unix epoch, so a length of one day resets at every UTC midnight.
/// </para>
/// </remarks>
public sealed class VolumeWeightedAveragePrice : IIndicator<double>
{
    private readonly long _sessionTicks;
    private long _session = long.MinValue;
    private double _priceVolume;
    private double _volume;

    /// <summary>Creates the calculator.</summary>
    /// <param name="sessionLength">The session length, or null for one accumulation from the first bar on.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sessionLength"/> is not positive.</exception>
    public VolumeWeightedAveragePrice(TimeSpan? sessionLength = null)
    {
        Validate(sessionLength);
        _sessionTicks = sessionLength?.Ticks ?? 0;
    }

    /// <inheritdoc/>
    public double Current { get; private set; }

    /// <inheritdoc/>
    public bool IsReady => _volume > 0;

    /// <inheritdoc/>
    public int WarmUpPeriod => 1;

    /// <summary>Adds the next bar to the current accumulation (no session check).</summary>
    /// <param name="high">The bar's high; finite and non-negative.</param>
    /// <param name="low">The bar's low; finite and non-negative.</param>
    /// <param name="close">The bar's close; finite and non-negative.</param>
    /// <param name="volume">The bar's volume; finite and non-negative.</param>
    /// <returns>Whether the indicator is ready after this bar.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is NaN, infinite or negative; the state is unchanged.</exception>
    public bool Update(double high, double low, double close, double volume)
    {
        IndicatorGuard.Input(high, nameof(high));
        IndicatorGuard.Input(low, nameof(low));
        IndicatorGuard.Input(close, nameof(close));
        IndicatorGuard.Input(volume, nameof(volume));
        _priceVolume += volume * ((high + low + close) / 3);
        _volume += volume;
        if (_volume > 0)
        {
            Current = _priceVolume / _volume;
        }

        return _volume > 0;
    }

    /// <summary>Adds the next bar, first starting a new accumulation if the bar opens a new session.</summary>
    /// <param name="openTime">The bar's open time, which decides its session.</param>
    /// <param name="high">The bar's high; finite and non-negative.</param>
    /// <param name="low">The bar's low; finite and non-negative.</param>
    /// <param name="close">The bar's close; finite and non-negative.</param>
    /// <param name="volume">The bar's volume; finite and non-negative.</param>
    /// <returns>Whether the indicator is ready after this bar.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is NaN, infinite or negative; the state is unchanged.</exception>
    public bool Update(DateTimeOffset openTime, double high, double low, double close, double volume)
    {
        if (_sessionTicks == 0)
        {
            return Update(high, low, close, volume);
        }

        var session = Math.DivRem(openTime.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, _sessionTicks, out var rest);
        session -= rest < 0 ? 1 : 0; // floor, for times before the epoch
        if (session != _session)
        {
            // Validate before resetting, so a bad bar leaves the state unchanged.
            IndicatorGuard.Input(high, nameof(high));
            IndicatorGuard.Input(low, nameof(low));
            IndicatorGuard.Input(close, nameof(close));
            IndicatorGuard.Input(volume, nameof(volume));
            Reset();
            _session = session;
        }

        return Update(high, low, close, volume);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _session = long.MinValue;
        _priceVolume = 0;
        _volume = 0;
        Current = 0;
    }

    /// <summary>The constructor's check, shared with the operator so it can fail at call time.</summary>
    internal static void Validate(TimeSpan? sessionLength)
    {
        if (sessionLength is { } length && length <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(sessionLength), length, "The session length must be positive.");
        }
    }
}

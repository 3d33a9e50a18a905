namespace RxTrader.Streams.Indicators;

/// <summary>Appel's MACD over exponential moving averages (customarily 12/26/9).</summary>
/// <remarks>
/// Both oscillator averages and the signal are <see cref="ExponentialMovingAverage"/>s, each seeded with the simple
/// average of its first inputs (technicalindicators with <c>SimpleMAOscillator: false, SimpleMASignal: false</c>).
/// Warm-up: the MACD line exists from price number <c>slow</c>; the signal averages the first <c>signal</c> MACD
/// values, so the first complete value comes after <c>slow + signal - 1</c> prices (<see cref="WarmUpPeriod"/>; 34
/// for 12/26/9). The MACD line is not exposed before that.
/// </remarks>
public sealed class MovingAverageConvergenceDivergence : IPriceIndicator<MacdValue>
{
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly ExponentialMovingAverage _signal;

    /// <summary>Creates the calculator.</summary>
    /// <param name="fastPeriod">The fast EMA period; positive and less than <paramref name="slowPeriod"/>.</param>
    /// <param name="slowPeriod">The slow EMA period.</param>
    /// <param name="signalPeriod">The signal EMA period; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period is not positive, or <paramref name="fastPeriod"/> is not less than <paramref name="slowPeriod"/>.</exception>
    public MovingAverageConvergenceDivergence(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        Validate(fastPeriod, slowPeriod, signalPeriod);
        _fast = new ExponentialMovingAverage(fastPeriod);
        _slow = new ExponentialMovingAverage(slowPeriod);
        _signal = new ExponentialMovingAverage(signalPeriod);
    }

    /// <inheritdoc/>
    public MacdValue Current { get; private set; }

    /// <inheritdoc/>
    public bool IsReady => _signal.IsReady;

    /// <inheritdoc/>
    public int WarmUpPeriod => _slow.WarmUpPeriod + _signal.WarmUpPeriod - 1;

    /// <inheritdoc/>
    public bool Update(double value)
    {
        IndicatorGuard.Input(value, nameof(value));
        _fast.UpdateUnchecked(value);
        if (!_slow.UpdateUnchecked(value))
        {
            return false; // the slow average is the last to warm up because fast < slow
        }

        var macd = _fast.Current - _slow.Current;
        if (!_signal.UpdateUnchecked(macd))
        {
            return false;
        }

        Current = new MacdValue(macd, _signal.Current, macd - _signal.Current);
        return true;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        Current = default;
    }

    /// <summary>The constructor's checks, shared with the operator so it can fail at call time.</summary>
    internal static void Validate(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        IndicatorGuard.Period(fastPeriod, nameof(fastPeriod));
        IndicatorGuard.Period(slowPeriod, nameof(slowPeriod));
        IndicatorGuard.Period(signalPeriod, nameof(signalPeriod));
        if (fastPeriod >= slowPeriod)
        {
            throw new ArgumentOutOfRangeException(
                nameof(fastPeriod), fastPeriod, $"The fast period must be less than the slow period ({slowPeriod}).");
        }
    }
}

namespace RxTrader.Streams.Indicators;

/// <summary>The exponential moving average with smoothing factor <c>2 / (period + 1)</c>.</summary>
/// <remarks>
/// Warm-up: seeded with the simple average of the first <c>period</c> prices, which is the first value
/// (<see cref="WarmUpPeriod"/> = period); then <c>ema += (price - ema) * 2 / (period + 1)</c>. This is the
/// convention of technicalindicators and TA-Lib.
/// </remarks>
public sealed class ExponentialMovingAverage : IPriceIndicator<double>
{
    private readonly int _period;
    private readonly double _alpha;
    private int _count;
    private double _seedSum;

    /// <summary>Creates the calculator.</summary>
    /// <param name="period">The period; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public ExponentialMovingAverage(int period)
    {
        IndicatorGuard.Period(period, nameof(period));
        _period = period;
        _alpha = 2.0 / (period + 1);
    }

    /// <inheritdoc/>
    public double Current { get; private set; }

    /// <inheritdoc/>
    public bool IsReady => _count == _period;

    /// <inheritdoc/>
    public int WarmUpPeriod => _period;

    /// <inheritdoc/>
    public bool Update(double value)
    {
        IndicatorGuard.Input(value, nameof(value));
        return UpdateUnchecked(value);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _count = 0;
        _seedSum = 0;
        Current = 0;
    }

    /// <summary>Adds a value of any sign (MACD smooths its line, which is negative half the time).</summary>
    internal bool UpdateUnchecked(double value)
    {
        if (_count == _period)
        {
            Current = ((value - Current) * _alpha) + Current;
            return true;
        }

        _seedSum += value;
        if (++_count < _period)
        {
            return false;
        }

        Current = _seedSum / _period;
        return true;
    }
}

namespace RxTrader.Streams.Indicators;

/// <summary>Wilder's average true range.</summary>
/// <remarks>
/// The true range of a bar is <c>max(high - low, |high - previous close|, |low - previous close|)</c>; the first bar
/// has no previous close and so no true range (it only provides that close). Warm-up: <c>period + 1</c> bars
/// (<see cref="WarmUpPeriod"/>): the first value is the simple mean of the first <c>period</c> true ranges, then
/// Wilder smoothing <c>atr += (tr - atr) / period</c>. These are the conventions of technicalindicators and TA-Lib.
/// </remarks>
public sealed class AverageTrueRange : IIndicator<double>
{
    private readonly int _period;
    private readonly double _smoothing;
    private int _count;
    private double _previousClose;
    private double _sum;

    /// <summary>Creates the calculator.</summary>
    /// <param name="period">The number of true ranges averaged; positive (14 is customary).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public AverageTrueRange(int period)
    {
        IndicatorGuard.Period(period, nameof(period));
        _period = period;
        _smoothing = 1.0 / period;
    }

    /// <inheritdoc/>
    public double Current { get; private set; }

    /// <inheritdoc/>
    public bool IsReady => _count > _period;

    /// <inheritdoc/>
    public int WarmUpPeriod => _period + 1;

    /// <summary>Adds the next bar.</summary>
    /// <param name="high">The bar's high; finite, non-negative, not below <paramref name="low"/>.</param>
    /// <param name="low">The bar's low; finite, non-negative.</param>
    /// <param name="close">The bar's close; finite, non-negative.</param>
    /// <returns>Whether the indicator is ready after this bar.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is NaN, infinite or negative, or high is below low; the state is unchanged.</exception>
    public bool Update(double high, double low, double close)
    {
        IndicatorGuard.Input(high, nameof(high));
        IndicatorGuard.Input(low, nameof(low));
        IndicatorGuard.Input(close, nameof(close));
        if (high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The high must not be below the low ({low}).");
        }

        var previous = _previousClose;
        _previousClose = close;
        if (_count++ == 0)
        {
            return false;
        }

        var trueRange = Math.Max(high - low, Math.Max(Math.Abs(high - previous), Math.Abs(low - previous)));
        if (_count > _period + 1)
        {
            _count = _period + 1; // saturate: the count only matters during the warm-up
            Current = ((trueRange - Current) * _smoothing) + Current;
            return true;
        }

        _sum += trueRange;
        if (_count <= _period)
        {
            return false;
        }

        Current = _sum / _period;
        return true;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _count = 0;
        _previousClose = 0;
        _sum = 0;
        Current = 0;
    }
}

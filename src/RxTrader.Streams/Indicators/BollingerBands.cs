namespace RxTrader.Streams.Indicators;

/// <summary>Bollinger Bands: a simple moving average ± a multiple of the standard deviation (customarily 20, 2).</summary>
/// <remarks>
/// The standard deviation is the POPULATION one (divides by <c>period</c>, not <c>period - 1</c>), as in Bollinger's
/// definition, technicalindicators and TA-Lib. It is computed in two passes over the window (mean first, then the
/// squared deviations) rather than from a running sum of squares, which loses precision at high price levels; the
/// mean is a running sum, O(1) per update, and the deviations cost O(period).
/// Warm-up: the first value covers the first <c>period</c> prices (<see cref="WarmUpPeriod"/> = period).
/// </remarks>
public sealed class BollingerBands : IPriceIndicator<BollingerValue>
{
    private readonly double[] _window;
    private readonly double _multiplier;
    private int _next;
    private int _count;
    private double _sum;

    /// <summary>Creates the calculator.</summary>
    /// <param name="period">The window length; positive.</param>
    /// <param name="multiplier">The number of standard deviations to the bands; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> or <paramref name="multiplier"/> is out of range.</exception>
    public BollingerBands(int period = 20, double multiplier = 2)
    {
        Validate(period, multiplier);
        _window = new double[period];
        _multiplier = multiplier;
    }

    /// <inheritdoc/>
    public BollingerValue Current { get; private set; }

    /// <inheritdoc/>
    public bool IsReady => _count == _window.Length;

    /// <inheritdoc/>
    public int WarmUpPeriod => _window.Length;

    /// <inheritdoc/>
    public bool Update(double value)
    {
        IndicatorGuard.Input(value, nameof(value));
        _sum = _sum - _window[_next] + value;
        _window[_next] = value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
        if (_count < _window.Length && ++_count < _window.Length)
        {
            return false;
        }

        var mean = _sum / _window.Length;
        var squares = SumOfSquares(_window, mean);

        var width = Math.Sqrt(squares / _window.Length) * _multiplier;
        Current = new BollingerValue(mean, mean + width, mean - width);
        return true;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_window);
        _next = 0;
        _count = 0;
        _sum = 0;
        Current = default;
    }

    // Four independent sums break the add-latency chain (about twice as fast at period 20). The order differs from a
    // sequential sum only by rounding, a few units in the last place.
    private static double SumOfSquares(double[] window, double mean)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 3 < window.Length; i += 4)
        {
            double d0 = window[i] - mean, d1 = window[i + 1] - mean, d2 = window[i + 2] - mean, d3 = window[i + 3] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }

        for (; i < window.Length; i++)
        {
            var d = window[i] - mean;
            s0 += d * d;
        }

        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>The constructor's checks, shared with the operator so it can fail at call time.</summary>
    internal static void Validate(int period, double multiplier)
    {
        IndicatorGuard.Period(period, nameof(period));
        if (!(multiplier > 0 && multiplier < double.PositiveInfinity))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive and finite.");
        }
    }
}

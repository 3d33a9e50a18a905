namespace RxTrader.Streams.Indicators;

/// <summary>The simple moving average: the mean of the last <c>period</c> prices.</summary>
/// <remarks>
/// Warm-up: the first value is the mean of the first <c>period</c> prices (<see cref="WarmUpPeriod"/> = period).
/// A running sum (subtract the oldest, add the newest) keeps each update O(1), as technicalindicators does.
/// </remarks>
public sealed class SimpleMovingAverage : IPriceIndicator<double>
{
    private readonly double[] _window;
    private int _next;
    private int _count;
    private double _sum;

    /// <summary>Creates the calculator.</summary>
    /// <param name="period">The number of prices averaged; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public SimpleMovingAverage(int period)
    {
        IndicatorGuard.Period(period, nameof(period));
        _window = new double[period];
    }

    /// <inheritdoc/>
    public double Current { get; private set; }

    /// <inheritdoc/>
    public bool IsReady => _count == _window.Length;

    /// <inheritdoc/>
    public int WarmUpPeriod => _window.Length;

    /// <inheritdoc/>
    public bool Update(double value)
    {
        IndicatorGuard.Input(value, nameof(value));
        // Empty slots hold 0, so the warm-up uses the same arithmetic as the steady state.
        _sum = _sum - _window[_next] + value;
        _window[_next] = value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
        if (_count < _window.Length && ++_count < _window.Length)
        {
            return false;
        }

        Current = _sum / _window.Length;
        return true;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_window);
        _next = 0;
        _count = 0;
        _sum = 0;
        Current = 0;
    }
}

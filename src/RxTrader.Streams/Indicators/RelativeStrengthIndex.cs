namespace RxTrader.Streams.Indicators;

/// <summary>Wilder's relative strength index, 0 to 100.</summary>
/// <remarks>
/// <para>
/// Warm-up: <c>period + 1</c> prices (<see cref="WarmUpPeriod"/>), i.e. <c>period</c> price changes. The first
/// average gain and loss are the simple means of those changes; after that Wilder smoothing:
/// <c>avg = (avg * (period - 1) + change) / period</c>. Value: 100 when the average loss is 0 (even when the
/// average gain is 0 too), else 0 when the average gain is 0, else <c>100 - 100 / (1 + avgGain / avgLoss)</c>.
/// These are the conventions of technicalindicators (its <c>AverageGain</c>/<c>AverageLoss</c>) and TA-Lib.
/// </para>
/// <para>Unlike technicalindicators' <c>RSI</c>, which rounds to 2 decimals, the value is not rounded.</para>
/// </remarks>
public sealed class RelativeStrengthIndex : IPriceIndicator<double>
{
    private readonly int _period;
    private int _count;
    private double _previous;
    private double _averageGain;
    private double _averageLoss;

    /// <summary>Creates the calculator.</summary>
    /// <param name="period">The number of price changes averaged; positive (14 is customary).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public RelativeStrengthIndex(int period)
    {
        IndicatorGuard.Period(period, nameof(period));
        _period = period;
    }

    /// <inheritdoc/>
    public double Current { get; private set; }

    /// <inheritdoc/>
    public bool IsReady => _count > _period;

    /// <inheritdoc/>
    public int WarmUpPeriod => _period + 1;

    /// <inheritdoc/>
    public bool Update(double value)
    {
        IndicatorGuard.Input(value, nameof(value));
        var change = value - _previous;
        _previous = value;
        var gain = change > 0 ? change : 0;
        var loss = change < 0 ? -change : 0;
        if (_count > _period)
        {
            _averageGain = ((_averageGain * (_period - 1)) + gain) / _period;
            _averageLoss = ((_averageLoss * (_period - 1)) + loss) / _period;
        }
        else if (_count++ == 0)
        {
            return false; // the first price has no change
        }
        else
        {
            // Sums while warming up; the division below turns them into the seed averages.
            _averageGain += gain;
            _averageLoss += loss;
            if (_count <= _period)
            {
                return false;
            }

            _averageGain /= _period;
            _averageLoss /= _period;
        }

        Current = _averageLoss == 0 ? 100 : _averageGain == 0 ? 0 : 100 - (100 / (1 + (_averageGain / _averageLoss)));
        return true;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _count = 0;
        _previous = 0;
        _averageGain = 0;
        _averageLoss = 0;
        Current = 0;
    }
}

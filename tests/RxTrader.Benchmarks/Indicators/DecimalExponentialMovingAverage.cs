namespace RxTrader.Benchmarks.Indicators;

/// <summary>The EMA arithmetic in <see cref="decimal"/>, only to measure what double saves (DESIGN.md decision 4).</summary>
internal sealed class DecimalExponentialMovingAverage(int period)
{
    private readonly decimal _alpha = 2m / (period + 1);
    private int _count;
    private decimal _seedSum;

    public decimal Current { get; private set; }

    public bool Update(decimal value)
    {
        if (_count == period)
        {
            Current = ((value - Current) * _alpha) + Current;
            return true;
        }

        _seedSum += value;
        if (++_count < period)
        {
            return false;
        }

        Current = _seedSum / period;
        return true;
    }
}

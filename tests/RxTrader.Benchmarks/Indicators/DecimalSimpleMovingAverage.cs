namespace RxTrader.Benchmarks.Indicators;

/// <summary>The SMA arithmetic in <see cref="decimal"/>, only to measure what double saves (DESIGN.md decision 4).</summary>
internal sealed class DecimalSimpleMovingAverage(int period)
{
    private readonly decimal[] _window = new decimal[period];
    private int _next;
    private int _count;
    private decimal _sum;

    public decimal Current { get; private set; }

    public bool Update(decimal value)
    {
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
}

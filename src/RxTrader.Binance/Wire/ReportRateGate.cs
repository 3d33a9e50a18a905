namespace RxTrader.Binance.Wire;

/// <summary>Lets at most a fixed number of reports through per fixed time window.</summary>
/// <remarks>Windows start at the first report after the previous window ended. Not thread-safe.</remarks>
internal sealed class ReportRateGate(int maxPerWindow, TimeSpan window)
{
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _used;

    /// <summary>Whether a report at <paramref name="now"/> may go out; counts it when it may.</summary>
    public bool TryEnter(DateTimeOffset now)
    {
        if (now >= _windowEnd)
        {
            _windowEnd = now + window;
            _used = 0;
        }

        if (_used >= maxPerWindow)
        {
            return false;
        }

        _used++;
        return true;
    }
}

using RxTrader.Binance.Wire;

namespace RxTrader.Simulator.Publishing;

/// <summary>The candles of one symbol and interval: a bounded ring of closed candles and the open one.</summary>
/// <remarks>
/// Nothing exists before the symbol's first trade. After it, every interval has a candle: an interval without
/// trades is a flat candle at the previous close with zero volume and trade ids -1 (Binance's REST answer for a
/// quiet market; what the stream does there is unconfirmed, the simulator streams the same flat candle).
/// A gap longer than the ring adds only as many empty candles as the ring holds.
/// </remarks>
internal sealed class KlineSeries(KlineInterval interval, int capacity)
{
    private const long Day = 86_400_000;
    private const long MondayOffset = 4 * Day; // 1970-01-01 was a Thursday; Binance weeks open on Monday.
    private readonly KlineBar[] _closed = new KlineBar[capacity];
    private int _start;
    private int _count;
    private KlineBar _open;

    public KlineInterval Interval { get; } = interval;

    public bool HasOpen { get; private set; }

    public ref readonly KlineBar Current => ref _open;

    public int ClosedCount => _count;

    /// <summary>The closed candle at <paramref name="index"/>, oldest first.</summary>
    public ref readonly KlineBar Closed(int index) => ref _closed[(_start + index) % _closed.Length];

    /// <summary>Adds a trade; returns how many candles closed before it.</summary>
    public int Add(long time, long tradeId, decimal price, decimal quantity, bool isBuyerMaker)
    {
        var closed = Open(time, price);
        _open.Add(tradeId, price, quantity, isBuyerMaker);
        return closed;
    }

    /// <summary>Folds a closed candle of a finer interval that starts inside this interval's current or a later candle.</summary>
    public void Merge(in KlineBar finer)
    {
        _ = Open(finer.OpenTime, finer.Open);
        _open.Merge(finer);
    }

    /// <summary>The open candle as it would be with <paramref name="finer"/> (the finer series' open candle) folded in.</summary>
    public KlineBar CurrentWith(in KlineBar finer)
    {
        var bar = HasOpen ? _open : KlineBar.Empty(OpenTimeOf(finer.OpenTime), NextOpenTime(OpenTimeOf(finer.OpenTime)) - 1, finer.Open);
        if (finer.OpenTime >= bar.OpenTime && finer.OpenTime <= bar.CloseTime)
        {
            bar.Merge(finer);
        }

        return bar;
    }

    private int Open(long time, decimal price)
    {
        if (HasOpen)
        {
            return RollTo(time);
        }

        var open = OpenTimeOf(time);
        _open = KlineBar.Empty(open, NextOpenTime(open) - 1, price);
        HasOpen = true;
        return 0;
    }

    /// <summary>Closes the candles that ended before <paramref name="time"/>; returns how many closed.</summary>
    public int RollTo(long time)
    {
        if (!HasOpen || time <= _open.CloseTime)
        {
            return 0;
        }

        var closed = 0;
        while (time > _open.CloseTime)
        {
            Push(_open);
            closed++;
            var next = _open.CloseTime + 1;
            var target = OpenTimeOf(time);
            if (closed >= _closed.Length && next < target)
            {
                // Only the ring's worth of empty candles are kept; jump to the current interval.
                next = target;
            }

            _open = KlineBar.Empty(next, NextOpenTime(next) - 1, _open.Close);
        }

        return closed;
    }

    public long OpenTimeOf(long time)
    {
        if (Interval == KlineInterval.OneMonth)
        {
            var t = DateTimeOffset.FromUnixTimeMilliseconds(time);
            return new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        }

        _ = Interval.TryGetDuration(out var duration);
        var length = (long)duration.TotalMilliseconds;
        var offset = Interval == KlineInterval.OneWeek ? MondayOffset : 0;
        return Math.DivRem(time - offset, length) is var (q, r) && r < 0 ? ((q - 1) * length) + offset : (q * length) + offset;
    }

    private long NextOpenTime(long open)
    {
        if (Interval == KlineInterval.OneMonth)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(open).AddMonths(1).ToUnixTimeMilliseconds();
        }

        _ = Interval.TryGetDuration(out var duration);
        return open + (long)duration.TotalMilliseconds;
    }

    private void Push(in KlineBar bar)
    {
        if (_count < _closed.Length)
        {
            _closed[(_start + _count) % _closed.Length] = bar;
            _count++;
        }
        else
        {
            _closed[_start] = bar;
            _start = (_start + 1) % _closed.Length;
        }
    }
}

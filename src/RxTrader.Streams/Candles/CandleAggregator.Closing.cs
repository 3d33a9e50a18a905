using System.Reactive.Disposables;

namespace RxTrader.Streams.Candles;

/// <summary>Closing bars: by a trade of a later bar (<see cref="Roll"/>) or by the timer, and filling gaps.</summary>
internal sealed partial class CandleAggregator<TTrade>
{
    /// <summary>Closes the open bar, fills the gap up to <paramref name="targetOpen"/> per policy, opens the target.</summary>
    private void Roll(CandleBar bar, long targetOpen)
    {
        _observer.OnNext(bar.ToCandle(_interval, isClosed: true));
        var end = bar.OpenTicks + _intervalTicks;
        if (!_fillFlat)
        {
            bar.Stop(end);
            return;
        }

        var missing = (targetOpen - end) / _intervalTicks;
        var filled = Math.Min(missing, _maxFilled);
        if (missing > filled)
        {
            _counters?.AddSkippedIntervals(missing - filled);
        }

        for (var open = targetOpen - (filled * _intervalTicks); open < targetOpen; open += _intervalTicks)
        {
            bar.StartFlat(open);
            _observer.OnNext(bar.ToCandle(_interval, isClosed: true));
        }

        bar.StartFlat(targetOpen);
    }

    private void ScheduleTimer(long due)
    {
        // An emission just made may have disposed us (e.g. Take downstream): arm nothing after disposal.
        if (_done)
        {
            return;
        }

        _timer?.Dispose();
        _timerDue = due;
        var generation = ++_generation;
        _timer = _scheduler.Schedule(
            (Self: this, Generation: generation),
            new DateTimeOffset(due, TimeSpan.Zero),
            static (_, state) =>
            {
                state.Self.OnTimer(state.Generation);
                return Disposable.Empty;
            });
    }

    /// <summary>Closes every bar whose end (+ close delay) has passed on the scheduler, then re-arms.</summary>
    private void OnTimer(long generation)
    {
        lock (_gate)
        {
            if (_done || generation != _generation)
            {
                return;
            }

            _timer = null;
            _timerDue = long.MaxValue;
            var cutoff = _scheduler.Now.UtcTicks - _delayTicks;
            var next = long.MaxValue;
            foreach (var bar in _order)
            {
                if (bar.IsOpen && bar.OpenTicks + _intervalTicks <= cutoff)
                {
                    Roll(bar, CandleTime.OpenOf(cutoff, _intervalTicks));
                }

                if (bar.IsOpen)
                {
                    next = Math.Min(next, bar.OpenTicks + _intervalTicks);
                }
            }

            if (next != long.MaxValue)
            {
                ScheduleTimer(next + _delayTicks);
            }
        }
    }
}

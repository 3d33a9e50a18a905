using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace RxTrader.Streams.Time;

/// <summary>
/// The <see cref="ITimer"/> of <see cref="SchedulerTimeProvider"/>: one scheduled item at a time, replaced on every
/// <see cref="Change"/>; each item carries the generation it was armed with, so a superseded item that still runs
/// does nothing.
/// </summary>
internal sealed class SchedulerTimer : ITimer
{
    private readonly Lock _gate = new();
    private readonly IScheduler _scheduler;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private IDisposable? _pending;
    private TimeSpan _period;
    private long _generation;
    private bool _disposed;

    public SchedulerTimer(IScheduler scheduler, TimerCallback callback, object? state)
    {
        _scheduler = scheduler;
        _callback = callback;
        _state = state;
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, nameof(dueTime));
        Validate(period, nameof(period));
        IDisposable? previous;
        long generation;
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            previous = _pending;
            _pending = null;
            _period = period;
            generation = ++_generation;
        }

        previous?.Dispose();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Arm(generation, dueTime);
        }

        return true;
    }

    public void Dispose()
    {
        IDisposable? pending;
        lock (_gate)
        {
            _disposed = true;
            _generation++;
            pending = _pending;
            _pending = null;
        }

        pending?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Validate(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be non-negative or Timeout.InfiniteTimeSpan.");
        }
    }

    // Scheduling happens outside the gate (a scheduler may run work inline); the item is kept only if no Change
    // or Dispose superseded it in the meantime.
    private void Arm(long generation, TimeSpan dueTime)
    {
        var item = _scheduler.Schedule((Timer: this, Generation: generation), dueTime, static (_, s) =>
        {
            s.Timer.Fire(s.Generation);
            return Disposable.Empty;
        });
        lock (_gate)
        {
            if (generation == _generation && !_disposed)
            {
                _pending = item;
                return;
            }
        }

        item.Dispose();
    }

    private void Fire(long generation)
    {
        TimeSpan period;
        lock (_gate)
        {
            if (generation != _generation || _disposed)
            {
                return;
            }

            _pending = null;
            period = _period;
        }

        // Re-arm before the callback, so a Change or Dispose from inside the callback supersedes the next tick.
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            Arm(generation, period);
        }

        _callback(_state);
    }
}

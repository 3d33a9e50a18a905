using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using RxTrader.Core.Connectivity;

namespace RxTrader.Streams.FlowControl;

/// <summary>
/// One subscription of the keyed <c>DetectStale</c>: the timer scheme of <see cref="StaleDetector{T}"/> per key
/// (one timer per key, re-armed for the remainder when it fires early), behind one gate shared by all keys.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class StaleDetectorByKey<T, TKey>(
    IObserver<ConnectionEvent> downstream,
    Func<T, TKey> keySelector,
    TimeSpan timeout,
    IScheduler scheduler,
    Func<TKey, string> sourceName)
    : IObserver<T>, IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Watch> _watches = [];
    private long _generation; // source of timer ids; a timer whose id is not its watch's current one does nothing
    private bool _stopped; // terminated or disposed

    public void OnNext(T value)
    {
        TKey key;
        try
        {
            key = keySelector(value);
        }
        catch (Exception error)
        {
            OnError(error);
            return;
        }

        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var now = scheduler.Now;
            if (!_watches.TryGetValue(key, out var watch))
            {
                StartWatching(key, now);
                return;
            }

            var quietSince = watch.LastData;
            watch.LastData = now;
            if (watch.Stale)
            {
                watch.Stale = false;
                Arm(watch, timeout);
                downstream.OnNext(new Fresh(now, watch.Name, now - quietSince));
            }
        }
    }

    public void OnError(Exception error)
    {
        lock (_gate)
        {
            if (Stop())
            {
                downstream.OnError(error);
            }
        }
    }

    public void OnCompleted()
    {
        lock (_gate)
        {
            if (Stop())
            {
                downstream.OnCompleted();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Stop();
        }
    }

    private void StartWatching(TKey key, DateTimeOffset now)
    {
        string name;
        try
        {
            name = sourceName(key);
        }
        catch (Exception error)
        {
            OnError(error); // the gate is re-entrant
            return;
        }

        var watch = new Watch(name) { LastData = now };
        _watches.Add(key, watch);
        Arm(watch, timeout);
    }

    private void Arm(Watch watch, TimeSpan dueTime)
    {
        var generation = watch.Generation = ++_generation;
        watch.Timer = scheduler.Schedule(
            (this, watch, generation),
            dueTime,
            static (_, state) =>
            {
                state.Item1.OnTimer(state.watch, state.generation);
                return Disposable.Empty;
            });
    }

    private void OnTimer(Watch watch, long generation)
    {
        lock (_gate)
        {
            if (_stopped || generation != watch.Generation)
            {
                return;
            }

            var now = scheduler.Now;
            var remaining = watch.LastData + timeout - now;
            if (remaining > TimeSpan.Zero)
            {
                Arm(watch, remaining);
                return;
            }

            watch.Stale = true;
            watch.Timer = null;
            downstream.OnNext(new Stale(now, watch.Name, watch.LastData));
        }
    }

    /// <summary>Moves to the stopped state and cancels every timer; false if it was already there.</summary>
    private bool Stop()
    {
        if (_stopped)
        {
            return false;
        }

        _stopped = true;
        foreach (var watch in _watches.Values)
        {
            watch.Timer?.Dispose();
            watch.Timer = null;
        }

        _watches.Clear();
        return true;
    }

    /// <summary>The state of one key.</summary>
    private sealed class Watch(string name)
    {
        public string Name { get; } = name;

        public DateTimeOffset LastData { get; set; }

        public bool Stale { get; set; }

        public long Generation { get; set; }

        public IDisposable? Timer { get; set; }
    }
}

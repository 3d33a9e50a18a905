using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using RxTrader.Core.Connectivity;

namespace RxTrader.Streams.FlowControl;

/// <summary>
/// One subscription of <see cref="StaleDetectionExtensions.DetectStale{T}(IObservable{T}, TimeSpan, IScheduler, string)"/>.
/// </summary>
/// <remarks>
/// One timer, not one per element: an element only records its arrival time. When the timer fires it compares
/// the time since the last arrival with the timeout and either declares the stream stale or re-arms itself for
/// the remainder. A busy stream thus costs one timer per timeout, whatever its rate.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class StaleDetector<T>(
    IObserver<ConnectionEvent> downstream, TimeSpan timeout, IScheduler scheduler, string sourceName)
    : IObserver<T>, IDisposable
{
    private readonly Lock _gate = new();
    private DateTimeOffset _subscribedAt;
    private DateTimeOffset? _lastData;
    private bool _stale;
    private IDisposable? _timer;
    private long _generation; // id of the live timer; a timer holding an older id does nothing
    private bool _stopped; // terminated or disposed

    /// <summary>Starts watching; called once, before the source is subscribed.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _subscribedAt = scheduler.Now;
            Arm(timeout);
        }
    }

    public void OnNext(T value)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var now = scheduler.Now;
            var quietSince = _lastData ?? _subscribedAt;
            _lastData = now;
            if (_stale)
            {
                _stale = false;
                Arm(timeout);
                downstream.OnNext(new Fresh(now, sourceName, now - quietSince));
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

    private void Arm(TimeSpan dueTime)
    {
        var generation = ++_generation;
        _timer = scheduler.Schedule(
            (this, generation),
            dueTime,
            static (_, state) =>
            {
                state.Item1.OnTimer(state.generation);
                return Disposable.Empty;
            });
    }

    private void OnTimer(long generation)
    {
        lock (_gate)
        {
            if (_stopped || generation != _generation)
            {
                return;
            }

            var now = scheduler.Now;
            var remaining = (_lastData ?? _subscribedAt) + timeout - now;
            if (remaining > TimeSpan.Zero)
            {
                Arm(remaining); // data arrived since the timer was set: wait for the rest of the timeout
                return;
            }

            _stale = true;
            _timer = null; // the next element re-arms
            downstream.OnNext(new Stale(now, sourceName, _lastData));
        }
    }

    /// <summary>Moves to the stopped state; false if it was already there.</summary>
    private bool Stop()
    {
        if (_stopped)
        {
            return false;
        }

        _stopped = true;
        _generation++;
        _timer?.Dispose();
        _timer = null;
        return true;
    }
}

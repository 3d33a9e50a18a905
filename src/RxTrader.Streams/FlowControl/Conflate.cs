using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace RxTrader.Streams.FlowControl;

/// <summary>
/// One subscription of <see cref="ConflateExtensions.Conflate{T}(IObservable{T}, TimeSpan, IScheduler)"/>:
/// an idle / in-period state machine with one pending slot, behind one gate.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class Conflate<T>(IObserver<T> downstream, TimeSpan period, IScheduler scheduler)
    : IObserver<T>, IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable? _timer;
    private long _generation; // id of the live period timer; a timer holding an older id does nothing
    private bool _inPeriod;
    private bool _hasPending;
    private T _pending = default!;
    private bool _stopped; // terminated or disposed

    public void OnNext(T value)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            if (_inPeriod)
            {
                // The hot path: overwrite the slot, nothing allocated, no timer touched.
                _pending = value;
                _hasPending = true;
                return;
            }

            _inPeriod = true;
            StartPeriod();
            downstream.OnNext(value);
        }
    }

    public void OnError(Exception error)
    {
        lock (_gate)
        {
            if (Stop())
            {
                Flush();
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
                Flush();
                downstream.OnCompleted();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Stop();
            _hasPending = false;
            _pending = default!;
        }
    }

    private void StartPeriod()
    {
        var generation = ++_generation;
        _timer = scheduler.Schedule(
            (this, generation),
            period,
            static (_, state) =>
            {
                state.Item1.OnPeriodEnd(state.generation);
                return Disposable.Empty;
            });
    }

    private void OnPeriodEnd(long generation)
    {
        lock (_gate)
        {
            if (_stopped || generation != _generation)
            {
                return;
            }

            if (!_hasPending)
            {
                _inPeriod = false;
                _timer = null;
                return;
            }

            var value = _pending;
            _pending = default!; // do not keep the element alive until the next one
            _hasPending = false;
            StartPeriod();
            downstream.OnNext(value);
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

    private void Flush()
    {
        if (_hasPending)
        {
            var value = _pending;
            _pending = default!;
            _hasPending = false;
            downstream.OnNext(value);
        }
    }
}

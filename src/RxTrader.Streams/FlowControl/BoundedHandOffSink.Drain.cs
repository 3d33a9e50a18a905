using System.Reactive.Disposables;

namespace RxTrader.Streams.FlowControl;

/// <summary>The consumer side: the drain, which runs on the scheduler and delivers outside the gate.</summary>
internal sealed partial class BoundedHandOffSink<T, TKey>
{
    private void ScheduleDrain() =>
        _scheduler.Schedule(this, static (_, self) =>
        {
            self.Drain();
            return Disposable.Empty;
        });

    private void Drain()
    {
        for (var delivered = 0; delivered < _maxBatchSize; delivered++)
        {
            if (!TryTake(out var item))
            {
                return;
            }

            _downstream.OnNext(item);
        }

        // Yield: the rest goes in a later drain, after whatever else is queued on the scheduler.
        ScheduleDrain();
    }

    // Takes the next item; when there is none, ends this drain or delivers the terminal notification.
    private bool TryTake(out T item)
    {
        item = default!;
        Exception? error;
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            if (_ring.Count > 0)
            {
                item = _ring.Dequeue(out var slot);
                _keys?.Remove(slot);
                _statistics.AddDelivered();
                return true;
            }

            if (!_stopped)
            {
                _drainScheduled = false;
                return false;
            }

            _disposed = true;
            ReleaseBuffers();
            error = _error;
        }

        if (error is null)
        {
            _downstream.OnCompleted();
        }
        else
        {
            _downstream.OnError(error);
        }

        return false;
    }

    // Under the gate, once nothing will be queued or delivered any more.
    private void ReleaseBuffers()
    {
        _ring.Release();
        _keys = null;
    }
}

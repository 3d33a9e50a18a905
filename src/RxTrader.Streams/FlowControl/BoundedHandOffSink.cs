using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace RxTrader.Streams.FlowControl;

/// <summary>
/// One subscription of <see cref="BoundedHandOff"/>. This file is the producer side (<see cref="IObserver{T}"/>):
/// it only enqueues under the gate; the drain runs on the scheduler and calls the downstream observer outside it.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TKey">The conflation key type; unused when <c>keySelector</c> is null.</typeparam>
internal sealed partial class BoundedHandOffSink<T, TKey> : IObserver<T>, IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly IObserver<T> _downstream;
    private readonly IScheduler _scheduler;
    private readonly OverflowPolicy _policy;
    private readonly int _maxBatchSize;
    private readonly BoundedHandOffStatistics _statistics;
    private readonly Action<HandOffDrop<T>>? _onDrop;
    private readonly Func<T, TKey>? _keySelector;
    private readonly HandOffRing<T> _ring;
    private readonly SingleAssignmentDisposable _upstream = new();
    private HandOffKeyIndex<TKey>? _keys; // Null unless conflating, and after the buffers are released.
    private int _highWaterMark;
    private bool _drainScheduled; // At most one drain is queued or running at any time.
    private bool _stopped;        // No more items accepted: terminal received, producer-side failure, or disposed.
    private bool _disposed;       // No more output: terminal delivered or subscription disposed.
    private Exception? _error;

    public BoundedHandOffSink(
        IObserver<T> downstream, IScheduler scheduler, BoundedHandOffOptions<T> options, Func<T, TKey>? keySelector)
    {
        _downstream = downstream;
        _scheduler = scheduler;
        _policy = options.OverflowPolicy;
        _maxBatchSize = options.MaxBatchSize;
        _statistics = options.Statistics ?? new BoundedHandOffStatistics();
        _onDrop = options.OnDrop;
        _keySelector = keySelector;
        _ring = new HandOffRing<T>(options.Capacity);
        _keys = keySelector is null ? null : new HandOffKeyIndex<TKey>(options.Capacity);
    }

    public void Run(IObservable<T> source) => _upstream.Disposable = source.SubscribeSafe(this);

    public void OnNext(T value)
    {
        if (Volatile.Read(ref _stopped))
        {
            return; // Cheap exit after a terminal or disposal, before any user code runs.
        }

        var key = default(TKey)!;
        if (_keySelector is not null && !TrySelectKey(value, out key))
        {
            return;
        }

        HandOffDrop<T> drop;
        bool dropped, schedule;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _statistics.AddReceived();
            dropped = Offer(value, key, out drop);
            schedule = !_drainScheduled; // The queue is never empty after an offer.
            _drainScheduled = true;
        }

        if (dropped && _onDrop is not null)
        {
            ReportDrop(drop);
        }

        if (schedule)
        {
            ScheduleDrain();
        }
    }

    public void OnError(Exception error) => Stop(error);

    public void OnCompleted() => Stop(null);

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = _stopped = true;
                _statistics.AddDropped(HandOffDropReason.Discarded, _ring.Count);
                ReleaseBuffers();
            }
        }

        _upstream.Dispose();
    }

    // Under the gate. Returns whether an item was dropped, and which.
    private bool Offer(T value, TKey key, out HandOffDrop<T> drop)
    {
        if (_keys is not null && _keys.TryGetSlot(key, out var slot))
        {
            drop = new HandOffDrop<T>(_ring.Replace(slot, value), HandOffDropReason.Conflated);
        }
        else if (!_ring.IsFull)
        {
            Append(value, key);
            drop = default;
            return false;
        }
        else if (_policy == OverflowPolicy.DropNewest)
        {
            drop = new HandOffDrop<T>(value, HandOffDropReason.NewestRejected);
        }
        else
        {
            var oldest = _ring.Dequeue(out var freed);
            _keys?.Remove(freed);
            Append(value, key);
            drop = new HandOffDrop<T>(oldest, HandOffDropReason.OldestEvicted);
        }

        _statistics.AddDropped(drop.Reason);
        return true;
    }

    private void Append(T value, TKey key)
    {
        var slot = _ring.Enqueue(value);
        _keys?.Add(key, slot);
        if (_ring.Count > _highWaterMark)
        {
            _highWaterMark = _ring.Count;
            _statistics.RaiseHighWaterMark(_highWaterMark);
        }
    }

    private void Stop(Exception? error)
    {
        bool schedule;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _error = error;
            schedule = !_drainScheduled;
            _drainScheduled = true;
        }

        if (schedule)
        {
            ScheduleDrain();
        }
    }

    // User code on the producer thread: a failure ends the stream like an upstream error, it never reaches the producer.
    private bool TrySelectKey(T value, out TKey key)
    {
        try
        {
            key = _keySelector!(value);
            return true;
        }
        catch (Exception error)
        {
            key = default!;
            Fail(error);
            return false;
        }
    }

    private void ReportDrop(HandOffDrop<T> drop)
    {
        try
        {
            _onDrop!(drop);
        }
        catch (Exception error)
        {
            Fail(error);
        }
    }

    private void Fail(Exception error)
    {
        Stop(error);
        _upstream.Dispose();
    }
}

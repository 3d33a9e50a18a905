using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace RxTrader.Streams.FlowControl;

/// <summary>
/// One subscription of <see cref="ConflateExtensions.Conflate{T, TKey}"/>: the state machine of
/// <see cref="Conflate{T}"/> per key, behind one gate shared by all keys.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class ConflateByKey<T, TKey>(
    IObserver<T> downstream, Func<T, TKey> keySelector, TimeSpan period, IScheduler scheduler)
    : IObserver<T>, IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Slot> _active = []; // only keys inside a period
    private long _generation; // source of timer ids; a timer whose id is not its slot's current one does nothing
    private long _sequence; // arrival order of pending values, for the flush
    private bool _stopped; // terminated or disposed

    /// <summary>The number of keys inside a period; idle keys hold no state.</summary>
    internal int ActiveKeyCount
    {
        get
        {
            lock (_gate)
            {
                return _active.Count;
            }
        }
    }

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

            if (_active.TryGetValue(key, out var slot))
            {
                // The hot path: overwrite the key's slot, nothing allocated, no timer touched.
                slot.Pending = value;
                slot.HasPending = true;
                slot.Sequence = ++_sequence;
                return;
            }

            slot = new Slot(key);
            _active.Add(key, slot);
            StartPeriod(slot);
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
            _active.Clear();
        }
    }

    private void StartPeriod(Slot slot)
    {
        var generation = slot.Generation = ++_generation;
        slot.Timer = scheduler.Schedule(
            (this, slot, generation),
            period,
            static (_, state) =>
            {
                state.Item1.OnPeriodEnd(state.slot, state.generation);
                return Disposable.Empty;
            });
    }

    private void OnPeriodEnd(Slot slot, long generation)
    {
        lock (_gate)
        {
            if (_stopped || generation != slot.Generation)
            {
                return;
            }

            if (!slot.HasPending)
            {
                // Idle again: forget the key so memory follows the active keys only.
                _active.Remove(slot.Key);
                return;
            }

            var value = slot.Pending;
            slot.Pending = default!;
            slot.HasPending = false;
            StartPeriod(slot);
            downstream.OnNext(value);
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
        foreach (var slot in _active.Values)
        {
            slot.Timer?.Dispose();
            slot.Timer = null;
        }

        return true;
    }

    /// <summary>Delivers the pending value of every key, in the order in which those values arrived.</summary>
    private void Flush()
    {
        var pending = _active.Values.Where(static s => s.HasPending).OrderBy(static s => s.Sequence).ToList();
        _active.Clear();
        foreach (var slot in pending)
        {
            downstream.OnNext(slot.Pending);
        }
    }

    /// <summary>The state of one key inside a period.</summary>
    private sealed class Slot(TKey key)
    {
        public TKey Key { get; } = key;

        public T Pending { get; set; } = default!;

        public bool HasPending { get; set; }

        public long Sequence { get; set; }

        public long Generation { get; set; }

        public IDisposable? Timer { get; set; }
    }
}

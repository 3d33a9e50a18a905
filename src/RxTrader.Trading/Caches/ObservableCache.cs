using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Runtime.ExceptionServices;

namespace RxTrader.Trading.Caches;

/// <summary>
/// A thread-safe keyed collection that publishes every edit as a <see cref="ChangeSet{TKey, TValue}"/>: the small
/// subset of DynamicData's <c>SourceCache</c> that the engine needs (orders by client id, positions by symbol).
/// </summary>
/// <remarks>
/// <para>
/// One lock guards the items. Change sets are delivered outside it, in the order the edits were made, through one
/// delivery queue: the writer that finds the queue idle drains it (including what other writers add meanwhile), so
/// no subscriber callback ever runs under the lock, and a subscriber that writes back into the cache does not
/// deadlock: its change set is delivered after the one being delivered. A writer therefore may return before its
/// change set reached subscribers, when another thread is delivering.
/// </para>
/// <para>
/// Updates are published even when the new value equals the old one (as DynamicData's <c>SourceCache</c> does):
/// comparing would cost every write an equality check, and order records are replaced by new instances anyway.
/// No history is kept: memory is the items plus change sets not yet delivered.
/// </para>
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ObservableCache<TKey, TValue> : IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TValue> _items;
    private readonly Func<TValue, TKey> _keySelector;
    private readonly Queue<CacheDelivery<TKey, TValue>> _pending = new();
    private CacheSubscriber<TKey, TValue>[] _subscribers = [];
    private bool _draining;
    private bool _editing;
    private bool _disposed;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="keySelector">Gives each value's key; must not return null.</param>
    /// <param name="comparer">Compares keys; the default comparer when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keySelector"/> is null.</exception>
    public ObservableCache(Func<TValue, TKey> keySelector, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        _keySelector = keySelector;
        _items = new Dictionary<TKey, TValue>(comparer);
    }

    /// <summary>The number of items now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>A snapshot of the values now, in no particular order; later edits do not change it.</summary>
    public IReadOnlyList<TValue> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values];
            }
        }
    }

    /// <summary>A snapshot of the keys and values now; later edits do not change it.</summary>
    public IReadOnlyDictionary<TKey, TValue> KeyValues
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<TKey, TValue>(_items, _items.Comparer);
            }
        }
    }

    /// <summary>
    /// The number of items: the current count on subscription, then the count after each change set that
    /// changes it.
    /// </summary>
    /// <remarks>
    /// OnNext: the count now, then each new count (updates alone emit nothing). OnCompleted: when the cache is
    /// disposed (immediately after the count if it already is). OnError: never. Disposal: stops the notifications.
    /// </remarks>
    public IObservable<int> CountChanged =>
        Observable.Defer(() =>
        {
            var count = 0;
            return Connect(emitEmptySnapshot: true)
                .Select(set => count += set.Adds - set.Removes)
                .DistinctUntilChanged();
        });

    /// <summary>Looks up <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns>Whether the key is present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryGetValue(TKey key, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _items.TryGetValue(key, out value!);
        }
    }

    /// <summary>The value held under <paramref name="key"/>, or <see langword="default"/> when absent.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value or <see langword="default"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public TValue? Lookup(TKey key) => TryGetValue(key, out var value) ? value : default;

    /// <summary>Adds <paramref name="value"/> under its key, or replaces the value held there.</summary>
    /// <remarks>Publishes one change set with an <see cref="ChangeReason.Add"/> or <see cref="ChangeReason.Update"/>.</remarks>
    /// <param name="value">The value.</param>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    /// <exception cref="InvalidOperationException">Called from inside an <see cref="Edit"/> action.</exception>
    public void AddOrUpdate(TValue value)
    {
        bool drain;
        lock (_gate)
        {
            ThrowIfNotWritable();
            var change = CacheUpdater<TKey, TValue>.Write(_items, _keySelector, value);

            // No subscriber, no change set: a write costs no allocation then.
            drain = _subscribers.Length > 0 && Publish([change]);
        }

        if (drain)
        {
            Drain();
        }
    }

    /// <summary>Adds or replaces each of <paramref name="values"/>, in order, as one edit.</summary>
    /// <remarks>Publishes one change set holding every change, or nothing when <paramref name="values"/> is empty.</remarks>
    /// <param name="values">The values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    /// <exception cref="InvalidOperationException">Called from inside an <see cref="Edit"/> action.</exception>
    public void AddOrUpdate(IEnumerable<TValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Edit(updater => updater.AddOrUpdate(values));
    }

    /// <summary>Removes <paramref name="key"/> if present.</summary>
    /// <remarks>Publishes one change set with a <see cref="ChangeReason.Remove"/>, or nothing when the key is absent.</remarks>
    /// <param name="key">The key.</param>
    /// <returns>Whether the key was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    /// <exception cref="InvalidOperationException">Called from inside an <see cref="Edit"/> action.</exception>
    public bool Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool drain;
        lock (_gate)
        {
            ThrowIfNotWritable();
            if (!_items.Remove(key, out var removed))
            {
                return false;
            }

            drain = _subscribers.Length > 0 && Publish([Change<TKey, TValue>.Remove(key, removed)]);
        }

        if (drain)
        {
            Drain();
        }

        return true;
    }

    /// <summary>Removes every item.</summary>
    /// <remarks>Publishes one change set with a <see cref="ChangeReason.Remove"/> per item, or nothing when empty.</remarks>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    /// <exception cref="InvalidOperationException">Called from inside an <see cref="Edit"/> action.</exception>
    public void Clear() => Edit(static updater => updater.Clear());

    /// <summary>Runs <paramref name="edit"/> under the lock and publishes everything it changed as one change set.</summary>
    /// <remarks>
    /// Keep the action short and use only the updater: writing to the cache itself from inside it throws
    /// <see cref="InvalidOperationException"/>. No change set is published when nothing changed. When the action
    /// throws, the changes it made so far stay and are published, then the exception is rethrown, so subscribers
    /// never disagree with the cache.
    /// </remarks>
    /// <param name="edit">The edit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="edit"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    /// <exception cref="InvalidOperationException">Called from inside another <see cref="Edit"/> action.</exception>
    public void Edit(Action<ICacheUpdater<TKey, TValue>> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var drain = false;
        ExceptionDispatchInfo? failure = null;
        lock (_gate)
        {
            ThrowIfNotWritable();
            var updater = new CacheUpdater<TKey, TValue>(_items, _keySelector);
            _editing = true;
            try
            {
                edit(updater);
            }
#pragma warning disable CA1031 // Rethrown below, once the changes already made are published.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
            finally
            {
                _editing = false;
            }

            if (updater.ChangeCount > 0 && _subscribers.Length > 0)
            {
                drain = Publish(updater.TakeChanges());
            }
        }

        if (drain)
        {
            Drain();
        }

        failure?.Throw();
    }

    /// <summary>Every change of the cache: a snapshot of the items now, then each later change set.</summary>
    /// <remarks>
    /// OnNext: first the items at subscription as <see cref="ChangeReason.Add"/> changes (skipped when the cache is
    /// empty), then every change set published afterwards, in order, with no gap and no duplicate even while other
    /// threads write. Change sets are never empty. OnCompleted: when the cache is disposed, after every change set
    /// published before (immediately if it already is). OnError: never from the cache. Disposal: stops delivery;
    /// change sets already queued for this subscription are dropped. A subscriber whose OnNext throws is
    /// unsubscribed (Rx's rule); the others still get every change set, and the first such exception is rethrown to
    /// the writer that was delivering once the queue is empty.
    /// </remarks>
    /// <returns>The change sets.</returns>
    public IObservable<ChangeSet<TKey, TValue>> Connect() => Connect(emitEmptySnapshot: false);

    /// <summary>The changes of the items that satisfy <paramref name="predicate"/>.</summary>
    /// <remarks>
    /// <see cref="Connect()"/> followed by <see cref="ChangeSetFilterExtensions.Filter{TKey, TValue}"/>: an update
    /// that makes an item leave the filter arrives as a remove, one that makes it enter as an add; empty change sets
    /// are not emitted. OnError: when <paramref name="predicate"/> throws. Completion and disposal as Connect.
    /// </remarks>
    /// <param name="predicate">Which items to see.</param>
    /// <returns>The filtered change sets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public IObservable<ChangeSet<TKey, TValue>> Connect(Func<TValue, bool> predicate) => Connect().Filter(predicate);

    /// <summary>The changes of one key: its current value first (as an add) if present, then each change of it.</summary>
    /// <remarks>
    /// OnNext: one <see cref="Change{TKey, TValue}"/> per change of <paramref name="key"/>. OnCompleted: when the
    /// cache is disposed. OnError: never. Disposal: stops delivery.
    /// </remarks>
    /// <param name="key">The key to watch.</param>
    /// <returns>The key's changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public IObservable<Change<TKey, TValue>> Watch(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var comparer = _items.Comparer;
        return Connect().SelectMany(set => set.Where(change => comparer.Equals(change.Key, key)));
    }

    /// <summary>Completes every subscriber (after the change sets published before) and refuses further writes.</summary>
    /// <remarks>Idempotent; does nothing when called from inside an <see cref="Edit"/> action. The items stay readable.</remarks>
    public void Dispose()
    {
        bool drain;
        lock (_gate)
        {
            if (_disposed || _editing)
            {
                return;
            }

            _disposed = true;
            var targets = _subscribers;
            _subscribers = [];
            drain = Enqueue(new CacheDelivery<TKey, TValue>(null, targets));
        }

        if (drain)
        {
            Drain();
        }
    }

    internal IObservable<ChangeSet<TKey, TValue>> Connect(bool emitEmptySnapshot) =>
        Observable.Create<ChangeSet<TKey, TValue>>(observer => Subscribe(observer, emitEmptySnapshot));

    private IDisposable Subscribe(IObserver<ChangeSet<TKey, TValue>> observer, bool emitEmptySnapshot)
    {
        var subscriber = new CacheSubscriber<TKey, TValue>(observer);
        var drain = false;
        lock (_gate)
        {
            if (_editing)
            {
                throw new InvalidOperationException("The cache cannot be connected to from inside an edit.");
            }

            if (!_disposed)
            {
                // Registering and taking the snapshot under one lock is what makes Connect gap- and duplicate-free:
                // every change set published later lists this subscriber; none published before does.
                _subscribers = [.. _subscribers, subscriber];
                if (_items.Count > 0 || emitEmptySnapshot)
                {
                    var snapshot = new Change<TKey, TValue>[_items.Count];
                    var i = 0;
                    foreach (var pair in _items)
                    {
                        snapshot[i++] = Change<TKey, TValue>.Add(pair.Key, pair.Value);
                    }

                    drain = Enqueue(new CacheDelivery<TKey, TValue>(ChangeSet<TKey, TValue>.Own(snapshot), [subscriber]));
                }
            }
            else
            {
                drain = Enqueue(new CacheDelivery<TKey, TValue>(null, [subscriber]));
            }
        }

        if (drain)
        {
            Drain();
        }

        return Disposable.Create((this, subscriber), static state => state.Item1.Unsubscribe(state.subscriber));
    }

    private void Unsubscribe(CacheSubscriber<TKey, TValue> subscriber)
    {
        subscriber.Detach();
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, subscriber);
            if (index < 0)
            {
                return;
            }

            var remaining = new CacheSubscriber<TKey, TValue>[_subscribers.Length - 1];
            Array.Copy(_subscribers, 0, remaining, 0, index);
            Array.Copy(_subscribers, index + 1, remaining, index, remaining.Length - index);
            _subscribers = remaining;
        }
    }

    // Under the lock. Returns whether the caller must drain (after leaving the lock).
    private bool Publish(Change<TKey, TValue>[] changes) =>
        Enqueue(new CacheDelivery<TKey, TValue>(ChangeSet<TKey, TValue>.Own(changes), _subscribers));

    private bool Enqueue(CacheDelivery<TKey, TValue> delivery)
    {
        _pending.Enqueue(delivery);
        if (_draining)
        {
            return false;
        }

        _draining = true;
        return true;
    }

    private void Drain()
    {
        ExceptionDispatchInfo? failure = null;
        while (true)
        {
            CacheDelivery<TKey, TValue> delivery;
            lock (_gate)
            {
                if (!_pending.TryDequeue(out delivery))
                {
                    _draining = false;
                    break;
                }
            }

            foreach (var subscriber in delivery.Targets)
            {
                if (subscriber.IsDetached)
                {
                    continue;
                }

                try
                {
                    if (delivery.Changes is null)
                    {
                        subscriber.Observer.OnCompleted();
                    }
                    else
                    {
                        subscriber.Observer.OnNext(delivery.Changes);
                    }
                }
#pragma warning disable CA1031 // One faulty subscriber must not make the others miss a change set; rethrown below.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failure ??= ExceptionDispatchInfo.Capture(exception);
                }
            }
        }

        failure?.Throw();
    }

    private void ThrowIfNotWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_editing)
        {
            throw new InvalidOperationException("Inside an edit, write through the updater, not the cache.");
        }
    }
}

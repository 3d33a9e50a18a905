namespace RxTrader.Streams.Windows;

/// <summary>One subscription of the keyed sliding window: a ring buffer per key, created on the key's first value.</summary>
internal sealed class KeyedSlidingWindowObserver<T, TKey> : IObserver<T>
    where TKey : notnull
{
    private readonly IObserver<KeyedWindow<TKey, T>> _downstream;
    private readonly Func<T, TKey> _keySelector;
    private readonly int _count;
    private readonly bool _onlyWhenFull;
    private readonly int _maxKeys;
    private readonly Dictionary<TKey, RingBuffer<T>> _rings;
    private bool _done;

    public KeyedSlidingWindowObserver(
        IObserver<KeyedWindow<TKey, T>> downstream,
        Func<T, TKey> keySelector,
        int count,
        bool onlyWhenFull,
        int maxKeys,
        IEqualityComparer<TKey>? comparer)
    {
        _downstream = downstream;
        _keySelector = keySelector;
        _count = count;
        _onlyWhenFull = onlyWhenFull;
        _maxKeys = maxKeys;
        _rings = new Dictionary<TKey, RingBuffer<T>>(comparer);
    }

    public void OnNext(T value)
    {
        if (_done)
        {
            return;
        }

        TKey key;
        RingBuffer<T> ring;
        try
        {
            key = _keySelector(value);
            ring = Find(key);
        }
        catch (Exception error) // a failing key selector (or a null key) ends the sequence, as in Rx's GroupBy
        {
            OnError(error);
            return;
        }

        ring.Add(value);
        if (!_onlyWhenFull || ring.IsFull)
        {
            _downstream.OnNext(new KeyedWindow<TKey, T>(key, ring.Snapshot()));
        }
    }

    public void OnError(Exception error)
    {
        if (!_done)
        {
            _done = true;
            _downstream.OnError(error);
        }
    }

    public void OnCompleted()
    {
        if (!_done)
        {
            _done = true;
            _downstream.OnCompleted();
        }
    }

    private RingBuffer<T> Find(TKey key)
    {
        if (_rings.TryGetValue(key, out var ring))
        {
            return ring;
        }

        if (_rings.Count >= _maxKeys)
        {
            throw new InvalidOperationException(
                $"The sliding window holds its maximum of {_maxKeys} keys; key '{key}' would exceed it.");
        }

        ring = new RingBuffer<T>(_count);
        _rings.Add(key, ring);
        return ring;
    }
}

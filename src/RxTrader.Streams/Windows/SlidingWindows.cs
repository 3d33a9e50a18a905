using System.Collections.Immutable;
using System.Reactive.Linq;

namespace RxTrader.Streams.Windows;

/// <summary>Windows of the last N values of a stream, whole or per key (e.g. 200 points per symbol).</summary>
public static class SlidingWindows
{
    /// <summary>After each value, emits the last up-to-<paramref name="count"/> values, oldest first.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="source">The values.</param>
    /// <param name="count">The window length, positive.</param>
    /// <param name="onlyWhenFull">Emit only once <paramref name="count"/> values have arrived; default false.</param>
    /// <returns>Immutable snapshots, one per value (or per value from the <paramref name="count"/>-th on).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is zero or negative.</exception>
    /// <remarks>
    /// <para><b>OnNext.</b> The value enters a ring buffer of <paramref name="count"/> (dropping the oldest once
    /// full), then a snapshot is emitted: a fresh array, so it stays valid whatever arrives later. That costs one
    /// allocation and one copy of up to <paramref name="count"/> values per value. Memory is bounded by
    /// <paramref name="count"/>.</para>
    /// <para><b>OnError / OnCompleted.</b> Passed on at once (a window is emitted with every value; nothing is
    /// pending). <b>Disposal.</b> Unsubscribes from the source; each subscription has its own buffer.</para>
    /// </remarks>
    public static IObservable<ImmutableArray<T>> SlidingWindow<T>(
        this IObservable<T> source,
        int count,
        bool onlyWhenFull = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Observable.Create<ImmutableArray<T>>(observer =>
            source.Subscribe(new SlidingWindowObserver<T>(observer, count, onlyWhenFull)));
    }

    /// <summary>After each value, emits its key's last up-to-<paramref name="count"/> values, oldest first.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="source">The values.</param>
    /// <param name="keySelector">Gives each value's key (e.g. its symbol).</param>
    /// <param name="count">The window length per key, positive.</param>
    /// <param name="onlyWhenFull">Emit a key's window only once it holds <paramref name="count"/> values; default false.</param>
    /// <param name="maxKeys">The most keys held at once, positive; default unbounded.</param>
    /// <param name="comparer">Compares keys; default <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <returns>The key with an immutable snapshot of its window, one per value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="keySelector"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> or <paramref name="maxKeys"/> is zero or negative.</exception>
    /// <remarks>
    /// <para><b>OnNext.</b> Keys are independent: each has its own ring buffer of <paramref name="count"/>, created on
    /// its first value and kept for the subscription's lifetime. Snapshots are fresh arrays (one allocation and
    /// copy of up to <paramref name="count"/> values per value). Memory is <paramref name="count"/> per key; the number
    /// of keys is the caller's: a value with a new key beyond <paramref name="maxKeys"/>, a null key or a throwing
    /// <paramref name="keySelector"/> ends the sequence with OnError (an
    /// <see cref="InvalidOperationException"/> for too many keys) and unsubscribes.</para>
    /// <para><b>OnError / OnCompleted.</b> Passed on at once; nothing is pending. <b>Disposal.</b> Unsubscribes
    /// from the source and drops the buffers.</para>
    /// </remarks>
    public static IObservable<KeyedWindow<TKey, T>> SlidingWindow<T, TKey>(
        this IObservable<T> source,
        Func<T, TKey> keySelector,
        int count,
        bool onlyWhenFull = false,
        int maxKeys = int.MaxValue,
        IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxKeys);
        return Observable.Create<KeyedWindow<TKey, T>>(observer =>
            source.Subscribe(new KeyedSlidingWindowObserver<T, TKey>(
                observer, keySelector, count, onlyWhenFull, maxKeys, comparer)));
    }
}

using System.Collections.Immutable;

namespace RxTrader.Streams.Windows;

/// <summary>The window of one key after one of its values arrived.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Key">The key whose window changed.</param>
/// <param name="Values">The key's last values, oldest first; an immutable snapshot.</param>
public readonly record struct KeyedWindow<TKey, T>(TKey Key, ImmutableArray<T> Values);

using Microsoft.Reactive.Testing;
using RxTrader.Trading.Caches;

namespace RxTrader.Trading.Tests.Caches;

/// <summary>A cached value: keyed by <see cref="Id"/>.</summary>
internal sealed record Order(string Id, int Quantity);

/// <summary>Builders and comparisons shared by the cache tests.</summary>
internal static class CacheTestData
{
    public static Order O(string id, int quantity) => new(id, quantity);

    public static Change<string, Order> Add(Order current) => new(ChangeReason.Add, current.Id, current);

    public static Change<string, Order> Update(Order current, Order previous) => new(ChangeReason.Update, current.Id, current, previous);

    public static Change<string, Order> Remove(Order removed) => new(ChangeReason.Remove, removed.Id, removed, removed);

    public static ChangeSet<string, Order> Set(params Change<string, Order>[] changes) => new(changes);

    public static ObservableCache<string, Order> NewCache() => new(static order => order.Id);

    /// <summary>The change sets recorded, as arrays, so they compare by value.</summary>
    public static Change<TKey, TValue>[][] Sets<TKey, TValue>(this ITestableObserver<ChangeSet<TKey, TValue>> observer)
        where TKey : notnull =>
        [.. observer.Messages.Where(m => m.Value.Kind == System.Reactive.NotificationKind.OnNext).Select(m => m.Value.Value.ToArray())];

    /// <summary>The recorded notifications without values: time and kind.</summary>
    public static (long Time, System.Reactive.NotificationKind Kind)[] Kinds<T>(this ITestableObserver<T> observer) =>
        [.. observer.Messages.Select(m => (m.Time, m.Value.Kind))];
}

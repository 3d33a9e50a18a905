namespace RxTrader.Trading.Caches;

/// <summary>
/// One queued delivery: a change set (or completion, when <see cref="Changes"/> is null) and the subscribers that were
/// connected when it was made, which is what makes <c>Connect</c> free of gaps and duplicates.
/// </summary>
internal readonly record struct CacheDelivery<TKey, TValue>(ChangeSet<TKey, TValue>? Changes, CacheSubscriber<TKey, TValue>[] Targets)
    where TKey : notnull;

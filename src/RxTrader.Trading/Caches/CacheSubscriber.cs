namespace RxTrader.Trading.Caches;

/// <summary>One <see cref="ObservableCache{TKey, TValue}.Connect()"/> subscription, as the delivery queue sees it.</summary>
internal sealed class CacheSubscriber<TKey, TValue>(IObserver<ChangeSet<TKey, TValue>> observer)
    where TKey : notnull
{
    private volatile bool _detached;

    public IObserver<ChangeSet<TKey, TValue>> Observer { get; } = observer;

    // Deliveries already queued for a disposed subscription are skipped rather than removed from the queue.
    public bool IsDetached => _detached;

    public void Detach() => _detached = true;
}

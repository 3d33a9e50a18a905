namespace RxTrader.Trading.Caches;

/// <summary>What happened to one key of an <see cref="ObservableCache{TKey, TValue}"/>.</summary>
public enum ChangeReason
{
    /// <summary>The key was not in the cache and now is.</summary>
    Add,

    /// <summary>The key was in the cache and its value was replaced (possibly by an equal value).</summary>
    Update,

    /// <summary>The key was in the cache and no longer is.</summary>
    Remove,
}

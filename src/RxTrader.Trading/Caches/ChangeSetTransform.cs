namespace RxTrader.Trading.Caches;

/// <summary>One <c>Transform</c> subscription: remembers each key's projected value for updates and removes.</summary>
internal sealed class ChangeSetTransform<TKey, TValue, TResult>(
    IObserver<ChangeSet<TKey, TResult>> downstream, Func<TValue, TResult> selector)
    : IObserver<ChangeSet<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TResult> _projected = [];

    public void OnNext(ChangeSet<TKey, TValue> value)
    {
        var changes = new List<Change<TKey, TResult>>(value.Count);
        try
        {
            foreach (var change in value)
            {
                var key = change.Key;
                var known = _projected.TryGetValue(key, out var previous);
                if (change.Reason == ChangeReason.Remove)
                {
                    if (known)
                    {
                        _projected.Remove(key);
                        changes.Add(Change<TKey, TResult>.Remove(key, previous!));
                    }

                    continue;
                }

                var current = selector(change.Current);
                _projected[key] = current;
                changes.Add(known ? Change<TKey, TResult>.Update(key, current, previous!) : Change<TKey, TResult>.Add(key, current));
            }
        }
#pragma warning disable CA1031 // A throwing selector ends the stream with OnError, as in Rx's Select.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            downstream.OnError(exception);
            return;
        }

        if (changes.Count > 0)
        {
            downstream.OnNext(new ChangeSet<TKey, TResult>(changes));
        }
    }

    public void OnError(Exception error) => downstream.OnError(error);

    public void OnCompleted() => downstream.OnCompleted();
}

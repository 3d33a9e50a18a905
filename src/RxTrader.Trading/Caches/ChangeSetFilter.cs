namespace RxTrader.Trading.Caches;

/// <summary>One <c>Filter</c> subscription: remembers what downstream holds so updates can cross the filter.</summary>
internal sealed class ChangeSetFilter<TKey, TValue>(IObserver<ChangeSet<TKey, TValue>> downstream, Func<TValue, bool> predicate)
    : IObserver<ChangeSet<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _passed = [];
    private readonly List<Change<TKey, TValue>> _changes = [];

    public void OnNext(ChangeSet<TKey, TValue> value)
    {
        try
        {
            foreach (var change in value)
            {
                Apply(change);
            }
        }
#pragma warning disable CA1031 // A throwing predicate ends the stream with OnError, as in Rx's Where.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _changes.Clear();
            downstream.OnError(exception);
            return;
        }

        if (_changes.Count > 0)
        {
            var changes = _changes.ToArray();
            _changes.Clear();
            downstream.OnNext(ChangeSet<TKey, TValue>.Own(changes));
        }
    }

    public void OnError(Exception error) => downstream.OnError(error);

    public void OnCompleted() => downstream.OnCompleted();

    private void Apply(Change<TKey, TValue> change)
    {
        var key = change.Key;
        var wasIn = _passed.TryGetValue(key, out var seen);
        if (change.Reason == ChangeReason.Remove)
        {
            if (wasIn)
            {
                _passed.Remove(key);
                _changes.Add(Change<TKey, TValue>.Remove(key, seen!));
            }

            return;
        }

        var isIn = predicate(change.Current);
        if (isIn)
        {
            _passed[key] = change.Current;
            _changes.Add(wasIn ? Change<TKey, TValue>.Update(key, change.Current, seen!) : Change<TKey, TValue>.Add(key, change.Current));
        }
        else if (wasIn)
        {
            _passed.Remove(key);
            _changes.Add(Change<TKey, TValue>.Remove(key, seen!));
        }
    }
}

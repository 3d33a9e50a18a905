namespace RxTrader.Host.Metrics;

/// <summary>The identity of one series: its tags (first occurrence of each name kept) and an order-independent
/// hash, so <c>{a, b}</c> and <c>{b, a}</c> land in the same series.</summary>
internal sealed class TagSet
{
    public TagSet(KeyValuePair<string, object?>[] tags, int hash)
    {
        Tags = tags;
        Hash = hash;
    }

    /// <summary>The tags, without duplicate names.</summary>
    public KeyValuePair<string, object?>[] Tags { get; }

    /// <summary>The hash <see cref="TagSetComparer"/> computed for these tags.</summary>
    public int Hash { get; }
}

using System.Diagnostics.CodeAnalysis;

namespace RxTrader.Host.Metrics;

/// <summary>
/// Compares tag sets regardless of order, and compares a measurement's tag span with a stored set without
/// allocating: the alternate lookup is what keeps the record path allocation-free for an existing series.
/// </summary>
internal sealed class TagSetComparer :
    IEqualityComparer<TagSet>,
    IAlternateEqualityComparer<ReadOnlySpan<KeyValuePair<string, object?>>, TagSet>
{
    public static TagSetComparer Instance { get; } = new();

    private TagSetComparer()
    {
    }

    /// <summary>A sum of per-tag hashes: independent of the order the tags came in.</summary>
    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = tags.Length;
        foreach (var tag in tags)
        {
            hash = unchecked(hash + HashCode.Combine(tag.Key, tag.Value));
        }

        return hash;
    }

    public bool Equals(TagSet? x, TagSet? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Hash == y.Hash && Equals(new ReadOnlySpan<KeyValuePair<string, object?>>(x.Tags), y));

    public int GetHashCode([DisallowNull] TagSet obj) => obj.Hash;

    public bool Equals(ReadOnlySpan<KeyValuePair<string, object?>> alternate, TagSet other)
    {
        if (alternate.Length != other.Tags.Length)
        {
            return false;
        }

        // Tag sets are a handful long: a nested scan beats sorting. Each tag of the measurement must be in the set
        // with an equal value; equal lengths (and the hash, checked by the dictionary) make it the same set.
        var stored = other.Tags;
        foreach (var tag in alternate)
        {
            var found = false;
            for (var i = 0; i < stored.Length; i++)
            {
                if (string.Equals(stored[i].Key, tag.Key, StringComparison.Ordinal))
                {
                    found = object.Equals(stored[i].Value, tag.Value);
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => HashOf(alternate);

    /// <summary>Copies the tags (the span belongs to the caller) and drops repeated names, first one wins.</summary>
    public TagSet Create(ReadOnlySpan<KeyValuePair<string, object?>> alternate)
    {
        var tags = new List<KeyValuePair<string, object?>>(alternate.Length);
        foreach (var tag in alternate)
        {
            if (!tags.Exists(t => string.Equals(t.Key, tag.Key, StringComparison.Ordinal)))
            {
                tags.Add(tag);
            }
        }

        var array = tags.ToArray();
        return new TagSet(array, HashOf(array));
    }
}

namespace RxTrader.Host.Metrics;

/// <summary>The state the listener hands back with every measurement of one instrument: its family, the tags of the
/// instrument and its meter (added to every measurement's), and the cached tag-less series.</summary>
internal sealed class InstrumentBinding
{
    // Measurement tags plus constant tags are joined in a per-thread buffer: no allocation per measurement.
    [ThreadStatic]
    private static KeyValuePair<string, object?>[]? _joined;

    private readonly KeyValuePair<string, object?>[] _constantTags;
    private MetricSeries? _untagged;

    public InstrumentBinding(MetricFamily family, KeyValuePair<string, object?>[] constantTags)
    {
        Family = family;
        _constantTags = constantTags;
    }

    /// <summary>The family the instrument's measurements go to.</summary>
    public MetricFamily Family { get; }

    /// <summary>Applies one measurement.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        MetricSeries? series;
        if (_constantTags.Length == 0)
        {
            series = tags.IsEmpty ? _untagged ??= Family.GetSeries(default) : Family.GetSeries(tags);
        }
        else
        {
            series = GetJoined(tags);
        }

        if (series is not null)
        {
            Family.Record(series, value);
        }
    }

    private MetricSeries? GetJoined(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return _untagged ??= Family.GetSeries(_constantTags);
        }

        var length = tags.Length + _constantTags.Length;
        var buffer = _joined;
        if (buffer is null || buffer.Length < length)
        {
            buffer = _joined = new KeyValuePair<string, object?>[Math.Max(length, 8)];
        }

        // Measurement tags first: on a name clash the measurement's value wins.
        tags.CopyTo(buffer);
        _constantTags.CopyTo(buffer.AsSpan(tags.Length));
        try
        {
            return Family.GetSeries(buffer.AsSpan(0, length));
        }
        finally
        {
            // Do not keep tag values alive from a thread-static buffer.
            buffer.AsSpan(0, length).Clear();
        }
    }
}

namespace RxTrader.Engine.Recording;

/// <summary>Options of <see cref="RecordingWriter"/>.</summary>
public sealed record RecordingWriterOptions
{
    /// <summary>The directory the files are written to (created if missing).</summary>
    public required string Directory { get; init; }

    /// <summary>Free text stored in every file's header (e.g. the command line or the feed's endpoint).</summary>
    /// <value>Default empty.</value>
    public string Source { get; init; } = "";

    /// <summary>A file is closed and a new one started once its compressed size reaches this.</summary>
    /// <value>Default 64 MiB.</value>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A file is closed and a new one started once it is this old (checked on each write and each flush tick).</summary>
    /// <value>Default 1 hour.</value>
    public TimeSpan MaxFileAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often buffered data is pushed to the OS (a gzip sync flush): a killed process loses at most this much.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Directory, nameof(Directory));
        ArgumentNullException.ThrowIfNull(Source, nameof(Source));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFileBytes, 1024, nameof(MaxFileBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxFileAge, TimeSpan.Zero, nameof(MaxFileAge));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FlushInterval, TimeSpan.Zero, nameof(FlushInterval));
    }
}

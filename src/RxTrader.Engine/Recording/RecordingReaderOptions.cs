namespace RxTrader.Engine.Recording;

/// <summary>Options of <see cref="RecordingReader"/>.</summary>
public sealed record RecordingReaderOptions
{
    /// <summary>Skip (and count) complete lines that do not parse instead of throwing.</summary>
    /// <value>Default <see langword="false"/>: a corrupt line is a <see cref="RecordingReadException"/> naming file and line.</value>
    public bool SkipCorruptLines { get; init; }

    /// <summary>The longest line accepted; longer is a corrupt line (bounds the reader's memory).</summary>
    /// <value>Default 16 MiB.</value>
    public int MaxLineBytes { get; init; } = 16 * 1024 * 1024;

    internal void Validate() => ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineBytes, 64, nameof(MaxLineBytes));
}

namespace RxTrader.Engine.Recording;

/// <summary>What a <see cref="RecordingReader"/> has read so far; complete once enumeration has ended.</summary>
public sealed class RecordingReadReport
{
    /// <summary>Files opened, in reading order.</summary>
    public List<string> Files { get; } = [];

    /// <summary>Events returned.</summary>
    public long Events { get; internal set; }

    /// <summary>Corrupt lines skipped (only with <see cref="RecordingReaderOptions.SkipCorruptLines"/>).</summary>
    public long SkippedLines { get; internal set; }

    /// <summary>Where reading stopped on a damaged tail, or <see langword="null"/> when every file ended cleanly.</summary>
    public RecordingDamage? Damage { get; internal set; }
}

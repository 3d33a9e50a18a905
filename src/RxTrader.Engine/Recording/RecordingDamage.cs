namespace RxTrader.Engine.Recording;

/// <summary>Where reading stopped because a file's tail is damaged (a killed writer, a cut copy).</summary>
/// <param name="FilePath">The damaged file.</param>
/// <param name="Line">The 1-based line number of the first line that could not be read.</param>
/// <param name="ByteOffset">The offset of that line's start in the file's decompressed (NDJSON) bytes.</param>
/// <param name="Reason">What was found: a partial last line, a damaged compressed stream, or no end marker.</param>
public sealed record RecordingDamage(string FilePath, long Line, long ByteOffset, string Reason);

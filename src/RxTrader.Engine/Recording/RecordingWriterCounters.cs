namespace RxTrader.Engine.Recording;

/// <summary>A snapshot of a <see cref="RecordingWriter"/>'s counters.</summary>
/// <param name="Events">Events written.</param>
/// <param name="Bytes">Uncompressed NDJSON bytes written (headers and end markers included).</param>
/// <param name="Files">Files started.</param>
/// <param name="Flushes">Sync flushes that pushed data to the OS.</param>
/// <param name="Dropped">Events not written: after disposal or because the disk refused them (see <see cref="RecordingWriter.LastError"/>).</param>
public readonly record struct RecordingWriterCounters(long Events, long Bytes, long Files, long Flushes, long Dropped);

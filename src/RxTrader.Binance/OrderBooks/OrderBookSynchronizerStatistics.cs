namespace RxTrader.Binance.OrderBooks;

/// <summary>Counters of an <see cref="OrderBookSynchronizer"/> since it was created, read as one consistent copy.</summary>
/// <param name="UpdatesApplied">Diffs applied to the book.</param>
/// <param name="UpdatesIgnored">Diffs ignored: already covered by the book or buffer (duplicates, late or old
/// events), received while disconnected, or for another symbol.</param>
/// <param name="OverlappingUpdates">Applied diffs whose first id was at or below the book's id (the straddling first
/// diff after a snapshot, or an overlap); their absolute quantities make re-applying the overlap harmless.</param>
/// <param name="Gaps">Diffs that skipped update ids, each followed by a resync.</param>
/// <param name="Resyncs">Times the procedure restarted for any reason other than a disconnect.</param>
/// <param name="SnapshotRequests">Snapshot requests started.</param>
/// <param name="SnapshotFailures">Snapshot requests that failed or were cancelled by the fetch function.</param>
/// <param name="StaleSnapshots">Snapshots older than the first buffered diff, which were fetched again.</param>
/// <param name="BufferOverflows">Times the buffer overflowed while waiting for a snapshot.</param>
/// <param name="CrossedChecks">Sanity checks that found the synced book crossed.</param>
public readonly record struct OrderBookSynchronizerStatistics(
    long UpdatesApplied,
    long UpdatesIgnored,
    long OverlappingUpdates,
    long Gaps,
    long Resyncs,
    long SnapshotRequests,
    long SnapshotFailures,
    long StaleSnapshots,
    long BufferOverflows,
    long CrossedChecks);

namespace RxTrader.Binance.OrderBooks;

public sealed partial class OrderBookSynchronizer
{
    private Counters _counters;

    /// <summary>The mutable counters behind <see cref="OrderBookSynchronizerStatistics"/>, changed under the gate.</summary>
    private struct Counters
    {
        public long Applied;
        public long Ignored;
        public long Overlapping;
        public long Gaps;
        public long Resyncs;
        public long SnapshotRequests;
        public long SnapshotFailures;
        public long StaleSnapshots;
        public long BufferOverflows;
        public long CrossedChecks;

        public readonly OrderBookSynchronizerStatistics ToStatistics() => new(
            Applied, Ignored, Overlapping, Gaps, Resyncs, SnapshotRequests, SnapshotFailures, StaleSnapshots,
            BufferOverflows, CrossedChecks);
    }
}

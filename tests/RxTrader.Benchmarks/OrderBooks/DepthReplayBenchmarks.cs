using BenchmarkDotNet.Attributes;

namespace RxTrader.Benchmarks.OrderBooks;

/// <summary>
/// A whole recording through the synchronizer. Set <c>RXTRADER_DEPTH_FILES=&lt;snapshot.json&gt;;&lt;updates.jsonl&gt;</c>
/// to replay recorded Binance data (see the data folder's SOURCES.md); otherwise a seeded synthetic recording of
/// 1,000 diffs is used. The setup prints whether the book synced and stayed synced.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class DepthReplayBenchmarks
{
    private DepthRecording _recording = null!;

    [GlobalSetup]
    public void Setup()
    {
        var files = Environment.GetEnvironmentVariable("RXTRADER_DEPTH_FILES")?.Split(';');
        _recording = files is [var snapshot, var updates] ? DepthRecording.Load(snapshot, updates) : DepthRecording.Synthetic(1000);
        var outcome = DepthReplay.Run(_recording);
        Console.WriteLine($"// Replay of {_recording.Updates.Length} diffs, snapshot {_recording.Snapshot.LastUpdateId}:");
        foreach (var status in outcome.Statuses)
        {
            Console.WriteLine($"//   {status.Time:HH:mm:ss.fff} {status.State} {status.Reason} {status.MissingFirstUpdateId}-{status.MissingLastUpdateId} {status.Detail}");
        }

        Console.WriteLine($"//   {outcome.Statistics}");
        Console.WriteLine($"//   tops emitted {outcome.TopsEmitted}, final top {outcome.FinalTop}");
    }

    /// <summary>Connect, buffer, snapshot, drop, straddle and every continuous diff, with a top-of-book observer.</summary>
    [Benchmark]
    public int Replay() => DepthReplay.Run(_recording).TopsEmitted;
}

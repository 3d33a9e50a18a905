using System.Reactive.Concurrency;
using System.Text;
using BenchmarkDotNet.Attributes;
using RxTrader.Engine.Recording;

namespace RxTrader.Benchmarks;

/// <summary>
/// Recorder throughput for ~200-byte trade frames: writing (JSON line + gzip, one file per invocation) and reading back
/// (gunzip + line split + parse into <see cref="RecordedFrame"/>). One operation = one frame.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RecordingBenchmarks : IDisposable
{
    private const int Frames = 200_000;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly HistoricalScheduler _scheduler = new(Start);
    private byte[][] _payloads = [];
    private string _writeDir = string.Empty;
    private string _readDir = string.Empty;

    /// <summary>Builds the frames and a recording to read.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _payloads = new byte[1024][];
        for (var i = 0; i < _payloads.Length; i++)
        {
            _payloads[i] = Encoding.UTF8.GetBytes(
                $$"""{"stream":"btcusdt@trade","data":{"e":"trade","E":{{1_767_225_600_000L + i}},"s":"BTCUSDT","t":{{4_000_000_000L + i}},"p":"{{random.Next(90_000, 110_000)}}.{{random.Next(100):D2}}000000","q":"0.{{random.Next(1_000_000):D6}}00","T":{{1_767_225_600_000L + i}},"m":{{(random.Next(2) == 0 ? "true" : "false")}},"M":true}""" + "}");
        }

        _writeDir = Path.Combine(Path.GetTempPath(), $"rxtrader-rec-bench-w-{Guid.NewGuid():N}");
        _readDir = Path.Combine(Path.GetTempPath(), $"rxtrader-rec-bench-r-{Guid.NewGuid():N}");
        using var writer = new RecordingWriter(new RecordingWriterOptions { Directory = _readDir }, _scheduler);
        WriteAll(writer);
    }

    /// <summary>Deletes the files.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        foreach (var dir in new[] { _writeDir, _readDir })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Write one frame (UTF-8 bytes in) to a gzip NDJSON file.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public long Write()
    {
        var dir = Path.Combine(_writeDir, Guid.NewGuid().ToString("N"));
        using var writer = new RecordingWriter(new RecordingWriterOptions { Directory = dir }, _scheduler);
        WriteAll(writer);
        var bytes = writer.Counters.Bytes;
        writer.Dispose();
        Directory.Delete(dir, recursive: true);
        return bytes;
    }

    /// <summary>Read one frame back as a <see cref="RecordedFrame"/>.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public long Read()
    {
        long length = 0;
        foreach (var e in new RecordingReader(_readDir).ReadEvents())
        {
            length += ((RecordedFrame)e).Payload.Length;
        }

        return length;
    }

    private void WriteAll(RecordingWriter writer)
    {
        for (var i = 0; i < Frames; i++)
        {
            writer.WriteFrame("btcusdt@trade", Start.AddTicks(i * 10L), _payloads[i & 1023]);
        }
    }
}

using System.IO.Compression;
using System.Text;
using Microsoft.Reactive.Testing;
using RxTrader.Core.Connectivity;
using RxTrader.Engine.Recording;

namespace RxTrader.Engine.Tests.Recording;

public sealed class RecordingWriterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly RecordingTestDirectory _dir = new();
    private readonly TestScheduler _scheduler = new();

    public RecordingWriterTests() => _scheduler.AdvanceTo(Start.UtcTicks);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new RecordingWriter(null!, _scheduler));
        Should.Throw<ArgumentNullException>(() => new RecordingWriter(Options(), null!));
        Should.Throw<ArgumentException>(() => new RecordingWriter(Options() with { Directory = " " }, _scheduler));
        Should.Throw<ArgumentOutOfRangeException>(() => new RecordingWriter(Options() with { MaxFileBytes = 10 }, _scheduler));
        Should.Throw<ArgumentOutOfRangeException>(() => new RecordingWriter(Options() with { MaxFileAge = TimeSpan.Zero }, _scheduler));
        Should.Throw<ArgumentOutOfRangeException>(() => new RecordingWriter(Options() with { FlushInterval = TimeSpan.Zero }, _scheduler));
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = Options();
        options.MaxFileBytes.ShouldBe(64L * 1024 * 1024);
        options.MaxFileAge.ShouldBe(TimeSpan.FromHours(1));
        options.FlushInterval.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void WriteOrderEvent_NotAJsonObject_Throws()
    {
        using var writer = new RecordingWriter(Options(), _scheduler);
        Should.Throw<ArgumentException>(() => writer.WriteOrderEvent(Start, "venue", "request", "[1,2]"));
        Should.Throw<ArgumentException>(() => writer.WriteOrderEvent(Start, "venue", "request", "{\"a\":1} x"));
        Should.Throw<ArgumentException>(() => writer.WriteOrderEvent(Start, "venue", "request", "{\"a\":"));
        Should.Throw<ArgumentException>(() => writer.WriteOrderEvent(Start, "venue", " ", "{}"));
        writer.Counters.Events.ShouldBe(0);
    }

    [Fact]
    public void FirstWrite_CreatesSortableFileName_FromSchedulerTime()
    {
        using var writer = new RecordingWriter(Options(), _scheduler);
        _dir.Files().ShouldBeEmpty();

        writer.WriteFrame("btcusdt@trade", Start, "{}");

        Path.GetFileName(writer.CurrentFile).ShouldBe("rec-20261128T100000Z-000001.ndjson.gz");
    }

    [Fact]
    public void Rotation_BySize_StartsNewFiles_AndReadsBackInOrder()
    {
        var random = new Random(7);
        var payloads = Enumerable.Range(0, 3000).Select(i => RandomPayload(random, i)).ToArray();
        using (var writer = new RecordingWriter(Options() with { MaxFileBytes = 16 * 1024 }, _scheduler))
        {
            for (var i = 0; i < payloads.Length; i++)
            {
                writer.WriteFrame("s", Start.AddMilliseconds(i), payloads[i]);
            }

            writer.Counters.Files.ShouldBeGreaterThan(5);
        }

        var files = _dir.Files();
        files.Length.ShouldBeGreaterThan(5);
        foreach (var file in files[..^1])
        {
            new FileInfo(file).Length.ShouldBeGreaterThanOrEqualTo(16 * 1024);
        }

        var reader = new RecordingReader(_dir.Path);
        reader.ReadEvents().Cast<RecordedFrame>().Select(f => f.Payload).ShouldBe(payloads);
        reader.Report.Damage.ShouldBeNull();
        reader.Report.Files.Count.ShouldBe(files.Length);
    }

    [Fact]
    public void Rotation_ByAge_OnWrite_AndOnIdleTick()
    {
        using var writer = new RecordingWriter(Options() with { MaxFileAge = TimeSpan.FromMinutes(60) }, _scheduler);
        writer.WriteFrame("s", _scheduler.Now, "a");
        _scheduler.AdvanceBy(TimeSpan.FromMinutes(59).Ticks);
        writer.WriteFrame("s", _scheduler.Now, "b");
        writer.Counters.Files.ShouldBe(1);

        // The tick at 60 min closes the idle-aged file; the next write opens the second.
        _scheduler.AdvanceBy(TimeSpan.FromMinutes(1).Ticks);
        writer.CurrentFile.ShouldBeNull();
        writer.WriteFrame("s", _scheduler.Now, "c");
        writer.Counters.Files.ShouldBe(2);
        Path.GetFileName(writer.CurrentFile).ShouldBe("rec-20261128T110000Z-000002.ndjson.gz");

        var reader = new RecordingReader(_dir.Files()[0]);
        reader.ReadEvents().Cast<RecordedFrame>().Select(f => f.Payload).ShouldBe(["a", "b"]);
        reader.Report.Damage.ShouldBeNull();
    }

    [Fact]
    public void Rotation_ByAge_CheckedOnWrite_BetweenTicks()
    {
        using var writer = new RecordingWriter(
            Options() with { MaxFileAge = TimeSpan.FromSeconds(90), FlushInterval = TimeSpan.FromMinutes(10) }, _scheduler);
        writer.WriteFrame("s", _scheduler.Now, "a");
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(90).Ticks);
        writer.WriteFrame("s", _scheduler.Now, "b");
        writer.Counters.Files.ShouldBe(2);
    }

    [Fact]
    public void Flush_EverySecondInVirtualTime_MakesWrittenEventsReadable()
    {
        using var writer = new RecordingWriter(Options(), _scheduler);
        writer.WriteFrame("s", _scheduler.Now, "first");
        var file = writer.CurrentFile!;

        // Before the tick everything is in the compressor: a kill now loses it.
        var before = new RecordingReader(file);
        before.ReadEvents().ShouldBeEmpty();
        before.Report.Damage.ShouldNotBeNull();
        writer.Counters.Flushes.ShouldBe(0);

        _scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        writer.Counters.Flushes.ShouldBe(1);
        var after = new RecordingReader(file);
        after.ReadEvents().Cast<RecordedFrame>().Single().Payload.ShouldBe("first");
        after.Report.Damage.ShouldBe(new RecordingDamage(file, 3, after.Report.Damage!.ByteOffset, "no end marker (the writer did not close the file)"));

        // Idle seconds do not flush again.
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(5).Ticks);
        writer.Counters.Flushes.ShouldBe(1);
        writer.WriteFrame("s", _scheduler.Now, "second");
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        writer.Counters.Flushes.ShouldBe(2);
        new RecordingReader(file).ReadEvents().Count().ShouldBe(2);
    }

    [Fact]
    public void Dispose_ClosesFile_StopsTicks_AndCountsLaterWritesAsDropped()
    {
        var writer = new RecordingWriter(Options(), _scheduler);
        writer.WriteFrame("s", _scheduler.Now, "a");
        writer.Dispose();
        writer.Dispose();

        writer.WriteFrame("s", _scheduler.Now, "b");
        writer.WriteConnectionEvent(new Connected(_scheduler.Now, "s"));
        _scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);

        writer.Counters.ShouldBe(new RecordingWriterCounters(1, writer.Counters.Bytes, 1, 0, 2));
        writer.CurrentFile.ShouldBeNull();
        var reader = new RecordingReader(_dir.Path);
        reader.ReadEvents().Count().ShouldBe(1);
        reader.Report.Damage.ShouldBeNull();
    }

    [Fact]
    public void Counters_Bytes_AreTheUncompressedNdjsonBytes()
    {
        using (var writer = new RecordingWriter(Options(), _scheduler))
        {
            writer.WriteFrame("s", _scheduler.Now, "abc");
            writer.WriteFrame("s", _scheduler.Now, "de");
            writer.Dispose();
            using var gzip = new GZipStream(File.OpenRead(_dir.Files()[0]), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            writer.Counters.Bytes.ShouldBe(plain.Length);
            Encoding.UTF8.GetString(plain.ToArray()).Split('\n').Length.ShouldBe(5); // header, 2 frames, end marker, ""
        }
    }

    [Fact]
    public void DiskError_IsCountedAsDropped_NotThrown_AndTheNextWriteRetries()
    {
        var dir = Path.Combine(_dir.Path, "gone");
        using var writer = new RecordingWriter(Options() with { Directory = dir }, _scheduler);
        Directory.Delete(dir);

        writer.WriteFrame("s", _scheduler.Now, "lost");

        writer.Counters.Dropped.ShouldBe(1);
        writer.Counters.Events.ShouldBe(0);
        writer.LastError.ShouldBeAssignableTo<IOException>();

        Directory.CreateDirectory(dir);
        writer.WriteFrame("s", _scheduler.Now, "kept");
        writer.Counters.Events.ShouldBe(1);
    }

    [Fact]
    public void ConcurrentProducers_LinesAreNeverInterleaved_AndEachProducerKeepsItsOrder()
    {
        using (var writer = new RecordingWriter(Options() with { MaxFileBytes = 8 * 1024 }, _scheduler))
        {
            Parallel.For(0, 4, p =>
            {
                for (var i = 0; i < 2000; i++)
                {
                    writer.WriteFrame($"p{p}", Start, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            });
            writer.Counters.Events.ShouldBe(8000);
        }

        var frames = new RecordingReader(_dir.Path).ReadEvents().Cast<RecordedFrame>().ToList();
        frames.Count.ShouldBe(8000);
        foreach (var group in frames.GroupBy(f => f.Stream))
        {
            group.Select(f => int.Parse(f.Payload, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(Enumerable.Range(0, 2000));
        }
    }

    [Fact]
    public void TwoWritersInTheSameSecond_DoNotOverwriteEachOther()
    {
        using var first = new RecordingWriter(Options(), _scheduler);
        using var second = new RecordingWriter(Options(), _scheduler);
        first.WriteFrame("s", _scheduler.Now, "a");
        second.WriteFrame("s", _scheduler.Now, "b");
        first.CurrentFile.ShouldNotBe(second.CurrentFile);
    }

    internal static string RandomPayload(Random random, int i)
    {
        var price = (random.Next(1, 10_000_000) / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $$"""{"e":"trade","E":{{1_700_000_000_000L + i}},"s":"BTCUSDT","t":{{random.Next()}},"p":"{{price}}","q":"{{random.NextDouble():F8}}","T":{{1_700_000_000_000L + i}},"m":{{(random.Next(2) == 0 ? "true" : "false")}},"M":true}""";
    }

    private RecordingWriterOptions Options() => new() { Directory = _dir.Path, Source = "tests" };
}

using System.IO.Compression;
using System.Text;
using Microsoft.Reactive.Testing;
using RxTrader.Core.Connectivity;
using RxTrader.Engine.Recording;

namespace RxTrader.Engine.Tests.Recording;

public sealed class RecordingReaderTests : IDisposable
{
    private const string Header = """{"format":"rxtrader-recording","version":1,"created":"2026-11-28T10:00:00.000000Z","source":""}""";
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly RecordingTestDirectory _dir = new();
    private readonly TestScheduler _scheduler = new();

    public RecordingReaderTests() => _scheduler.AdvanceTo(Start.UtcTicks);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void RoundTrip_EveryKind_ExactMicrosecondTimesAndText()
    {
        var t = Start.AddTicks(1_234_567_890); // 123.456789 s: microsecond precision, no sub-µs ticks
        RecordedEvent[] events =
        [
            new RecordedFrame(t, "btcusdt@trade", """{"e":"trade","s":"BTCUSDT","p":"0.10","x":"quote \" back \\ tab \t nl \n ü € 𝄞 \u0001"}"""),
            new RecordedFrame(t.AddTicks(10), "", ""),
            new RecordedConnectionEvent(new Connected(t, "binance")),
            new RecordedConnectionEvent(new Disconnected(t, "binance", DisconnectReason.TransportError, "reset by peer")),
            new RecordedConnectionEvent(new Disconnected(t, "binance", DisconnectReason.ServerShutdown)),
            new RecordedConnectionEvent(new Reconnecting(t, "binance", 3, TimeSpan.FromMilliseconds(1500.25))),
            new RecordedConnectionEvent(new Gap(t, "binance", Start, t)),
            new RecordedConnectionEvent(new Stale(t, "binance", Start.AddTicks(70))),
            new RecordedConnectionEvent(new Stale(t, "binance", null)),
            new RecordedConnectionEvent(new Fresh(t, "binance", TimeSpan.FromTicks(120_000_010))),
            new RecordedOrderEvent(t, "paper", "request", """{"symbol":"BTCUSDT","side":"BUY","qty":"0.001","nested":{"a":[1,2,{"b":null}]}}"""),
            new RecordedOrderEvent(t, "paper", "response", "{}"),
        ];
        using (var writer = new RecordingWriter(new RecordingWriterOptions { Directory = _dir.Path }, _scheduler))
        {
            foreach (var e in events)
            {
                Write(writer, e);
            }
        }

        var reader = new RecordingReader(_dir.Path);
        reader.ReadEvents().ToArray().ShouldBe(events);
        reader.Report.Events.ShouldBe(events.Length);
        reader.Report.Damage.ShouldBeNull();
    }

    [Fact]
    public void RoundTrip_Utf8Bytes_AreUnchanged_AndSubMicrosecondTicksAreTruncated()
    {
        var payload = Encoding.UTF8.GetBytes("""{"s":"ÉTHUSDT","note":"\"quoted\" \\ 日本"}""");
        using (var writer = new RecordingWriter(new RecordingWriterOptions { Directory = _dir.Path }, _scheduler))
        {
            writer.WriteFrame("eth", Start.AddTicks(12_345_678_9), payload);
        }

        var frame = new RecordingReader(_dir.Path).ReadEvents().Cast<RecordedFrame>().Single();
        Encoding.UTF8.GetBytes(frame.Payload).ShouldBe(payload);
        frame.Time.ShouldBe(Start.AddTicks(12_345_678_0));
        frame.Time.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Constructor_MissingPath_EmptyDirectory_Throw()
    {
        var missing = Path.Combine(_dir.Path, "nope");
        Should.Throw<RecordingReadException>(() => new RecordingReader(missing)).Message.ShouldContain(missing);
        Should.Throw<RecordingReadException>(() => new RecordingReader(_dir.Path)).Message.ShouldContain("No recording files");
        File.WriteAllText(Path.Combine(_dir.Path, "notes.txt"), "x");
        Should.Throw<RecordingReadException>(() => new RecordingReader(_dir.Path)).FilePath.ShouldBe(_dir.Path);
        Should.Throw<ArgumentException>(() => new RecordingReader(""));
        Should.Throw<ArgumentOutOfRangeException>(() => new RecordingReader(_dir.Path, new RecordingReaderOptions { MaxLineBytes = 1 }));
    }

    [Theory]
    [InlineData("""{"format":"other","version":1}""", "unknown format 'other'")]
    [InlineData("""{"format":"rxtrader-recording","version":2}""", "unsupported rxtrader-recording version 2")]
    [InlineData("""{"k":"f","t":1,"s":"a","p":"b"}""", "unknown format ''")]
    [InlineData("hello", "not JSON")]
    public void UnknownHeader_Throws_NamingFile(string header, string expected)
    {
        var file = WriteGzip("rec-20261128T100000Z-000001.ndjson.gz", header + "\n{\"k\":\"end\",\"events\":0}\n");
        var e = Should.Throw<RecordingReadException>(() => new RecordingReader(file).ReadEvents().ToList());
        e.Message.ShouldContain(expected);
        e.Message.ShouldContain(file);
        e.Line.ShouldBe(1);
    }

    [Fact]
    public void NotGzip_Throws_NamingFile()
    {
        var file = Path.Combine(_dir.Path, "rec-20261128T100000Z-000001.ndjson.gz");
        File.WriteAllText(file, Header + "\n");
        var e = Should.Throw<RecordingReadException>(() => new RecordingReader(file).ReadEvents().ToList());
        e.Message.ShouldContain("not gzip-compressed");
        e.FilePath.ShouldBe(file);
    }

    [Theory]
    [InlineData("""{"k":"f","t":1,"s":"a"}""", "missing field 'p'")]
    [InlineData("""{"k":"zz","t":1,"s":"a"}""", "unknown record kind 'zz'")]
    [InlineData("""{"k":"f","t":"x","s":"a","p":"b"}""", "wrong type")]
    [InlineData("""{"k":"f","t":1,"s":"a","p":"b"} {}""", "after the JSON object")]
    [InlineData("""{"k":"d","t":1,"s":"a","r":"Banana"}""", "unknown disconnect reason 'Banana'")]
    [InlineData("garbage", "invalid JSON")]
    [InlineData("", "invalid JSON")]
    public void CorruptMiddleLine_Throws_NamingFileAndLine(string line, string expected)
    {
        var file = WriteGzip(
            "rec-20261128T100000Z-000001.ndjson.gz",
            Header + "\n" + """{"k":"f","t":1,"s":"a","p":"one"}""" + "\n" + line + "\n" + """{"k":"f","t":2,"s":"a","p":"two"}""" + "\n" + """{"k":"end","events":3}""" + "\n");

        var read = new List<RecordedEvent>();
        var e = Should.Throw<RecordingReadException>(() => read.AddRange(new RecordingReader(file).ReadEvents()));
        e.Line.ShouldBe(3);
        e.FilePath.ShouldBe(file);
        e.Message.ShouldContain($"'{file}' at line 3");
        e.Message.ShouldContain(expected);
        read.Count.ShouldBe(1);

        var skipping = new RecordingReader(file, new RecordingReaderOptions { SkipCorruptLines = true });
        skipping.ReadEvents().Cast<RecordedFrame>().Select(f => f.Payload).ShouldBe(["one", "two"]);
        skipping.Report.SkippedLines.ShouldBe(1);
        skipping.Report.Damage.ShouldBeNull();
    }

    [Fact]
    public void LineLongerThanTheLimit_IsACorruptLine()
    {
        var file = WriteGzip(
            "rec-20261128T100000Z-000001.ndjson.gz",
            Header + "\n" + """{"k":"f","t":1,"s":"a","p":"" """.TrimEnd() + new string('x', 100_000) + "\"}\n");
        var e = Should.Throw<RecordingReadException>(() => new RecordingReader(file, new RecordingReaderOptions { MaxLineBytes = 70_000 }).ReadEvents().ToList());
        e.Line.ShouldBe(2);
        e.Message.ShouldContain("longer than 70000 bytes");
    }

    [Fact]
    public void Truncated_AtManyOffsets_ReadsAPrefix_AndReportsWhereItStopped()
    {
        var random = new Random(11);
        var payloads = Enumerable.Range(0, 4000).Select(i => RecordingWriterTests.RandomPayload(random, i)).ToArray();
        using (var writer = new RecordingWriter(new RecordingWriterOptions { Directory = _dir.Path }, _scheduler))
        {
            for (var i = 0; i < payloads.Length; i++)
            {
                writer.WriteFrame("s", _scheduler.Now, payloads[i]);
                if (i % 500 == 0)
                {
                    _scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks); // sync flush points inside the stream
                }
            }
        }

        var original = File.ReadAllBytes(_dir.Files()[0]);
        var plain = Decompress(original);
        var lineStarts = LineStarts(plain);
        var cutDir = Path.Combine(_dir.Path, "cut");
        Directory.CreateDirectory(cutDir);
        int[] offsets = [0, 1, 5, 10, 20, 100, 1000, original.Length / 7, original.Length / 3, original.Length / 2, (original.Length * 9) / 10, original.Length - 40];
        var longest = 0;
        foreach (var cut in offsets.Concat(Enumerable.Range(0, 20).Select(_ => random.Next(original.Length - 40))))
        {
            var file = Path.Combine(cutDir, $"rec-20261128T100000Z-{cut:D6}.ndjson.gz");
            File.WriteAllBytes(file, original[..cut]);

            var reader = new RecordingReader(file);
            var read = reader.ReadEvents().Cast<RecordedFrame>().Select(f => f.Payload).ToArray();

            read.ShouldBe(payloads[..read.Length], $"cut at {cut}");
            var damage = reader.Report.Damage.ShouldNotBeNull($"cut at {cut}");
            damage.FilePath.ShouldBe(file);
            if (read.Length > 0 || damage.Line != 1)
            {
                damage.Line.ShouldBe(read.Length + 2, $"cut at {cut}"); // line 1 is the header
            }

            damage.ByteOffset.ShouldBe(lineStarts[(int)damage.Line - 1], $"cut at {cut}");
            reader.Report.Events.ShouldBe(read.Length);
            longest = Math.Max(longest, read.Length);
        }

        longest.ShouldBeGreaterThan(3000); // a late cut keeps almost everything
    }

    [Fact]
    public void Truncated_MiddleFileOfADirectory_StopsThere()
    {
        using (var writer = new RecordingWriter(new RecordingWriterOptions { Directory = _dir.Path, MaxFileAge = TimeSpan.FromSeconds(10) }, _scheduler))
        {
            for (var i = 0; i < 30; i++)
            {
                writer.WriteFrame("s", _scheduler.Now, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
            }
        }

        var files = _dir.Files();
        files.Length.ShouldBe(3);
        var bytes = File.ReadAllBytes(files[1]);
        File.WriteAllBytes(files[1], bytes[..(bytes.Length - 30)]);

        var reader = new RecordingReader(_dir.Path);
        var read = reader.ReadEvents().ToList();
        read.Count.ShouldBeGreaterThanOrEqualTo(10);
        read.Count.ShouldBeLessThanOrEqualTo(20); // the cut took the end marker, maybe frames too
        read.Count.ShouldBeLessThan(30);
        reader.Report.Damage!.FilePath.ShouldBe(files[1]);
        reader.Report.Files.ShouldBe(files[..2]);
    }

    [Fact]
    public void RoundTrip_ManyStreamNames_MoreThanTheNameCacheHolds()
    {
        var streams = Enumerable.Range(0, 100).Select(i => $"s{i % 45}@trade").ToArray();
        using (var writer = new RecordingWriter(new RecordingWriterOptions { Directory = _dir.Path }, _scheduler))
        {
            foreach (var stream in streams)
            {
                writer.WriteFrame(stream, Start, "x");
            }
        }

        new RecordingReader(_dir.Path).ReadEvents().Cast<RecordedFrame>().Select(f => f.Stream).ShouldBe(streams);
    }

    [Fact]
    public void ReadEvents_Twice_StartsANewReport()
    {
        using (var writer = new RecordingWriter(new RecordingWriterOptions { Directory = _dir.Path }, _scheduler))
        {
            writer.WriteFrame("s", Start, "a");
        }

        var reader = new RecordingReader(_dir.Path);
        reader.ReadEvents().Count().ShouldBe(1);
        var first = reader.Report;
        reader.ReadEvents().Count().ShouldBe(1);
        reader.Report.ShouldNotBeSameAs(first);
        reader.Report.Events.ShouldBe(1);
    }

    private static void Write(RecordingWriter writer, RecordedEvent e)
    {
        switch (e)
        {
            case RecordedFrame f:
                writer.WriteFrame(f.Stream, f.Time, f.Payload);
                break;
            case RecordedConnectionEvent c:
                writer.WriteConnectionEvent(c.Event);
                break;
            case RecordedOrderEvent o:
                writer.WriteOrderEvent(o.Time, o.Source, o.Kind, o.Json);
                break;
            default:
                throw new InvalidOperationException();
        }
    }

    private static byte[] Decompress(byte[] gz)
    {
        using var gzip = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    private static List<long> LineStarts(byte[] plain)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < plain.Length; i++)
        {
            if (plain[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private string WriteGzip(string name, string text)
    {
        var file = Path.Combine(_dir.Path, name);
        using var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return file;
    }
}

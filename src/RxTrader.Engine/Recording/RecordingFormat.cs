using System.Text.Encodings.Web;
using System.Text.Json;

namespace RxTrader.Engine.Recording;

/// <summary>The NDJSON vocabulary shared by the writer and the reader (see README.md).</summary>
internal static class RecordingFormat
{
    public const string Name = "rxtrader-recording";
    public const int Version = 1;
    public const string FilePattern = "rec-*.ndjson.gz";

    public static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
    public static readonly JsonEncodedText VersionName = JsonEncodedText.Encode("version");
    public static readonly JsonEncodedText Created = JsonEncodedText.Encode("created");
    public static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("k");
    public static readonly JsonEncodedText Time = JsonEncodedText.Encode("t");
    public static readonly JsonEncodedText Stream = JsonEncodedText.Encode("s");
    public static readonly JsonEncodedText Payload = JsonEncodedText.Encode("p");
    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("r");
    public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("x");
    public static readonly JsonEncodedText Attempt = JsonEncodedText.Encode("a");
    public static readonly JsonEncodedText Delay = JsonEncodedText.Encode("dl");
    public static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
    public static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
    public static readonly JsonEncodedText Last = JsonEncodedText.Encode("last");
    public static readonly JsonEncodedText For = JsonEncodedText.Encode("for");
    public static readonly JsonEncodedText OrderKind = JsonEncodedText.Encode("ok");
    public static readonly JsonEncodedText Body = JsonEncodedText.Encode("b");
    public static readonly JsonEncodedText EventsName = JsonEncodedText.Encode("events");

    // Kind codes: short because a frame line is ~250 bytes and the kind is on every line.
    public const string FrameKind = "f";
    public const string ConnectedKind = "c";
    public const string DisconnectedKind = "d";
    public const string ReconnectingKind = "r";
    public const string GapKind = "g";
    public const string StaleKind = "st";
    public const string FreshKind = "fr";
    public const string OrderKindCode = "o";
    public const string EndKind = "end";

    public static readonly JsonEncodedText FrameCode = JsonEncodedText.Encode(FrameKind);
    public static readonly JsonEncodedText ConnectedCode = JsonEncodedText.Encode(ConnectedKind);
    public static readonly JsonEncodedText DisconnectedCode = JsonEncodedText.Encode(DisconnectedKind);
    public static readonly JsonEncodedText ReconnectingCode = JsonEncodedText.Encode(ReconnectingKind);
    public static readonly JsonEncodedText GapCode = JsonEncodedText.Encode(GapKind);
    public static readonly JsonEncodedText StaleCode = JsonEncodedText.Encode(StaleKind);
    public static readonly JsonEncodedText FreshCode = JsonEncodedText.Encode(FreshKind);
    public static readonly JsonEncodedText OrderCode = JsonEncodedText.Encode(OrderKindCode);
    public static readonly JsonEncodedText EndCode = JsonEncodedText.Encode(EndKind);

    // Relaxed: payloads are JSON text full of quotes; only what JSON requires is escaped, non-ASCII stays UTF-8.
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private const long UnixEpochTicks = 621_355_968_000_000_000L;

    /// <summary>Microseconds since the Unix epoch (sub-microsecond ticks are truncated).</summary>
    public static long ToMicros(DateTimeOffset time) => (time.UtcTicks - UnixEpochTicks) / 10;

    public static DateTimeOffset FromMicros(long micros) => new(UnixEpochTicks + (micros * 10), TimeSpan.Zero);

    public static long ToMicros(TimeSpan span) => span.Ticks / 10;

    public static TimeSpan SpanFromMicros(long micros) => TimeSpan.FromTicks(micros * 10);

    /// <summary><c>rec-yyyyMMddTHHmmssZ-000001.ndjson.gz</c>: sorts by time, then by sequence.</summary>
    public static string FileName(DateTimeOffset created, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rec-{created.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{sequence:D6}.ndjson.gz");
}

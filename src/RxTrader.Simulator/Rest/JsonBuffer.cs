using System.Buffers;
using System.Text.Json;

namespace RxTrader.Simulator.Rest;

/// <summary>A reusable response buffer and JSON writer, one per thread: handlers write synchronously, and the
/// bytes are copied to the response before the thread awaits anything.</summary>
/// <remarks>Not re-entrant: code that runs inside a REST handler on the same thread (for example an engine event
/// observer) must not rent it.</remarks>
internal sealed class JsonBuffer
{
    [ThreadStatic]
    private static JsonBuffer? t_current;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    private JsonBuffer()
    {
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            SkipValidation = true,

            // Binance writes messages like "Parameter 'symbol' was empty." as they are, not with \u0027.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    public Utf8JsonWriter Writer { get; }

    public ReadOnlySpan<byte> Written
    {
        get
        {
            Writer.Flush();
            return _buffer.WrittenSpan;
        }
    }

    /// <summary>The calling thread's buffer, emptied.</summary>
    public static JsonBuffer Rent()
    {
        var b = t_current ??= new JsonBuffer();
        if (b._buffer.Capacity > 1 << 20)
        {
            // A huge response (a deep book) is not kept for the thread's lifetime.
            b = t_current = new JsonBuffer();
        }

        b._buffer.ResetWrittenCount();
        b.Writer.Reset(b._buffer);
        return b;
    }
}

/// <summary>Binance's time format on a <see cref="Utf8JsonWriter"/>; decimals are <see cref="Publishing.WireJson"/>'s.</summary>
internal static class JsonWriterExtensions
{
    public static void WriteTime(this Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTimeOffset time) =>
        w.WriteNumber(name, time.ToUnixTimeMilliseconds());
}

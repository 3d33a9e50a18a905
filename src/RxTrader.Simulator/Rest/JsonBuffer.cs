using System.Buffers;
using System.Buffers.Text;
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

/// <summary>Binance's number formats on a <see cref="Utf8JsonWriter"/>.</summary>
internal static class JsonWriterExtensions
{
    private static readonly StandardFormat Eight = new('F', 8);

    /// <summary>A decimal as a string with 8 decimals, as Binance writes prices and quantities.</summary>
    public static void WriteDecimal(this Utf8JsonWriter w, ReadOnlySpan<byte> name, decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        Utf8Formatter.TryFormat(value, text, out var n, Eight);
        w.WriteString(name, text[..n]);
    }

    /// <summary>A decimal as a string value with 8 decimals.</summary>
    public static void WriteDecimalValue(this Utf8JsonWriter w, decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        Utf8Formatter.TryFormat(value, text, out var n, Eight);
        w.WriteStringValue(text[..n]);
    }

    public static void WriteTime(this Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTimeOffset time) =>
        w.WriteNumber(name, time.ToUnixTimeMilliseconds());
}

using System.Buffers.Text;
using System.Buffers;
using System.Text.Json;

namespace RxTrader.Simulator.Publishing;

/// <summary>Binance's number formats: decimals as strings with a fixed number of fraction digits, times in epoch ms.</summary>
internal static class WireJson
{
    private static readonly StandardFormat Eight = new('F', 8);
    private static readonly StandardFormat Three = new('F', 3);

    /// <summary>Writes "0.00100000": Binance prints prices and quantities with 8 decimals.</summary>
    public static void WriteDecimal(this Utf8JsonWriter writer, string name, decimal value)
    {
        writer.WritePropertyName(name);
        writer.WriteDecimalValue(value);
    }

    public static void WriteDecimalValue(this Utf8JsonWriter writer, decimal value) => Write(writer, value, Eight);

    /// <summary>Writes a percentage as "-95.960" (3 decimals, as Binance's priceChangePercent).</summary>
    public static void WritePercent(this Utf8JsonWriter writer, string name, decimal value)
    {
        writer.WritePropertyName(name);
        Write(writer, value, Three);
    }

    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static void Write(Utf8JsonWriter writer, decimal value, StandardFormat format)
    {
        Span<byte> buffer = stackalloc byte[48];
        var rounded = decimal.Round(value, format.Precision, MidpointRounding.ToEven);
        if (!Utf8Formatter.TryFormat(rounded, buffer, out var written, format))
        {
            throw new InvalidOperationException("A decimal did not fit its buffer.");
        }

        writer.WriteStringValue(buffer[..written]);
    }
}

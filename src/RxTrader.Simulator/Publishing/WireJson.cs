using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace RxTrader.Simulator.Publishing;

/// <summary>Binance's number formats: decimals as strings with a fixed number of fraction digits, times in epoch ms.</summary>
internal static class WireJson
{
    private const decimal EightScale = 100_000_000m;
    private const long EightDivisor = 100_000_000;
    private const decimal MaxScalable = 90_000_000_000m; // times 10^8 still fits a long
    private static readonly StandardFormat Eight = new('F', 8);
    private static readonly StandardFormat Three = new('F', 3);
    private static readonly StandardFormat EightDigits = new('D', 8);

    /// <summary>Writes "0.00100000": Binance prints prices and quantities with 8 decimals.</summary>
    public static void WriteDecimal(this Utf8JsonWriter writer, ReadOnlySpan<byte> name, decimal value)
    {
        writer.WritePropertyName(name);
        writer.WriteDecimalValue(value);
    }

    public static void WriteDecimalValue(this Utf8JsonWriter writer, decimal value)
    {
        Span<byte> buffer = stackalloc byte[48];
        if (value is > -MaxScalable and < MaxScalable)
        {
            var scaled = decimal.Round(value * EightScale, MidpointRounding.ToEven);
            // Integer formatting is several times faster than decimal formatting.
            var units = (long)scaled;
            var length = 0;
            if (units < 0)
            {
                buffer[length++] = (byte)'-';
                units = -units;
            }

            length += FormatEightDecimals(units, buffer[length..]);
            writer.WriteStringValue(buffer[..length]);
            return;
        }

        Write(writer, value, Eight);
    }

    /// <summary>Formats a non-negative count of 10^-8 units as Binance does (<c>100000</c> → <c>"0.00100000"</c>);
    /// returns the number of bytes written.</summary>
    public static int FormatEightDecimals(long units, Span<byte> destination)
    {
        var (whole, fraction) = Math.DivRem(units, EightDivisor);
        _ = Utf8Formatter.TryFormat(whole, destination, out var length);
        destination[length++] = (byte)'.';
        _ = Utf8Formatter.TryFormat(fraction, destination[length..], out var written, EightDigits);
        return length + written;
    }

    /// <summary>Writes a percentage as "-95.960" (3 decimals, as Binance's priceChangePercent).</summary>
    public static void WritePercent(this Utf8JsonWriter writer, ReadOnlySpan<byte> name, decimal value)
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

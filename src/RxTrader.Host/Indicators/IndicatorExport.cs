using System.Globalization;
using RxTrader.Core.MarketData;

namespace RxTrader.Host.Indicators;

/// <summary>Writes one CSV row per bar: open time (ISO 8601 UTC), open, high, low, close, volume and every requested
/// indicator value (invariant culture; empty while the indicator warms up).</summary>
internal static class IndicatorExport
{
    /// <summary>Writes the header and the rows; returns the number of bars written. Streams: one bar in memory.</summary>
    public static long Write(IEnumerable<Candle> bars, IReadOnlyList<IndicatorColumns> columns, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(writer);

        // The first bar is read before anything is written, so an unknown layout leaves the output empty.
        using var bar = bars.GetEnumerator();
        var more = bar.MoveNext();
        writer.Write("open_time,open,high,low,close,volume");
        foreach (var header in columns.SelectMany(static c => c.Headers))
        {
            writer.Write(',');
            writer.Write(header);
        }

        writer.Write('\n');
        var count = 0L;
        for (; more; more = bar.MoveNext())
        {
            WriteRow(writer, bar.Current, columns);
            count++;
        }

        return count;
    }

    private static void WriteRow(TextWriter writer, in Candle bar, IReadOnlyList<IndicatorColumns> columns)
    {
        writer.Write(bar.OpenTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        WriteDecimal(writer, bar.Open);
        WriteDecimal(writer, bar.High);
        WriteDecimal(writer, bar.Low);
        WriteDecimal(writer, bar.Close);
        WriteDecimal(writer, bar.Volume);
        foreach (var column in columns)
        {
            column.Update(bar);
            column.WriteValues(writer);
        }

        writer.Write('\n');
    }

    private static void WriteDecimal(TextWriter writer, decimal value)
    {
        writer.Write(',');
        writer.Write(value.ToString(CultureInfo.InvariantCulture));
    }
}

using System.Globalization;

namespace RxTrader.Simulator.Market;

/// <summary>One line of a Binance public-data <c>trades</c> CSV:
/// <c>id,price,qty,quoteQty,time,isBuyerMaker,isBestMatch</c>.</summary>
/// <param name="Id">The trade id.</param>
/// <param name="Price">The price.</param>
/// <param name="Quantity">The base quantity.</param>
/// <param name="Time">The trade time.</param>
/// <param name="IsBuyerMaker">Whether the buyer was the maker (the taker sold).</param>
internal readonly record struct CsvTrade(long Id, decimal Price, decimal Quantity, DateTimeOffset Time, bool IsBuyerMaker)
{
    // Binance writes milliseconds, and microseconds in spot files from 2025 on: above this it is microseconds.
    private const long MicrosecondThreshold = 100_000_000_000_000;

    /// <summary>Parses a line; false for a header, a blank line or anything malformed (never throws).</summary>
    public static bool TryParse(string? line, out CsvTrade trade)
    {
        trade = default;
        if (string.IsNullOrWhiteSpace(line))
        {
            return false;
        }

        Span<Range> fields = stackalloc Range[8];
        var span = line.AsSpan().Trim();
        var count = span.Split(fields, ',');
        if (count < 6)
        {
            return false;
        }

        var inv = CultureInfo.InvariantCulture;
        if (!long.TryParse(span[fields[0]], NumberStyles.Integer, inv, out var id)
            || !decimal.TryParse(span[fields[1]], NumberStyles.Number, inv, out var price) || price <= 0
            || !decimal.TryParse(span[fields[2]], NumberStyles.Number, inv, out var quantity) || quantity <= 0
            || !long.TryParse(span[fields[4]], NumberStyles.Integer, inv, out var time) || time < 0
            || !bool.TryParse(span[fields[5]].Trim(), out var buyerMaker))
        {
            return false;
        }

        var maxTicks = DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var ticks = time >= MicrosecondThreshold ? (time > maxTicks / 10 ? -1 : time * 10) : time * TimeSpan.TicksPerMillisecond;
        if (ticks < 0 || ticks > maxTicks)
        {
            return false;
        }

        trade = new CsvTrade(id, price, quantity, DateTimeOffset.UnixEpoch.AddTicks(ticks), buyerMaker);
        return true;
    }
}

using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Rest;

/// <summary>Maps a <c>GET /api/v3/klines</c> body (an array of 12-column arrays) to candles.</summary>
internal static class KlineMapper
{
    // Column 11 is unused ("0"); a row needs the first eleven.
    private const int Columns = 11;

    /// <param name="body">The body.</param>
    /// <param name="symbol">The requested symbol.</param>
    /// <param name="interval">The requested interval.</param>
    /// <param name="serverNow">The estimated exchange time: a candle is closed when its close time is before it.</param>
    public static ImmutableArray<Candle> Map(JToken body, Symbol symbol, TimeSpan interval, DateTimeOffset serverNow)
    {
        var rows = WireJson.Array(body, "klines");
        var builder = ImmutableArray.CreateBuilder<Candle>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = WireJson.Array(rows[i], $"klines[{i}]");
            if (row.Count < Columns)
            {
                throw new FormatException($"klines[{i}]: expected 12 columns, got {row.Count}.");
            }

            var closeTime = WireJson.Time(row[6], $"klines[{i}][6] close time");
            builder.Add(new Candle(
                symbol,
                interval,
                OpenTime: WireJson.Time(row[0], $"klines[{i}][0] open time"),
                CloseTime: closeTime,
                Open: WireJson.Decimal(row[1], $"klines[{i}][1] open"),
                High: WireJson.Decimal(row[2], $"klines[{i}][2] high"),
                Low: WireJson.Decimal(row[3], $"klines[{i}][3] low"),
                Close: WireJson.Decimal(row[4], $"klines[{i}][4] close"),
                Volume: WireJson.Decimal(row[5], $"klines[{i}][5] volume"),
                QuoteVolume: WireJson.Decimal(row[7], $"klines[{i}][7] quote volume"),
                TradeCount: WireJson.Long(row[8], $"klines[{i}][8] trade count"),
                TakerBuyVolume: WireJson.Decimal(row[9], $"klines[{i}][9] taker-buy volume"),
                TakerBuyQuoteVolume: WireJson.Decimal(row[10], $"klines[{i}][10] taker-buy quote volume"),
                IsClosed: closeTime < serverNow));
        }

        return builder.MoveToImmutable();
    }
}

using System.Globalization;
using System.Text.Json;
using RxTrader.Binance.Wire;
using RxTrader.Core;

namespace RxTrader.Simulator.Tests.Publishing;

/// <summary>REST klines of every interval against a naive fold of the trades made.</summary>
public sealed class MarketStreamHubKlineHistoryTests
{
    private const long T0 = HubFixture.T0;

    [Theory]
    [InlineData(KlineInterval.OneSecond)]
    [InlineData(KlineInterval.OneMinute)]
    [InlineData(KlineInterval.ThreeMinutes)]
    [InlineData(KlineInterval.FiveMinutes)]
    [InlineData(KlineInterval.FifteenMinutes)]
    [InlineData(KlineInterval.OneHour)]
    [InlineData(KlineInterval.TwoHours)]
    [InlineData(KlineInterval.OneDay)]
    public void Klines_MatchANaiveFoldOfTheTrades(KlineInterval interval)
    {
        using var f = new HubFixture();
        var random = new Random(7);
        var trades = new List<(long Time, decimal Price, decimal Qty, bool BuyerTook)>();
        var time = 0L;
        for (var i = 0; i < 300; i++)
        {
            time += random.Next(2) == 0 ? random.Next(1_000) : random.Next(120_000);
            f.At(time);
            var (price, qty, buy) = (100m + (random.Next(50) * 0.01m), 0.001m * (1 + random.Next(100)), random.Next(2) == 0);
            f.Trade(price, qty, buy ? Side.Buy : Side.Sell);
            trades.Add((T0 + time, price, qty, buy));
        }

        f.At(time + 5_000);
        _ = interval.TryGetDuration(out var duration);
        var length = (long)duration.TotalMilliseconds;

        using var doc = JsonDocument.Parse(HubFixture.Json(w => f.Hub.WriteKlines(w, EngineFixture.BtcUsdt, interval, limit: 1000)));
        var rows = doc.RootElement.EnumerateArray().ToList();
        var firstOpen = trades[0].Time / length * length;
        var lastOpen = (T0 + time + 5_000) / length * length;
        var expectedRows = Math.Min(1000 + 1, (int)(((lastOpen - firstOpen) / length) + 1));
        rows.Count.ShouldBe(Math.Min(expectedRows, 1000));
        var previousClose = 0m;
        foreach (var row in rows)
        {
            var open = row[0].GetInt64();
            var inside = trades.Where(t => t.Time >= open && t.Time < open + length).ToList();
            row[6].GetInt64().ShouldBe(open + length - 1);
            row[8].GetInt64().ShouldBe(inside.Count);
            if (inside.Count == 0)
            {
                if (previousClose != 0m)
                {
                    Dec(row[1]).ShouldBe(previousClose);
                    Dec(row[4]).ShouldBe(previousClose);
                }

                Dec(row[5]).ShouldBe(0m);
                continue;
            }

            Dec(row[1]).ShouldBe(inside[0].Price);
            Dec(row[2]).ShouldBe(inside.Max(static t => t.Price));
            Dec(row[3]).ShouldBe(inside.Min(static t => t.Price));
            Dec(row[4]).ShouldBe(inside[^1].Price);
            Dec(row[5]).ShouldBe(inside.Sum(static t => t.Qty));
            Dec(row[7]).ShouldBe(decimal.Round(inside.Sum(static t => t.Qty * t.Price), 8));
            Dec(row[9]).ShouldBe(inside.Where(static t => t.BuyerTook).Sum(static t => t.Qty));
            previousClose = inside[^1].Price;
        }
    }

    [Fact]
    public void KlineStream_FiveMinutes_IncludesTheCurrentMinute()
    {
        using var f = new HubFixture();
        var klines = f.Record("btcusdt@kline_5m");
        f.At(10_000);
        f.Trade(100m, 1m);
        f.At(70_000);
        f.Trade(105m, 2m);
        f.At(72_000);

        klines.Frames[^1].ShouldContain($"\"t\":{T0},\"T\":{T0 + 299_999},\"s\":\"BTCUSDT\",\"i\":\"5m\",\"f\":1,\"L\":2,\"o\":\"100.00000000\",\"c\":\"105.00000000\",\"h\":\"105.00000000\",\"l\":\"100.00000000\",\"v\":\"3.00000000\",\"n\":2,\"x\":false");
        f.At(300_000);
        klines.Frames[^2].ShouldContain("\"n\":2,\"x\":true");
    }

    private static decimal Dec(JsonElement e) => decimal.Parse(e.GetString()!, CultureInfo.InvariantCulture);
}

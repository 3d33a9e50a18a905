using System.Globalization;
using System.Text;
using RxTrader.Binance.Wire;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Tests.Wire;

/// <summary>Decodes a seeded, generated multi-stream session line by line and checks every count.</summary>
public sealed class BinanceFrameDecoderSampleTests
{
    private static readonly string[] Symbols = ["btcusdt", "ethusdt", "dotusdt"];

    [Fact]
    public void Decode_GeneratedMultiStreamSession_CountsEveryKind()
    {
        var random = new Random(20210404);
        var expected = new Dictionary<string, int>();
        var lines = new List<string>();
        var tradePrices = new List<decimal>();
        long time = 1617566591307;
        for (var i = 0; i < 2000; i++)
        {
            time += random.Next(0, 50);
            var symbol = Symbols[random.Next(Symbols.Length)];
            var price = Math.Round(100m + (decimal)random.NextDouble() * 10m, 8);
            var (kind, line) = random.Next(12) switch
            {
                0 or 1 or 2 => ("aggTrade", Combined($"{symbol}@aggTrade", $$"""{"e":"aggTrade","E":{{time}},"s":"{{symbol.ToUpperInvariant()}}","a":{{i}},"p":"{{Price(price)}}","q":"0.08620500","f":{{i}},"l":{{i + 1}},"T":{{time - 1}},"m":true,"M":true}""")),
                3 or 4 => ("trade", Combined($"{symbol}@trade", $$"""{"e":"trade","E":{{time}},"s":"{{symbol.ToUpperInvariant()}}","t":{{i}},"p":"{{Price(price)}}","q":"1.5","T":{{time}},"m":false,"M":true}""")),
                5 or 6 => ("depthUpdate", Combined($"{symbol}@depth@100ms", DepthUpdate(random, symbol, time))),
                7 => ("kline", Combined($"{symbol}@kline_1m", Kline(symbol, time, price))),
                8 => ("bookTicker", $$"""{"u":{{i}},"s":"{{symbol.ToUpperInvariant()}}","b":"{{Price(price)}}","B":"1","a":"{{Price(price + 0.01m)}}","A":"2"}"""),
                9 => ("snapshot", Combined($"{symbol}@depth5", $$"""{"lastUpdateId":{{i}},"bids":[["{{Price(price)}}","1"]],"asks":[["{{Price(price + 1m)}}","1"]]}""")),
                10 => random.Next(3) switch
                {
                    0 => ("control", $$"""{"result":null,"id":{{i}}}"""),
                    1 => ("unknown", Combined($"{symbol}@avgPrice", $$"""{"e":"avgPrice","E":{{time}},"s":"{{symbol.ToUpperInvariant()}}","i":"5m","w":"1","T":{{time}}}""")),
                    _ => ("miniTicker", $$"""{"e":"24hrMiniTicker","E":{{time}},"s":"{{symbol.ToUpperInvariant()}}","c":"1","o":"1","h":"1","l":"1","v":"1","q":"1"}"""),
                },
                _ => ("malformed", Combined($"{symbol}@trade", """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"abc","q":"1","T":1,"m":true}""")[..^random.Next(0, 3)]),
            };
            expected[kind] = expected.GetValueOrDefault(kind) + 1;
            lines.Add(line);
            if (kind == "trade")
            {
                tradePrices.Add(price);
            }
        }

        var decoder = new BinanceFrameDecoder();
        var sink = new RecordingSink();
        foreach (var line in lines)
        {
            decoder.Decode(Encoding.UTF8.GetBytes(line), sink);
        }

        var counters = decoder.Counters;
        var actual = new Dictionary<string, int>
        {
            ["aggTrade"] = (int)counters.AggregateTrades,
            ["trade"] = (int)counters.Trades,
            ["depthUpdate"] = (int)counters.DepthUpdates,
            ["kline"] = (int)counters.Candles,
            ["bookTicker"] = (int)counters.BookTickers,
            ["snapshot"] = (int)counters.DepthSnapshots,
            ["control"] = (int)counters.ControlReplies,
            ["unknown"] = (int)counters.Unknown,
            ["miniTicker"] = (int)counters.MiniTickers,
            ["malformed"] = (int)counters.Malformed,
        };
        actual.Where(p => p.Value > 0).OrderBy(p => p.Key).ShouldBe(expected.OrderBy(p => p.Key));
        sink.Items.Count.ShouldBe(lines.Count - expected["unknown"] - expected["malformed"]);
        sink.Items.OfType<Trade>().Select(t => t.Price).ShouldBe(tradePrices);
        counters.InternedSymbols.ShouldBe(Symbols.Length);
    }

    private static string Price(decimal value) => value.ToString("0.00000000", CultureInfo.InvariantCulture);

    private static string Combined(string stream, string data) => Frames.Combined(stream, data);

    private static string DepthUpdate(Random random, string symbol, long time)
    {
        var bids = string.Join(',', Enumerable.Range(0, random.Next(0, 6)).Select(i => $"[\"{Price(100m - i)}\",\"{Price(i)}\"]"));
        var asks = string.Join(',', Enumerable.Range(0, random.Next(0, 6)).Select(i => $"[\"{Price(101m + i)}\",\"{Price(i)}\"]"));
        return $$"""{"e":"depthUpdate","E":{{time}},"s":"{{symbol.ToUpperInvariant()}}","U":{{time}},"u":{{time + 3}},"b":[{{bids}}],"a":[{{asks}}]}""";
    }

    private static string Kline(string symbol, long time, decimal price)
    {
        var open = time - (time % 60_000);
        return $$"""{"e":"kline","E":{{time}},"s":"{{symbol.ToUpperInvariant()}}","k":{"t":{{open}},"T":{{open + 59_999}},"s":"{{symbol.ToUpperInvariant()}}","i":"1m","f":1,"L":2,"o":"{{Price(price)}}","c":"{{Price(price)}}","h":"{{Price(price)}}","l":"{{Price(price)}}","v":"1","n":2,"x":false,"q":"1","V":"0","Q":"0","B":"0"}""" + "}";
    }
}

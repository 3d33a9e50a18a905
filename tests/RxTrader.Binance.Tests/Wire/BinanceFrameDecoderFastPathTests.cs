using System.Globalization;
using System.Text;
using RxTrader.Binance.Wire;

namespace RxTrader.Binance.Tests.Wire;

/// <summary>
/// The trade fast path against the general path: every frame goes through a decoder with the fast path and one
/// without, and status, decoded values (decimal scales included) and every counter must be identical.
/// </summary>
public sealed class BinanceFrameDecoderFastPathTests
{
    private const int RandomFrames = 4000;
    private const int Mutations = 20000;

    private static readonly string[] Symbols = ["BTCUSDT", "btcusdt", "BNBBTC", "ETHUSDT", "1000SATSUSDT", "XRPUSDC", "A"];

    private static readonly string[] HandWritten =
    [
        Frames.Trade,
        Frames.AggTrade,
        Frames.Combined("bnbbtc@trade", Frames.Trade),
        Frames.Combined("bnbbtc@aggTrade", Frames.AggTrade),
        Frames.BookTicker,
        Frames.Combined("bnbusdt@bookTicker", Frames.BookTicker),
        """{"e":"trade","E":1723161254013,"s":"BTCUSDT","t":3735683259,"p":"61035.99000000","q":"0.00041000","T":1723161254012,"m":true,"M":true}""",
        """{"e":"trade","E":1723161254013,"s":"BTCUSDT","t":3735683259,"p":"61035.99000000","q":"0.00041000","T":1723161254012,"m":false}""",
        """{"e":"aggTrade","E":1617566591315,"s":"BTCUSDT","a":665076760,"p":"58001.03000000","q":"0.08620500","f":745522877,"l":745522877,"T":1617566591314,"m":true,"M":true}""",
        """{"e":"aggTrade","E":1617566591315,"s":"BTCUSDT","a":665076760,"p":"58001.03000000","q":"0.08620500","f":745522877,"l":745522877,"T":1617566591314,"m":false}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":0,"p":"0","q":"0.0","T":0,"m":true,"M":false}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":-1,"p":"-0.0","q":"1e3","T":-0,"m":true}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"-1.5","q":"1","T":1,"m":true}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":01,"p":"1","q":"1","T":1,"m":true}""",
        """{"e":"trade","E":1.0,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true}""",
        """{"e":"trade","E":1e3,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true}""",
        """{"e":"trade","E":99999999999999999,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":99999999999999999999,"p":"1","q":"1","T":1,"m":true}""",
        """{"e":"trade","E":1,"s":"","t":1,"p":"1","q":"1","T":1,"m":true}""",
        """{"e":"trade","E":1,"s":"BTC-USDT","t":1,"p":"1","q":"1","T":1,"m":true}""",
        """{"e":"trade","E":1,"s":"BTC\u0055SDT","t":1,"p":"1","q":"1","T":1,"m":true}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true,"M":"x"}""",
        """{"u":1,"s":"BNBUSDT","b":"1","B":"-1","a":"2","A":"3"}""",
        """{"u":1,"s":"BNBUSDT","b":"1","B":"1","a":"2"}""",
        """{"u":1,"s":"BNBUSDT","b":"1","B":"1","a":"2","A":"3","e":"x"}""",
        """{"u":1.5,"s":"BNBUSDT","b":"1","B":"1","a":"2","A":"3"}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true,"x":1}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true,"m":false}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true} """,
        """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true}{}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":1,"q":"1","T":1,"m":true}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":1}""",
        """{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1}""",
        """{"stream":"x","data":{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true},"x":1}""",
        """{"stream":1,"data":{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true}}""",
        """{"data":{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true},"stream":"x"}""",
        """{"stream":"x","data":{"e":"trade","E":1,"s":"BTCUSDT","t":1,"p":"1","q":"1","T":1,"m":true}""",
    ];

    [Fact]
    public void Decode_HandWrittenFrames_FastAndGeneralPathsAgree()
    {
        var pair = new DecoderPair();
        foreach (var frame in HandWritten)
        {
            pair.AssertSame(Frames.Utf8(frame));
        }

        pair.FastHandled.ShouldBe(12); // the first twelve are in the exact form; the rest all fall back
    }

    [Fact]
    public void Decode_RandomValidFrames_AllTakeTheFastPathAndAgree()
    {
        var random = new Random(1234);
        var pair = new DecoderPair();
        for (var i = 0; i < RandomFrames; i++)
        {
            pair.AssertSame(Frames.Utf8(RandomFrame(random)));
        }

        pair.FastHandled.ShouldBe(RandomFrames);
    }

    [Fact]
    public void Decode_TruncatedAtEveryPosition_FastAndGeneralPathsAgree()
    {
        var random = new Random(99);
        var pair = new DecoderPair();
        for (var n = 0; n < 40; n++)
        {
            var frame = Frames.Utf8(RandomFrame(random));
            for (var length = 1; length <= frame.Length; length++)
            {
                pair.AssertSame(frame[..length]);
            }
        }

        pair.FastHandled.ShouldBe(40);
    }

    [Fact]
    public void Decode_MutatedFrames_FastAndGeneralPathsAgree()
    {
        var random = new Random(7);
        var pair = new DecoderPair();
        for (var i = 0; i < Mutations; i++)
        {
            pair.AssertSame(Mutate(random, Frames.Utf8(RandomFrame(random))));
        }

        pair.General.Counters.Malformed.ShouldBeGreaterThan(0);
        pair.FastHandled.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Decode_SymbolCacheFull_OverflowsCountedOnceOnBothPaths()
    {
        var random = new Random(5);
        var pair = new DecoderPair(new BinanceDecoderOptions { MaxInternedSymbols = 2 });
        for (var i = 0; i < 500; i++)
        {
            var frame = Frames.Utf8(RandomFrame(random));
            pair.AssertSame(random.Next(2) == 0 ? frame : Mutate(random, frame));
        }

        pair.General.Counters.SymbolCacheOverflows.ShouldBeGreaterThan(0);
    }

    private static string RandomFrame(Random random)
    {
        var symbol = Symbols[random.Next(Symbols.Length)];
        var time = random.NextInt64(1_500_000_000_000, 1_800_000_000_000);
        var ids = random.Next(3) == 0 ? random.NextInt64(0, 1000) : random.NextInt64(0, long.MaxValue);
        var m = random.Next(2) == 0 ? "true" : "false";
        var tail = random.Next(3) switch { 0 => string.Empty, 1 => ",\"M\":true", _ => ",\"M\":false" };
        var shape = random.Next(3);
        var body = shape == 2
            ? $"\"u\":{ids},\"s\":\"{symbol}\",\"b\":\"{Price(random)}\",\"B\":\"{Price(random)}\",\"a\":\"{Price(random)}\",\"A\":\"{Price(random)}\""
            : shape == 0
            ? $"\"e\":\"trade\",\"E\":{time},\"s\":\"{symbol}\",\"t\":{ids},\"p\":\"{Price(random)}\",\"q\":\"{Price(random)}\",\"T\":{time - 1},\"m\":{m}{tail}"
            : $"\"e\":\"aggTrade\",\"E\":{time},\"s\":\"{symbol}\",\"a\":{ids},\"p\":\"{Price(random)}\",\"q\":\"{Price(random)}\",\"f\":{ids / 2},\"l\":{(ids / 2) + 3},\"T\":{time - 1},\"m\":{m}{tail}";
        var payload = "{" + body + "}";
        return random.Next(2) == 0 ? payload : Frames.Combined(symbol.ToLowerInvariant() + "@trade", payload);
    }

    private static string Price(Random random)
    {
        var scale = (byte)random.Next(0, 11);
        var units = random.NextInt64(0, random.Next(2) == 0 ? 1_000_000 : long.MaxValue);
        return new decimal((int)units, (int)(units >> 32), 0, false, scale).ToString(CultureInfo.InvariantCulture);
    }

    private static readonly byte[] Interesting = Encoding.ASCII.GetBytes(" \t\r\n\\\"0123456789-.eE+,:{}[]tfnMxs");

    private static byte[] Mutate(Random random, byte[] frame)
    {
        var bytes = new List<byte>(frame);
        var at = random.Next(bytes.Count);
        byte Any() => random.Next(4) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
        switch (random.Next(7))
        {
            case 0:
                bytes[at] = Any();
                break;
            case 1:
                bytes.Insert(at, Any());
                break;
            case 2:
                bytes.RemoveAt(at);
                break;
            case 3:
                bytes.Insert(at, (byte)" \t\r\n"[random.Next(4)]);
                break;
            case 4:
                return SwapKeys(random, frame);
            case 5:
                var text = Encoding.ASCII.GetString(frame);
                var quote = text.IndexOf("\"s\":\"", StringComparison.Ordinal) + 5;
                return Encoding.ASCII.GetBytes(text[..quote] + "\\u00" + ((int)text[quote]).ToString("X2", CultureInfo.InvariantCulture) + text[(quote + 1)..]);
            default:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
        }

        return [.. bytes];
    }

    /// <summary>Swaps two single-letter keys, e.g. <c>"p"</c> and <c>"q"</c>, so values travel with their new keys.</summary>
    private static byte[] SwapKeys(Random random, byte[] frame)
    {
        var keys = new List<int>();
        for (var i = 0; i + 3 < frame.Length; i++)
        {
            if (frame[i] == '"' && frame[i + 2] == '"' && frame[i + 3] == ':')
            {
                keys.Add(i + 1);
            }
        }

        var copy = (byte[])frame.Clone();
        var (a, b) = (keys[random.Next(keys.Count)], keys[random.Next(keys.Count)]);
        (copy[a], copy[b]) = (copy[b], copy[a]);
        return copy;
    }

    /// <summary>Two decoders fed the same frames: one with the fast path, one without.</summary>
    private sealed class DecoderPair(BinanceDecoderOptions? options = null)
    {
        private readonly BinanceFrameDecoder _fast = new(options);
        private readonly BinanceFrameDecoder _probe = new(options);

        public BinanceFrameDecoder General { get; } = new(options) { FastPathEnabled = false };

        public int FastHandled { get; private set; }

        public void AssertSame(byte[] frame)
        {
            var text = Encoding.UTF8.GetString(frame);
            if (_probe.TryDecodeFast(frame, new RecordingSink()))
            {
                FastHandled++;
            }

            var (fastSink, generalSink) = (new RecordingSink(), new RecordingSink());
            var fastStatus = _fast.Decode(frame, fastSink);
            General.Decode(frame, generalSink).ShouldBe(fastStatus, text);
            fastSink.Items.Count.ShouldBe(generalSink.Items.Count, text);
            for (var i = 0; i < fastSink.Items.Count; i++)
            {
                fastSink.Items[i].ShouldBe(generalSink.Items[i], text);
                Render(fastSink.Items[i]).ShouldBe(Render(generalSink.Items[i]), text); // decimal scales too
            }

            Counts(_fast.Counters).ShouldBe(Counts(General.Counters), text);
        }

        private static string Render(object item) => string.Format(CultureInfo.InvariantCulture, "{0}", item);

        private static long[] Counts(DecoderCounters c) =>
        [
            c.Trades, c.AggregateTrades, c.Candles, c.MiniTickers, c.Tickers, c.BookTickers, c.DepthSnapshots,
            c.DepthUpdates, c.ControlReplies, c.ServerShutdowns, c.Unknown, c.Malformed, c.ReportsSuppressed,
            c.InternedSymbols, c.SymbolCacheOverflows,
        ];
    }
}

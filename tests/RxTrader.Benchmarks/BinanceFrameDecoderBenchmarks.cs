using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RxTrader.Binance.Wire;
using RxTrader.Core.MarketData;

namespace RxTrader.Benchmarks;

/// <summary>Decoding real-shaped Binance market-stream frames: time per frame and bytes allocated.</summary>
/// <remarks>Frames are shaped like recorded spot BTCUSDT frames. The sink keeps the last event so nothing is elided.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class BinanceFrameDecoderBenchmarks
{
    private const string TradeJson =
        """{"e":"trade","E":1723161254013,"s":"BTCUSDT","t":3735683259,"p":"61035.99000000","q":"0.00041000","T":1723161254012,"m":true,"M":true}""";

    private const string AggTradeJson =
        """{"e":"aggTrade","E":1617566591315,"s":"BTCUSDT","a":665076760,"p":"58001.03000000","q":"0.08620500","f":745522877,"l":745522877,"T":1617566591314,"m":true,"M":true}""";

    private const string BookTickerJson =
        """{"u":400900217,"s":"BTCUSDT","b":"61035.99000000","B":"0.31210000","a":"61036.00000000","A":"4.06600000"}""";

    private static readonly byte[] Trade = Encoding.UTF8.GetBytes(TradeJson);
    private static readonly byte[] AggTrade = Encoding.UTF8.GetBytes(AggTradeJson);
    private static readonly byte[] CombinedTrade = Encoding.UTF8.GetBytes($$"""{"stream":"btcusdt@trade","data":{{TradeJson}}}""");
    private static readonly byte[] BookTicker = Encoding.UTF8.GetBytes(BookTickerJson);
    private static readonly byte[] DepthUpdate20 = Encoding.UTF8.GetBytes(DepthUpdateJson(10, 10));

    private readonly BinanceFrameDecoder _decoder = new();
    private readonly LastEventSink _sink = new();
    private readonly byte[] _tradeFrame = Trade;

    /// <summary>Warms the symbol cache, as a running feed would have.</summary>
    [GlobalSetup]
    public void Setup() => _decoder.Decode(Trade, _sink);

    /// <summary>A raw <c>trade</c> frame.</summary>
    [Benchmark(Baseline = true)]
    public DecodeStatus DecodeTrade() => _decoder.Decode(Trade, _sink);

    /// <summary>A raw <c>aggTrade</c> frame.</summary>
    [Benchmark]
    public DecodeStatus DecodeAggTrade() => _decoder.Decode(AggTrade, _sink);

    /// <summary>A combined-form <c>trade</c> frame.</summary>
    [Benchmark]
    public DecodeStatus DecodeCombinedTrade() => _decoder.Decode(CombinedTrade, _sink);

    /// <summary>A raw <c>bookTicker</c> frame.</summary>
    [Benchmark]
    public DecodeStatus DecodeBookTicker() => _decoder.Decode(BookTicker, _sink);

    /// <summary>A <c>depthUpdate</c> with 10 bid and 10 ask levels: allocates the two level arrays.</summary>
    [Benchmark]
    public DecodeStatus DecodeDepthUpdate20Levels() => _decoder.Decode(DepthUpdate20, _sink);

    /// <summary>The floor: only tokenising the trade frame with <see cref="Utf8JsonReader"/>, no decoding.</summary>
    [Benchmark]
    public int TokeniseTradeOnly()
    {
        var reader = new Utf8JsonReader(_tradeFrame);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    private static string DepthUpdateJson(int bids, int asks)
    {
        static string Levels(int count, decimal start, decimal step) => string.Join(',', Enumerable.Range(0, count)
            .Select(i => $"[\"{start + (i * step):0.00000000}\",\"{0.1m * (i + 1):0.00000000}\"]"));

        return $$"""{"e":"depthUpdate","E":1617566591407,"s":"BTCUSDT","U":9893032992,"u":9893032999,"b":[{{Levels(bids, 58001.03m, -0.37m)}}],"a":[{{Levels(asks, 58001.04m, 0.41m)}}]}""";
    }

    private sealed class LastEventSink : IMarketFrameSink
    {
        public Trade LastTrade { get; private set; }

        public AggregateTrade LastAggregateTrade { get; private set; }

        public DepthUpdate LastDepthUpdate { get; private set; }

        public BookTicker LastBookTicker { get; private set; }

        public void OnTrade(in Trade trade) => LastTrade = trade;

        public void OnAggregateTrade(in AggregateTrade trade) => LastAggregateTrade = trade;

        public void OnDepthUpdate(in DepthUpdate update) => LastDepthUpdate = update;

        public void OnCandle(in Candle candle)
        {
        }

        public void OnMiniTicker(in MiniTicker ticker)
        {
        }

        public void OnTicker(in Ticker ticker)
        {
        }

        public void OnBookTicker(in BookTicker ticker) => LastBookTicker = ticker;

        public void OnDepthSnapshot(in DepthSnapshot snapshot)
        {
        }

        public void OnControlReply(ControlReply reply)
        {
        }

        public void OnServerShutdown(in ServerShutdown notice)
        {
        }
    }
}

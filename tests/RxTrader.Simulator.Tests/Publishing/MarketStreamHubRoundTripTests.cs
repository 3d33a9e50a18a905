using System.Text;
using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Simulator.Tests.Publishing;

/// <summary>The client's own decoder reads every payload the simulator writes, with the values the engine made.</summary>
public sealed class MarketStreamHubRoundTripTests
{
    private const long T0 = HubFixture.T0;
    private static readonly Symbol Btc = EngineFixture.BtcUsdt;
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(T0);

    [Fact]
    public void Decoder_ReadsEveryStreamPayload()
    {
        using var f = new HubFixture();
        string[] names = ["btcusdt@trade", "btcusdt@aggTrade", "btcusdt@kline_1m", "btcusdt@miniTicker", "btcusdt@ticker",
            "btcusdt@bookTicker", "btcusdt@depth", "btcusdt@depth5"];
        var recordings = names.ToDictionary(static n => n, f.Record);
        f.Engine.Liquidity(Side.Buy, 90m, 4m);
        f.At(500);
        f.Trade(100m, 1.5m);

        f.At(2_000);

        var trade = Decode<Trade>(recordings["btcusdt@trade"].Frames[0]);
        trade.ShouldBe(new Trade(Btc, 1, 100m, 1.5m, Start.AddMilliseconds(500), Start.AddMilliseconds(500), false));
        var agg = Decode<AggregateTrade>(recordings["btcusdt@aggTrade"].Frames[0]);
        agg.ShouldBe(new AggregateTrade(Btc, 1, 100m, 1.5m, 1, 1, Start.AddMilliseconds(500), Start.AddMilliseconds(500), false));
        var candle = Decode<Candle>(recordings["btcusdt@kline_1m"].Frames[^1]);
        candle.ShouldBe(new Candle(Btc, TimeSpan.FromMinutes(1), Start, Start.AddMilliseconds(59_999),
            100m, 100m, 100m, 100m, 1.5m, 150m, 1, 1.5m, 150m, IsClosed: false));
        var mini = Decode<MiniTicker>(recordings["btcusdt@miniTicker"].Frames[^1]);
        mini.ShouldBe(new MiniTicker(Btc, Start.AddSeconds(2), 100m, 100m, 100m, 100m, 1.5m, 150m));
        var ticker = Decode<Ticker>(recordings["btcusdt@ticker"].Frames[^1]);
        (ticker.LastPrice, ticker.BidPrice, ticker.BidQuantity, ticker.TradeCount, ticker.FirstTradeId).ShouldBe((100m, 90m, 4m, 1L, 1L));
        var book = Decode<BookTicker>(recordings["btcusdt@bookTicker"].Frames[0]);
        book.ShouldBe(new BookTicker(Btc, 1, 90m, 4m, 0m, 0m));
        var diff = Decode<DepthUpdate>(recordings["btcusdt@depth"].Frames[0]);
        (diff.FirstUpdateId, diff.FinalUpdateId, diff.Bids.Single()).ShouldBe((1L, 3L, new BookLevel(90m, 4m)));
        var partial = Decode<DepthSnapshot>(recordings["btcusdt@depth5"].Frames[^1], Btc);
        (partial.LastUpdateId, partial.Bids.Single(), partial.Asks.Length).ShouldBe((3L, new BookLevel(90m, 4m), 0));
    }

    private static T Decode<T>(string frame, Symbol rawSymbol = default)
    {
        var sink = new Sink();
        new BinanceFrameDecoder().Decode(Encoding.UTF8.GetBytes(frame), sink, rawSymbol).ShouldBe(DecodeStatus.Decoded);
        return sink.Items.ShouldHaveSingleItem().ShouldBeOfType<T>();
    }

    private sealed class Sink : IMarketFrameSink
    {
        public List<object> Items { get; } = [];

        public void OnTrade(in Trade trade) => Items.Add(trade);

        public void OnAggregateTrade(in AggregateTrade trade) => Items.Add(trade);

        public void OnCandle(in Candle candle) => Items.Add(candle);

        public void OnMiniTicker(in MiniTicker ticker) => Items.Add(ticker);

        public void OnTicker(in Ticker ticker) => Items.Add(ticker);

        public void OnBookTicker(in BookTicker ticker) => Items.Add(ticker);

        public void OnDepthSnapshot(in DepthSnapshot snapshot) => Items.Add(snapshot);

        public void OnDepthUpdate(in DepthUpdate update) => Items.Add(update);

        public void OnControlReply(ControlReply reply) => Items.Add(reply);

        public void OnServerShutdown(in ServerShutdown notice) => Items.Add(notice);
    }
}

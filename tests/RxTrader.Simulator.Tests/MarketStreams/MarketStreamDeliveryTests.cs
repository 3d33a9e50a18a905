using System.Text;
using System.Text.Json;
using RxTrader.Binance.Wire;
using RxTrader.Core.MarketData;
using RxTrader.Simulator.MarketStreams;

namespace RxTrader.Simulator.Tests.MarketStreams;

public sealed class MarketStreamDeliveryTests
{
    [Fact]
    public async Task SubscribeReply_PrecedesTheFirstPayload_WhileTradesFlow()
    {
        await using var f = await StreamFixture.StartAsync();
        using var stop = new CancellationTokenSource();
        // A few trades per millisecond: enough to race the subscription, not enough to overflow a client's send
        // queue on a starved machine (a dropped slow consumer would lose the queued reply).
        var printer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 5; i++)
                {
                    f.Trade();
                }

                await Task.Delay(1);
            }
        });

        try
        {
            for (var i = 1; i <= 15; i++)
            {
                using var client = await StreamClient.ConnectAsync(new Uri(f.Server.StreamAddress, "/ws/" + i));
                await client.SendAsync($$"""{"method":"SUBSCRIBE","params":["btcusdt@trade","btcusdt@aggTrade","btcusdt@bookTicker"],"id":{{i}}}""");

                (await client.NextAsync()).ShouldBe($$"""{"result":null,"id":{{i}}}""");
                (await client.NextJsonAsync()).TryGetProperty("result", out _).ShouldBeFalse();
            }
        }
        finally
        {
            await stop.CancelAsync();
            await printer;
        }
    }

    [Fact]
    public async Task Disconnect_ReleasesEveryHubSubscription()
    {
        await using var f = await StreamFixture.StartAsync();
        var client = await StreamClient.ConnectAsync(new Uri(f.Server.StreamAddress, "/ws/btcusdt@depth@100ms/btcusdt@kline_1m/btcusdt@trade"));
        await StreamFixture.UntilAsync(() => f.Server.MarketStreams.ActiveTimers == 2, "depth and kline timers running");
        f.Context.Sockets.Count().ShouldBe(1);

        client.Dispose();

        await StreamFixture.UntilAsync(() => f.Server.MarketStreams.ActiveTimers == 0 && f.Context.StreamSessions.Count == 0 && f.Context.Sockets.Count() == 0, "all released");
    }

    [Fact]
    public async Task Unsubscribe_ReleasesTheHubSubscription()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws/btcusdt@depth@100ms/btcusdt@kline_1m");
        await StreamFixture.UntilAsync(() => f.Server.MarketStreams.ActiveTimers == 2, "timers running");

        (await client.RequestAsync("""{"method":"UNSUBSCRIBE","params":["btcusdt@kline_1m"],"id":1}""")).ShouldBe("""{"result":null,"id":1}""");

        f.Server.MarketStreams.ActiveTimers.ShouldBe(1);
    }

    [Fact]
    public async Task DepthFaults_GapDuplicateAndReorder_SeenByTheClient()
    {
        await using var f = await StreamFixture.StartAsync();
        // The faulted connection subscribes first, so the hub delivers to it before the witness.
        using var faulted = await f.ConnectAsync("/ws/btcusdt@depth@100ms");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "faulted session");
        using var witness = await f.ConnectAsync("/ws/btcusdt@depth@100ms");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 2, "witness session");
        var session = f.Context.StreamSessions.Select()[0];

        f.BookChange();
        var first = await Depth(faulted);
        (await Depth(witness)).ShouldBe(first);

        // Gap: the faulted client misses one event and sees U > previous u + 1.
        session.SkipNextDepthEvents(1);
        f.BookChange();
        var skipped = await Depth(witness);
        skipped.U.ShouldBe(first.u + 1);
        f.BookChange();
        var afterGap = await Depth(witness);
        (await Depth(faulted)).ShouldBe(afterGap);
        afterGap.U.ShouldBeGreaterThan(first.u + 1);

        // Duplicate: the same event twice.
        session.DuplicateNextDepthEvents(1);
        f.BookChange();
        var duplicated = await Depth(witness);
        (await Depth(faulted)).ShouldBe(duplicated);
        (await Depth(faulted)).ShouldBe(duplicated);
        duplicated.U.ShouldBe(afterGap.u + 1);

        // Reorder: the next two events swapped.
        session.ReorderNextDepthEvents();
        f.BookChange();
        var one = await Depth(witness);
        f.BookChange();
        var two = await Depth(witness);
        (await Depth(faulted)).ShouldBe(two);
        (await Depth(faulted)).ShouldBe(one);

        // Back to normal.
        f.BookChange();
        var normal = await Depth(witness);
        (await Depth(faulted)).ShouldBe(normal);
        normal.U.ShouldBe(two.u + 1);
    }

    [Fact]
    public void DepthFaults_NonPositiveCounts_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new MarketStreamSession(null!, null!, new MarketStreamOptions(), false).SkipNextDepthEvents(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new MarketStreamSession(null!, null!, new MarketStreamOptions(), false).DuplicateNextDepthEvents(-1));
    }

    [Theory]
    [InlineData("/ws/btcusdt@trade@firehose", false)]
    [InlineData("/stream?streams=btcusdt@trade@firehose", true)]
    public async Task Firehose_DistinctIncreasingTrades_DecodeWithOurDecoder(string path, bool combined)
    {
        const int Count = 50_000;
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { EnableFirehose = true });
        using var client = await f.ConnectAsync(path);
        var decoder = new BinanceFrameDecoder();
        var sink = new TradeSink();

        for (var i = 0; i < Count; i++)
        {
            var frame = await client.NextAsync();
            if (i == 0)
            {
                frame.StartsWith("{\"stream\":\"btcusdt@trade@firehose\",\"data\":", StringComparison.Ordinal).ShouldBe(combined);
            }

            decoder.Decode(Encoding.UTF8.GetBytes(frame), sink).ShouldBe(DecodeStatus.Decoded);
        }

        sink.Trades.Count.ShouldBe(Count);
        sink.Trades.Select(static t => t.TradeId).ShouldBe(Enumerable.Range(1, Count).Select(static i => (long)i));
        sink.Trades.ShouldAllBe(static t => t.Symbol.Value == "BTCUSDT" && t.Price >= 1000m && t.Price < 1010m && t.Quantity > 0m);
        sink.Trades.Select(static t => t.Price).Distinct().Count().ShouldBe(1000);
    }

    [Fact]
    public async Task Firehose_Unsubscribe_StopsItBeforeTheReply()
    {
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { EnableFirehose = true });
        using var client = await f.ConnectAsync("/ws/btcusdt@trade@firehose");
        (await client.NextJsonAsync()).GetProperty("e").GetString().ShouldBe("trade");

        await client.SendAsync("""{"method":"UNSUBSCRIBE","params":["btcusdt@trade@firehose"],"id":1}""");
        await client.UntilAsync(static j => j.TryGetProperty("id", out _));

        (await client.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":2}""")).ShouldBe("""{"result":[],"id":2}""");
    }

    [Fact]
    public async Task Firehose_OffByDefault_IsAnInvalidStream()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");

        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@trade@firehose"],"id":1}""")).ShouldBe("""{"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":1}""");
    }

    private static async Task<(long U, long u, string Raw)> Depth(StreamClient client)
    {
        var raw = await client.NextAsync();
        var json = JsonDocument.Parse(raw).RootElement;
        json.GetProperty("e").GetString().ShouldBe("depthUpdate");
        return (json.GetProperty("U").GetInt64(), json.GetProperty("u").GetInt64(), raw);
    }

    private sealed class TradeSink : IMarketFrameSink
    {
        public List<Trade> Trades { get; } = [];

        public void OnTrade(in Trade trade) => Trades.Add(trade);

        public void OnAggregateTrade(in AggregateTrade trade) => throw new InvalidOperationException();

        public void OnCandle(in Candle candle) => throw new InvalidOperationException();

        public void OnMiniTicker(in MiniTicker ticker) => throw new InvalidOperationException();

        public void OnTicker(in Ticker ticker) => throw new InvalidOperationException();

        public void OnBookTicker(in BookTicker ticker) => throw new InvalidOperationException();

        public void OnDepthSnapshot(in DepthSnapshot snapshot) => throw new InvalidOperationException();

        public void OnDepthUpdate(in DepthUpdate update) => throw new InvalidOperationException();

        public void OnControlReply(ControlReply reply) => throw new InvalidOperationException();

        public void OnServerShutdown(in ServerShutdown notice) => throw new InvalidOperationException();
    }
}

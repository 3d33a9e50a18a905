using System.Text.Json;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.Connectivity;

namespace RxTrader.Binance.Tests.Feed;

public sealed class BinanceMarketFeedTests
{
    private static readonly StreamName BtcTrade = StreamName.Trade(new Symbol("BTCUSDT"));
    private static readonly StreamName BtcBook = StreamName.BookTicker(new Symbol("BTCUSDT"));

    [Fact]
    public async Task Start_WithStreams_OpensCombinedUrlAndDeliversTypedData()
    {
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri);
        harness.Feed.Subscribe([BtcTrade, BtcBook]);

        harness.Feed.Start();
        var socket = await server.NextAsync();
        await socket.SendAsync(Payloads.Trade(7));
        await socket.SendAsync(Payloads.BookTicker(9));
        await Await.UntilAsync(() => !harness.Trades.IsEmpty && !harness.BookTickers.IsEmpty, "trade and book ticker");

        socket.PathAndQuery.ShouldBe("/stream?streams=btcusdt@trade/btcusdt@bookTicker");
        harness.Trades.Single().TradeId.ShouldBe(7);
        harness.Trades.Single().Symbol.ShouldBe(new Symbol("BTCUSDT"));
        harness.BookTickers.Single().UpdateId.ShouldBe(9);
        harness.EventsOf<Connected>().Count.ShouldBe(1);
        harness.Feed.Statistics.Frames.ShouldBe(2);
        harness.Feed.Statistics.EventLatency.Count.ShouldBe(1);
        harness.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Subscribe_WhileConnected_SendsPacedControlMessages()
    {
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri, o => o with { ControlMessagesPerSecond = 5 });
        harness.Feed.Start();
        var socket = await server.NextAsync();
        await Await.UntilAsync(() => harness.EventsOf<Connected>().Count == 1, "connected");

        string[] symbols = ["AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT", "EEEUSDT", "FFFUSDT", "GGGUSDT"];
        foreach (var symbol in symbols)
        {
            harness.Feed.Subscribe([StreamName.Trade(new Symbol(symbol))]);
        }

        harness.Feed.Unsubscribe([StreamName.Trade(new Symbol("AAAUSDT"))]);
        await Await.UntilAsync(() => socket.Received.Count == 8, "eight control messages");

        socket.PathAndQuery.ShouldBe("/stream?streams=");
        var received = socket.Received;
        for (var i = 0; i < symbols.Length; i++)
        {
            var request = JsonDocument.Parse(received[i].Text).RootElement;
            request.GetProperty("method").GetString().ShouldBe("SUBSCRIBE");
            request.GetProperty("params")[0].GetString().ShouldBe($"{symbols[i].ToLowerInvariant()}@trade");
        }

        JsonDocument.Parse(received[7].Text).RootElement.GetProperty("method").GetString().ShouldBe("UNSUBSCRIBE");
        // Eight messages at 5/s leave the client 200 ms apart (1.4 s in all); allow 400 ms of send jitter.
        (received[7].At - received[0].At).ShouldBeGreaterThan(TimeSpan.FromSeconds(1));
        harness.Feed.Streams.Count.ShouldBe(6);
        harness.Feed.Statistics.ControlMessagesSent.ShouldBe(8);
    }

    [Fact]
    public async Task ServerCloses_ReconnectsWithSameSetAndReportsGap()
    {
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri);
        harness.Feed.Subscribe([BtcTrade, BtcBook]);
        harness.Feed.Start();
        var first = await server.NextAsync();
        await first.SendAsync(Payloads.Trade(1));
        await Await.UntilAsync(() => harness.Trades.Count == 1, "first trade");

        await first.CloseAsync();
        var second = await server.NextAsync();
        await second.SendAsync(Payloads.Trade(2));
        await Await.UntilAsync(() => harness.EventsOf<Gap>().Count == 2, "gaps");

        second.PathAndQuery.ShouldBe(first.PathAndQuery);
        harness.Events.Select(e => e.GetType().Name).Where(n => n != nameof(Stale) && n != nameof(Fresh))
            .ShouldBe(["Connected", "Disconnected", "Reconnecting", "Connected", "Gap", "Gap"]);
        harness.EventsOf<Disconnected>().Single().Reason.ShouldBe(DisconnectReason.ServerClosed);
        harness.EventsOf<Reconnecting>().Single().Attempt.ShouldBe(1);
        var gaps = harness.EventsOf<Gap>();
        gaps.Select(g => g.Source).ShouldBe(["btcusdt@trade", "btcusdt@bookTicker"]);
        gaps[0].From.ShouldBeLessThanOrEqualTo(gaps[0].To);
        gaps[0].To.ShouldBeLessThanOrEqualTo(gaps[0].Time);
        gaps[1].ShouldBe(gaps[0] with { Source = "btcusdt@bookTicker" });
        harness.Feed.Statistics.Reconnects.ShouldBe(1);
        harness.Feed.Statistics.Gaps.ShouldBe(1);
        harness.Feed.Statistics.StreamGaps.ShouldBe(2);
        harness.Trades.Select(t => t.TradeId).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task Reconnect_WithChangedSet_ReportsAGapPerStreamSubscribedBeforeTheDropAndStillSubscribed()
    {
        var eth = StreamName.Trade(new Symbol("ETHUSDT"));
        var sol = StreamName.Trade(new Symbol("SOLUSDT"));
        var xrp = StreamName.Trade(new Symbol("XRPUSDT"));
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri);
        harness.Feed.Subscribe([BtcTrade, eth, sol, BtcBook]);
        harness.Feed.Start();
        var first = await server.NextAsync();
        await first.SendAsync(Payloads.Trade(1));
        await Await.UntilAsync(() => harness.Trades.Count == 1, "first trade");

        await first.CloseAsync();
        await Await.UntilAsync(() => harness.EventsOf<Disconnected>().Count == 1, "disconnected");
        harness.Feed.Unsubscribe([eth]);
        harness.Feed.Subscribe([xrp]);
        var second = await server.NextAsync();
        await second.SendAsync(Payloads.Trade(2));
        await Await.UntilAsync(() => harness.Trades.Count == 2, "second trade");

        // ETH left the set (nobody wants it), XRP joined after the drop (it had nothing to lose).
        harness.EventsOf<Gap>().Select(g => g.Source).ShouldBe(["btcusdt@trade", "solusdt@trade", "btcusdt@bookTicker"]);
        harness.EventsOf<Gap>().Select(g => (g.From, g.To)).Distinct().Count().ShouldBe(1);
        harness.Feed.Statistics.Gaps.ShouldBe(1);
        harness.Feed.Statistics.StreamGaps.ShouldBe(3);
    }

    [Fact]
    public async Task LargeSet_UrlCarriesAPrefixAndTheRestIsSubscribedAfterEveryOpen()
    {
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri, o => o with { MaxStreamsPerRequest = 2 });
        string[] symbols = ["AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT", "EEEUSDT"];
        harness.Feed.Subscribe(symbols.Select(s => StreamName.Trade(new Symbol(s))));
        harness.Feed.Start();
        var first = await server.NextAsync();
        await Await.UntilAsync(() => first.Received.Count == 2, "two SUBSCRIBEs");

        await first.CloseAsync();
        var second = await server.NextAsync();
        await Await.UntilAsync(() => second.Received.Count == 2, "two SUBSCRIBEs after the reconnect");

        foreach (var socket in new[] { first, second })
        {
            socket.PathAndQuery.ShouldBe("/stream?streams=aaausdt@trade/bbbusdt@trade");
            var subscribed = socket.Received.SelectMany(r => Params(r.Text, "SUBSCRIBE")).ToArray();
            subscribed.ShouldBe(["cccusdt@trade", "dddusdt@trade", "eeeusdt@trade"]);
        }
    }

    private static long Id(string request) => JsonDocument.Parse(request).RootElement.GetProperty("id").GetInt64();

    private static string[] Params(string request, string method)
    {
        var root = JsonDocument.Parse(request).RootElement;
        root.GetProperty("method").GetString().ShouldBe(method);
        return root.GetProperty("params").EnumerateArray().Select(p => p.GetString()!).ToArray();
    }

    [Fact]
    public async Task ServerStalls_SilenceTimeoutReconnects()
    {
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri, o => o with { SilenceTimeout = TimeSpan.FromMilliseconds(300) });
        harness.Feed.Subscribe([BtcTrade]);
        harness.Feed.Start();
        var first = await server.NextAsync();

        var second = await server.NextAsync();
        await Await.UntilAsync(() => harness.EventsOf<Connected>().Count == 2, "second connection");

        harness.EventsOf<Disconnected>()[0].Reason.ShouldBe(DisconnectReason.SilenceTimeout);
        await first.Ended.WaitAsync(Await.Limit);
        second.PathAndQuery.ShouldBe(first.PathAndQuery);
    }

    [Fact]
    public async Task ServerShutdownNotice_ReconnectsAtOnce()
    {
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri);
        harness.Feed.Subscribe([BtcTrade]);
        harness.Feed.Start();
        var first = await server.NextAsync();
        await Await.UntilAsync(() => harness.EventsOf<Connected>().Count == 1, "connected");

        await first.SendAsync(Payloads.ServerShutdown);
        _ = await server.NextAsync();
        await Await.UntilAsync(() => harness.EventsOf<Connected>().Count == 2, "second connection");

        harness.EventsOf<Disconnected>().Single().Reason.ShouldBe(DisconnectReason.ServerShutdown);
        harness.EventsOf<Reconnecting>().Single().Delay.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task BadFrames_AreCountedAndTheStreamContinues()
    {
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri);
        harness.Feed.Subscribe([BtcTrade]);
        harness.Feed.Start();
        var socket = await server.NextAsync();

        await socket.SendAsync("{not json");
        await socket.SendAsync("""{"e":"somethingNew","E":1}""");
        await socket.SendAsync("""{"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":1}""");
        await socket.SendAsync(Payloads.Trade(3));
        await Await.UntilAsync(() => harness.Trades.Count == 1, "trade after bad frames");

        harness.Feed.Statistics.Decoder.Malformed.ShouldBe(1);
        harness.Feed.Statistics.Decoder.Unknown.ShouldBe(1);
        harness.Feed.Statistics.ControlErrors.ShouldBe(1);
        harness.Feed.Statistics.Frames.ShouldBe(4);
        harness.EventsOf<Disconnected>().ShouldBeEmpty();
    }

    [Fact]
    public async Task SubscribeRejected_ReportsTheRequestsStreamsAndDropsThemFromTheSet()
    {
        var bad = StreamName.Trade(new Symbol("NOPEUSDT"));
        var eth = StreamName.Trade(new Symbol("ETHUSDT"));
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri);
        harness.Feed.Subscribe([BtcTrade]);
        harness.Feed.Start();
        var first = await server.NextAsync();
        await Await.UntilAsync(() => harness.EventsOf<Connected>().Count == 1, "connected");

        harness.Feed.Subscribe([bad]);
        harness.Feed.Subscribe([eth]);
        await Await.UntilAsync(() => first.Received.Count == 2, "two SUBSCRIBEs");
        var badId = Id(first.Received[0].Text);
        var ethId = Id(first.Received[1].Text);
        await first.SendAsync($$"""{"result":null,"id":{{ethId}}}""");
        await first.SendAsync($$"""{"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":{{badId}}}""");
        await Await.UntilAsync(() => harness.EventsOf<SubscriptionRejected>().Count == 1, "rejection");

        var rejected = harness.EventsOf<SubscriptionRejected>().Single();
        rejected.Streams.ShouldBe([bad]);
        (rejected.Code, rejected.Message, rejected.RequestId).ShouldBe((2, "Invalid request: invalid stream", badId));
        rejected.Source.ShouldBe(harness.EventsOf<Connected>().Single().Source);
        harness.Feed.Streams.ShouldBe([BtcTrade, eth]);
        harness.Feed.Statistics.ControlErrors.ShouldBe(1);

        // Not resubscribed: the reconnect opens the set without it.
        await first.CloseAsync();
        var second = await server.NextAsync();
        second.PathAndQuery.ShouldBe("/stream?streams=btcusdt@trade/ethusdt@trade");
    }

    [Fact]
    public async Task ConnectionRefused_BacksOffThenGivesUp()
    {
        await using var harness = FeedHarness.Create(WebSocketServer.ClosedPort(), o => o with { MaxReconnectAttempts = 3 });
        harness.Feed.Start();
        await Await.UntilAsync(() => harness.EventsOf<FeedGaveUp>().Count == 1, "gave up");

        var backoff = new RxTrader.Streams.FlowControl.ExponentialBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100));
        harness.EventsOf<Reconnecting>().Select(r => (r.Attempt, r.Delay))
            .ShouldBe([(1, backoff.BaseDelay(1)), (2, backoff.BaseDelay(2)), (3, backoff.BaseDelay(3))]);
        harness.EventsOf<FeedGaveUp>().Single().Attempts.ShouldBe(3);
        harness.EventsOf<Connected>().ShouldBeEmpty();
        harness.EventsOf<Disconnected>().ShouldBeEmpty();
        harness.Feed.State.ShouldBe(FeedState.GaveUp);
        harness.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispose_ClosesTheSocketAndEndsTheStreams()
    {
        await using var server = await WebSocketServer.StartAsync();
        var harness = FeedHarness.Create(server.BaseUri);
        harness.Feed.Subscribe([BtcTrade]);
        harness.Feed.Start();
        var socket = await server.NextAsync();
        await Await.UntilAsync(() => harness.EventsOf<Connected>().Count == 1, "connected");

        await harness.DisposeAsync();
        await socket.Ended.WaitAsync(Await.Limit);

        harness.Events.Last().ShouldBeOfType<Disconnected>().Reason.ShouldBe(DisconnectReason.ClientClosed);
        harness.Feed.State.ShouldBe(FeedState.Disposed);
        harness.Errors.ShouldBeEmpty();
        Should.Throw<ObjectDisposedException>(() => harness.Feed.Start());
    }
}

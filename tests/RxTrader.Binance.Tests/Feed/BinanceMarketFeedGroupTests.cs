using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Tests.Feed;

public sealed class BinanceMarketFeedGroupTests
{
    private static StreamName Trade(string symbol) => StreamName.Trade(new Symbol(symbol));

    [Fact]
    public async Task Subscribe_PastTheConnectionLimit_SpreadsOverConnectionsAndMergesOutputs()
    {
        await using var server = await WebSocketServer.StartAsync();
        using var timers = new EventLoopScheduler();
        using var consumer = new EventLoopScheduler();
        var trades = new ConcurrentQueue<Trade>();
        var events = new ConcurrentQueue<ConnectionEvent>();
        var completed = 0;
        using var group = new BinanceMarketFeedGroup(new BinanceFeedOptions
        {
            BaseUri = server.BaseUri,
            Scheduler = timers,
            ConsumerScheduler = consumer,
            StreamsPerConnection = 2,
        });
        using var tradeSubscription = group.Trades.Subscribe(trades.Enqueue, () => Interlocked.Increment(ref completed));
        using var eventSubscription = group.ConnectionEvents.Subscribe(events.Enqueue);
        group.Subscribe([Trade("AUSDT"), Trade("BUSDT"), Trade("CUSDT")]);

        group.Start();
        var sockets = new[] { await server.NextAsync(), await server.NextAsync() };
        group.Subscribe([Trade("DUSDT"), Trade("EUSDT")]);
        var third = await server.NextAsync();
        await Await.UntilAsync(() => events.OfType<Connected>().Count() == 3, "three connections");
        await third.SendAsync(Payloads.Trade(5, "EUSDT"));
        await Await.UntilAsync(() => trades.Count == 1, "trade through the third connection");

        sockets.Select(s => s.PathAndQuery).Order().ShouldBe(
            ["/stream?streams=ausdt@trade/busdt@trade", "/stream?streams=cusdt@trade"]);
        third.PathAndQuery.ShouldBe("/stream?streams=eusdt@trade");
        var second = sockets.Single(s => s.PathAndQuery.Contains("cusdt", StringComparison.Ordinal));
        await Await.UntilAsync(() => second.Received.Count == 1, "live SUBSCRIBE on the second connection");
        second.Received[0].Text.ShouldContain("dusdt@trade");
        events.OfType<Connected>().Select(e => e.Source).Order().ShouldBe(["binance-market#0", "binance-market#1", "binance-market#2"]);
        trades.Single().Symbol.ShouldBe(new Symbol("EUSDT"));
        group.Feeds.Sum(f => f.Streams.Count).ShouldBe(5);
        group.Dispose();
        await Await.UntilAsync(() => Volatile.Read(ref completed) == 1, "merged trades completed");
    }
}

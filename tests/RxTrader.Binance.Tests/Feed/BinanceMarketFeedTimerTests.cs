using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.Tests.Feed;

public sealed class BinanceMarketFeedTimerTests
{
    private static readonly StreamName BtcTrade = StreamName.Trade(new Symbol("BTCUSDT"));

    [Fact]
    public async Task RotationInterval_ReplacesTheConnectionAtOnce()
    {
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri, o => o with { RotationInterval = TimeSpan.FromMilliseconds(300) });
        harness.Feed.Subscribe([BtcTrade]);
        harness.Feed.Start();
        var first = await server.NextAsync();

        var second = await server.NextAsync();
        await first.Ended.WaitAsync(Await.Limit);
        // The server sees the new socket before the feed's events reach the consumer scheduler.
        await Await.UntilAsync(() => harness.EventsOf<Connected>().Count == 2, "second connection");

        harness.EventsOf<Disconnected>()[0].Reason.ShouldBe(DisconnectReason.Rotation);
        harness.EventsOf<Reconnecting>()[0].Delay.ShouldBe(TimeSpan.Zero);
        second.PathAndQuery.ShouldBe(first.PathAndQuery);
    }

    [Fact]
    public async Task NoFrames_ReportsStaleThenFreshOnTheNextFrame()
    {
        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri, o => o with { StaleAfter = TimeSpan.FromMilliseconds(200) });
        harness.Feed.Subscribe([BtcTrade]);
        harness.Feed.Start();
        var socket = await server.NextAsync();
        await Await.UntilAsync(() => harness.EventsOf<Stale>().Count >= 1, "stale");

        await socket.SendAsync(Payloads.Trade(1));
        await Await.UntilAsync(() => harness.EventsOf<Fresh>().Count == 1, "fresh");

        harness.EventsOf<Fresh>().Single().Source.ShouldBe("binance-market");
        harness.EventsOf<Disconnected>().ShouldBeEmpty();
    }

    [Fact]
    public async Task HangingUpgrade_ConnectTimeoutThenRetries()
    {
        await using var server = await WebSocketServer.StartAsync();
        server.HoldUpgrades = true;
        await using var harness = FeedHarness.Create(server.BaseUri, o => o with { ConnectTimeout = TimeSpan.FromMilliseconds(300) });
        harness.Feed.Start();
        await Await.UntilAsync(() => server.HeldUpgrades >= 2, "a second attempt");

        server.HoldUpgrades = false;
        _ = await server.NextAsync();
        await Await.UntilAsync(() => harness.EventsOf<Connected>().Count == 1, "connected");

        harness.EventsOf<Reconnecting>().Count.ShouldBeGreaterThanOrEqualTo(2);
        harness.EventsOf<Disconnected>().ShouldBeEmpty();
    }

    [Fact]
    public async Task ConnectionRefused_BackoffDelaysRunInVirtualTime()
    {
        // The refusals come from real sockets; the delays between attempts are virtual. The test advances the
        // scheduler only after awaiting the feed's report, so the scheduler is never used by two threads at once.
        var scheduler = new TestScheduler();
        var events = new ConcurrentQueue<ConnectionEvent>();
        using var feed = new BinanceMarketFeed(new BinanceFeedOptions
        {
            BaseUri = WebSocketServer.ClosedPort(),
            Scheduler = scheduler,
            ConsumerScheduler = ImmediateScheduler.Instance,
            Backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)),
            MaxReconnectAttempts = 2,
        });
        using var subscription = feed.ConnectionEvents.Subscribe(events.Enqueue);
        feed.Start();
        await Await.UntilAsync(() => events.OfType<Reconnecting>().Count() == 1, "first refusal");

        scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks - 1);
        feed.State.ShouldBe(FeedState.WaitingToReconnect);
        scheduler.AdvanceBy(1);
        await Await.UntilAsync(() => events.OfType<Reconnecting>().Count() == 2, "second refusal");
        scheduler.AdvanceBy(TimeSpan.FromSeconds(2).Ticks);
        await Await.UntilAsync(() => events.OfType<FeedGaveUp>().Count() == 1, "gave up");

        events.OfType<Reconnecting>().Select(r => (r.Attempt, r.Delay, r.Time.Ticks))
            .ShouldBe([(1, TimeSpan.FromSeconds(1), 0L), (2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1).Ticks)]);
        events.OfType<FeedGaveUp>().Single().Time.Ticks.ShouldBe(TimeSpan.FromSeconds(3).Ticks);
    }

    [Fact]
    public void Options_OutOfRange_AreRejected()
    {
        var scheduler = System.Reactive.Concurrency.Scheduler.Immediate;
        var valid = new BinanceFeedOptions { Scheduler = scheduler, ConsumerScheduler = scheduler };
        Should.Throw<ArgumentNullException>(() => new BinanceMarketFeed(null!));
        Should.Throw<ArgumentOutOfRangeException>(() => new BinanceMarketFeed(valid with { MaxReconnectAttempts = 0 }));
        Should.Throw<ArgumentOutOfRangeException>(() => new BinanceMarketFeed(valid with { ControlMessagesPerSecond = 6 }));
        Should.Throw<ArgumentOutOfRangeException>(() => new BinanceMarketFeed(valid with { SilenceTimeout = TimeSpan.Zero }));
        Should.Throw<ArgumentOutOfRangeException>(() => new BinanceMarketFeed(valid with { HandOffPolicy = OverflowPolicy.ConflatePerKey }));
        Should.Throw<ArgumentException>(() => new BinanceMarketFeed(valid with { BaseUri = new Uri("http://127.0.0.1") }));
        using var feed = new BinanceMarketFeed(valid);
        feed.State.ShouldBe(FeedState.Idle);
    }

    [Fact]
    public void Subscribe_PastTheConnectionLimit_Throws()
    {
        var scheduler = System.Reactive.Concurrency.Scheduler.Immediate;
        using var feed = new BinanceMarketFeed(new BinanceFeedOptions { Scheduler = scheduler, ConsumerScheduler = scheduler });
        var streams = Enumerable.Range(0, 1025).Select(i => StreamName.Trade(new Symbol($"S{i}USDT"))).ToArray();

        feed.Subscribe(streams[..1024]).Count.ShouldBe(1024);
        feed.Subscribe(streams[..10]).ShouldBeEmpty();
        Should.Throw<InvalidOperationException>(() => feed.Subscribe(streams[1024..]));
        feed.Unsubscribe(streams[..2]).Count.ShouldBe(2);
        feed.Streams.Count.ShouldBe(1022);
    }
}

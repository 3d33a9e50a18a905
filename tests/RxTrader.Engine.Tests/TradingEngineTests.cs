using System.Reactive.Concurrency;
using System.Reactive.Linq;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.Orders;
using RxTrader.Strategies;
using RxTrader.Trading.Risk;

namespace RxTrader.Engine.Tests;

/// <summary>The whole engine in virtual time: trades → bars → strategy → signals → risk gate → journal → paper venue.</summary>
public sealed class TradingEngineTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task BuyThenSell_SignalsAtBarClose_BecomeJournaledOrders_AndEndFlat()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int> { 2 }, new HashSet<int> { 4 }));
        var signals = new List<Signal>();
        using var _ = h.Engine.Signals.Subscribe(signals.Add);
        await h.Engine.StartAsync();

        Trade(h, seconds: 6);
        h.AdvanceTo(TimeSpan.FromSeconds(6.5));

        signals.Select(s => (s.Symbol, s.Side, s.Time - EngineHarness.Origin)).ShouldBe(
        [
            (EngineHarness.Btc, Side.Buy, TimeSpan.FromSeconds(2) - Ms),
            (EngineHarness.Eth, Side.Buy, TimeSpan.FromSeconds(2) - Ms),
            (EngineHarness.Btc, Side.Sell, TimeSpan.FromSeconds(4) - Ms),
            (EngineHarness.Eth, Side.Sell, TimeSpan.FromSeconds(4) - Ms),
        ]);
        h.Engine.Metrics.Signals.ShouldBe(4);
        h.Engine.Metrics.Submitted.ShouldBe(4);
        h.Journal.OrderCount.ShouldBe(4);
        h.Engine.CountOrdersByStatus().ShouldBe(new Dictionary<OrderStatus, int> { [OrderStatus.Filled] = 4 }, string.Join("\n", h.Engine.Manager.Orders.Items.Select(o => o.ToString())));
        // What is left is the commission the buys paid in the base asset: dust below the minimum notional.
        h.Engine.Manager.Positions.Lookup(EngineHarness.Btc)!.Quantity.ShouldBeInRange(0m, 0.002m);
        h.Engine.Manager.Positions.Lookup(EngineHarness.Eth)!.Quantity.ShouldBeInRange(0m, 0.004m);
        h.Engine.Metrics.Signals.ShouldBe(4);
        var buy = h.Engine.Manager.Orders.Items.First(o => o.Request.Side == Side.Buy && o.Request.Symbol == EngineHarness.Btc);
        buy.Request.Type.ShouldBe(OrderType.Market);
        buy.Request.QuoteQuantity.ShouldBe(h.Options.OrderQuoteAmount);
    }

    [Fact]
    public async Task BuyWhileLong_AndSellWhileFlat_NeedNoOrder()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int> { 2, 3 }, new HashSet<int> { 1 }));
        await h.Engine.StartAsync();

        Trade(h, seconds: 4);
        h.AdvanceTo(TimeSpan.FromSeconds(4.5));

        h.Engine.Metrics.Signals.ShouldBe(6);
        h.Engine.Metrics.Submitted.ShouldBe(2);
        h.Journal.OrderCount.ShouldBe(2);
        h.Engine.Manager.Positions.Lookup(EngineHarness.Btc)!.Quantity.ShouldBeGreaterThan(0m);
    }

    [Fact]
    public async Task Gap_BlocksOrdersUntilABarOpensAfterTheLostInterval()
    {
        var limits = new RiskLimits();
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int> { 3, 6 }, new HashSet<int> { 5 }), limits: limits);
        var rejections = new List<RiskRejection>();
        using var _ = h.Engine.Gate.Rejections.Subscribe(rejections.Add);
        await h.Engine.StartAsync();

        Trade(h, seconds: 2, symbol: EngineHarness.Btc);
        h.AdvanceTo(TimeSpan.FromSeconds(2.1));
        var now = h.Scheduler.Now;
        h.Source.Raise(new Gap(now, "btcusdt@trade", now - TimeSpan.FromSeconds(1.5), now));
        h.Engine.Gate.DataHealthOf(EngineHarness.Btc).ShouldBe(DataHealth.Gapped);
        h.Engine.Gate.DataHealthOf(EngineHarness.Eth).ShouldBe(DataHealth.Healthy);

        // Bar 3 = [2 s, 3 s) opened before the gap ended: its Buy is refused. Bar 4 opens after it: healthy again.
        Trade(h, seconds: 7, from: 2.25, symbol: EngineHarness.Btc);
        h.AdvanceTo(TimeSpan.FromSeconds(7.5));

        rejections.Select(r => r.Reason).ShouldBe([RiskRejectionReason.DataUnhealthy]);
        h.Engine.Metrics.RiskRejections.ShouldBe(1);
        h.Engine.Gate.DataHealthOf(EngineHarness.Btc).ShouldBe(DataHealth.Healthy);
        // Sell on bar 5 finds no position (skipped); Buy on bar 6 goes through.
        h.Journal.OrderCount.ShouldBe(1);
    }

    [Fact]
    public async Task UnsyncedOrderBook_BlocksItsSymbolUntilSyncedAgain()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int> { 2, 4 }, new HashSet<int> { 3 }));
        var rejections = new List<RiskRejection>();
        using var _ = h.Engine.Gate.Rejections.Subscribe(rejections.Add);
        await h.Engine.StartAsync();
        h.Source.Raise(new Sources.BookSyncChange(EngineHarness.Btc, IsSynced: false, "Gap"));

        Trade(h, seconds: 2.5);
        h.Engine.Gate.DataHealthOf(EngineHarness.Btc).ShouldBe(DataHealth.BookUnsynced);
        h.Source.Raise(new Sources.BookSyncChange(EngineHarness.Btc, IsSynced: true, "SnapshotApplied"));
        Trade(h, seconds: 5, from: 2.5);
        h.AdvanceTo(TimeSpan.FromSeconds(5.5));

        // Bar 2's Buy on BTCUSDT is refused while its book is unsynced; ETHUSDT trades; bar 4's Buy goes through.
        rejections.ShouldHaveSingleItem().Reason.ShouldBe(RiskRejectionReason.DataUnhealthy);
        rejections[0].Request.Symbol.ShouldBe(EngineHarness.Btc);
        h.Engine.Gate.DataHealthOf(EngineHarness.Btc).ShouldBe(DataHealth.Healthy);
        h.Engine.Manager.Positions.Lookup(EngineHarness.Btc)!.Quantity.ShouldBeGreaterThan(0m);
        h.Journal.OrderCount.ShouldBe(4);
    }

    [Fact]
    public async Task StopAsync_CancelsOpenOrders_StopsEveryTask_AndReleasesTheSource()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int>(), new HashSet<int>()));
        await h.Engine.StartAsync();
        h.Engine.Tasks.Names.ShouldBe(["market-stream", "order-router", "performance-monitor", "pipeline-0", "status-monitor"]);
        Trade(h, seconds: 1);
        var resting = OrderRequest.Limit(ClientOrderId.For("manual", 1), EngineHarness.Btc, Side.Buy, 1m, 50m);
        (await h.Engine.Entry.SubmitAsync(resting)).IsSubmitted.ShouldBeTrue();
        h.Engine.Manager.OpenOrderCount.ShouldBe(1);

        var report = await h.Engine.StopAsync(cancelOpenOrders: true);

        report.ShouldBe(new EngineStopReport(InFlightCompleted: true, CancelRequested: 1, Cancelled: 1, OpenOrdersLeft: 0));
        h.Engine.Tasks.Active.ShouldBe(0);
        h.Source.Disposed.ShouldBeTrue();
        h.Journal.FindOrder(resting.ClientOrderId)!.Order!.Status.ShouldBe(OrderStatus.Canceled);
        (await h.Engine.StopAsync(cancelOpenOrders: true)).ShouldBeSameAs(report);
    }

    [Fact]
    public async Task StopAsync_WithTradesStillQueuedForTheShards_DropsThemQuietly()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int> { 1 }, new HashSet<int>()));
        await h.Engine.StartAsync();
        h.AdvanceTo(TimeSpan.FromSeconds(1));
        var now = h.Scheduler.Now;
        for (var i = 0; i < 100; i++)
        {
            // Pushed without advancing: the shard has not run, the trades wait in its hand-off.
            h.Source.Push(new RxTrader.Core.MarketData.Trade(EngineHarness.Btc, 1_000 + i, 100m, 1m, now, now, IsBuyerMaker: false));
        }

        await h.Engine.StopAsync(cancelOpenOrders: false);
        h.AdvanceTo(TimeSpan.FromSeconds(5));

        h.Engine.Snapshot().Symbols[0].LastPrice.ShouldBeNull();
        h.Journal.OrderCount.ShouldBe(0);
    }

    [Fact]
    public async Task StopAsync_WhileARealShardThreadIsStillDelivering_NeitherThrowsNorCrashes()
    {
        // Never disposed, like every event loop that ever had a timer (Rx may move a due timer onto it later).
        var shard = new EventLoopScheduler();
        var errors = new List<Exception>();
        for (var round = 0; round < 10; round++)
        {
            var schedulers = new EngineSchedulers(RxTrader.Testing.RealTime.Scheduler, [shard], RxTrader.Testing.RealTime.Scheduler);
            await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int>(), new HashSet<int>()), schedulers: schedulers);
            await h.Engine.StartAsync();
            var now = DateTimeOffset.UnixEpoch.AddYears(56);
            var pusher = Task.Run(() =>
            {
                try
                {
                    for (var i = 0; i < 20_000; i++)
                    {
                        h.Source.Push(new RxTrader.Core.MarketData.Trade(EngineHarness.Btc, i, 100m, 1m, now, now, IsBuyerMaker: false));
                    }
                }
                catch (ObjectDisposedException)
                {
                    // The source itself was disposed by the stop: the pusher only feeds it.
                }
            });
            await Task.Delay(2);
            await h.Engine.StopAsync(cancelOpenOrders: false);
            await pusher;
            await Task.Delay(20);
            errors.AddRange(h.Engine.SourceError is { } e ? [e] : []);
        }

        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task SignalsAfterStop_AreNotTraded()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int> { 2 }, new HashSet<int>()));
        await h.Engine.StartAsync();
        Trade(h, seconds: 1);
        await h.Engine.StopAsync(cancelOpenOrders: false);

        Trade(h, seconds: 3, from: 1);
        h.AdvanceTo(TimeSpan.FromSeconds(4));

        h.Journal.OrderCount.ShouldBe(0);
        h.Engine.Metrics.Signals.ShouldBe(0);
    }

    [Fact]
    public async Task FailingStrategy_StopsOnlyItsSymbol()
    {
        var created = 0;
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int> { 3 }, new HashSet<int>(), failOnBar: ++created == 1 ? 2 : null));
        await h.Engine.StartAsync();

        Trade(h, seconds: 4);
        h.AdvanceTo(TimeSpan.FromSeconds(4.5));

        h.Engine.Metrics.Signals.ShouldBe(1);
        h.Engine.StrategyErrors().ShouldHaveSingleItem().Key.ShouldBe(EngineHarness.Btc);
        h.Engine.StrategyErrors()[EngineHarness.Btc].Message.ShouldBe("strategy failed on purpose");
        h.Engine.Manager.Positions.Lookup(EngineHarness.Eth)!.Quantity.ShouldBeGreaterThan(0m);
        (h.Engine.Manager.Positions.Lookup(EngineHarness.Btc)?.Quantity ?? 0m).ShouldBe(0m);
    }

    [Fact]
    public async Task TradesOfOtherSymbols_AreCountedAndIgnored()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int>(), new HashSet<int>()));
        await h.Engine.StartAsync();

        h.TradeAt(TimeSpan.FromSeconds(0.5), new Symbol("BNBUSDT"), 300m);

        h.Engine.UnknownSymbolTrades.ShouldBe(1);
    }

    [Fact]
    public async Task Shards_ProduceTheSameSignalsAsOnePipeline()
    {
        async Task<List<(Symbol, Side, DateTimeOffset)>> Run(int shards)
        {
            await using var h = new EngineHarness(
                () => new ScriptedStrategy(new HashSet<int> { 2, 5 }, new HashSet<int> { 3 }),
                new TradingEngineOptions { Symbols = [EngineHarness.Btc, EngineHarness.Eth], BarInterval = TimeSpan.FromSeconds(1) },
                shards: shards);
            var signals = new List<(Symbol, Side, DateTimeOffset)>();
            using var _ = h.Engine.Signals.Subscribe(s => signals.Add((s.Symbol, s.Side, s.Time)));
            await h.Engine.StartAsync();
            Trade(h, seconds: 6);
            h.AdvanceTo(TimeSpan.FromSeconds(6.5));
            h.Engine.Tasks.Names.Count(n => n.StartsWith("pipeline-", StringComparison.Ordinal)).ShouldBe(shards);
            return signals;
        }

        var one = await Run(1);
        var three = await Run(3);
        one.Count.ShouldBe(6);
        three.OrderBy(s => s.Item3).ThenBy(s => s.Item1.Value).ShouldBe(one.OrderBy(s => s.Item3).ThenBy(s => s.Item1.Value));
    }

    [Fact]
    public async Task SourceDeliveringOnTheOnlyShard_ReachesThePipelineWithoutAnotherHandOff()
    {
        await using var direct = new EngineHarness(() => new ScriptedStrategy(new HashSet<int>(), new HashSet<int>()), sourceDeliversOnTheShard: true);
        await using var handedOff = new EngineHarness(() => new ScriptedStrategy(new HashSet<int>(), new HashSet<int>()));
        await direct.Engine.StartAsync();
        await handedOff.Engine.StartAsync();
        var now = EngineHarness.Origin;

        // Pushed without advancing the scheduler: only a hand-off would wait for it.
        direct.Source.Push(new RxTrader.Core.MarketData.Trade(EngineHarness.Btc, 1, 101m, 1m, now, now, IsBuyerMaker: false));
        handedOff.Source.Push(new RxTrader.Core.MarketData.Trade(EngineHarness.Btc, 1, 101m, 1m, now, now, IsBuyerMaker: false));

        direct.Engine.Snapshot().Symbols[0].LastPrice.ShouldBe(101m);
        handedOff.Engine.Snapshot().Symbols[0].LastPrice.ShouldBeNull();
        handedOff.Scheduler.AdvanceBy(1);
        handedOff.Engine.Snapshot().Symbols[0].LastPrice.ShouldBe(101m);
        direct.Engine.Tasks.Names.ShouldContain("pipeline-0");
    }

    [Fact]
    public async Task Snapshot_ShowsPricesBarsIndicatorsSignalsPositionsAndOrders()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int> { 2 }, new HashSet<int>()));
        await h.Engine.StartAsync();
        Trade(h, seconds: 3);
        h.TradeAt(TimeSpan.FromSeconds(3.5), EngineHarness.Btc, 123.45m);

        var snapshot = h.Engine.Snapshot();

        snapshot.Time.ShouldBe(h.Scheduler.Now);
        snapshot.Uptime.ShouldBe(h.Scheduler.Now - EngineHarness.Origin);
        snapshot.ActiveTasks.ShouldBe(5);
        snapshot.Mode.ShouldBe(TradingMode.Active);
        var btc = snapshot.Symbols[0];
        btc.Symbol.ShouldBe(EngineHarness.Btc);
        btc.LastPrice.ShouldBe(123.45m);
        btc.CurrentBar.ShouldNotBeNull().OpenTime.ShouldBe(EngineHarness.Origin + TimeSpan.FromSeconds(3));
        btc.CurrentBar.Value.Close.ShouldBe(123.45m);
        btc.Indicators.ShouldBe([new IndicatorReading("bar", 3)]);
        btc.LastSignal.ShouldNotBeNull().Side.ShouldBe(Side.Buy);
        btc.Position.ShouldBeGreaterThan(0m);
        snapshot.Feed.State.ShouldBe("Connected");
        snapshot.Feed.Messages.ShouldBe(h.Source.ReadCounters().Messages);
        snapshot.Orders.Signals.ShouldBe(2);
        snapshot.Orders.Submitted.ShouldBe(2);
        snapshot.Orders.ByStatus[OrderStatus.Filled].ShouldBe(2);

        h.TradeAt(TimeSpan.FromSeconds(4.5), EngineHarness.Btc, 123.46m);
        var next = h.Engine.Snapshot();
        next.Feed.MessagesPerSecond.ShouldBe(1.0, tolerance: 0.01);
    }

    [Fact]
    public async Task Snapshots_SampleAtTheRefreshPeriod()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int>(), new HashSet<int>()));
        await h.Engine.StartAsync();
        var times = new List<DateTimeOffset>();
        using var _ = h.Engine.Snapshots(TimeSpan.FromMilliseconds(250)).Subscribe(s => times.Add(s.Time));

        h.AdvanceTo(TimeSpan.FromSeconds(1));

        times.Select(t => t - EngineHarness.Origin).ShouldBe([250 * Ms, 500 * Ms, 750 * Ms, 1000 * Ms]);
    }

    [Fact]
    public async Task Constructor_RefusesSymbolsTheExchangeDoesNotList_AndDuplicates()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int>(), new HashSet<int>()));
        var strategy = () => (IStrategy)new ScriptedStrategy(new HashSet<int>(), new HashSet<int>());
        var unknown = new TradingEngineOptions { Symbols = [new Symbol("DOGEUSDT")] };
        Should.Throw<ArgumentException>(() => new TradingEngine(h.Source, h.Venue, h.Journal, EngineHarness.SymbolInfos, strategy, unknown, EngineSchedulers.OnOne(h.Scheduler)))
            .Message.ShouldContain("DOGEUSDT");
        var twice = new TradingEngineOptions { Symbols = [EngineHarness.Btc, EngineHarness.Btc] };
        Should.Throw<ArgumentException>(() => new TradingEngine(h.Source, h.Venue, h.Journal, EngineHarness.SymbolInfos, strategy, twice, EngineSchedulers.OnOne(h.Scheduler)));
        await h.Engine.StartAsync();
        await Should.ThrowAsync<InvalidOperationException>(() => h.Engine.StartAsync());
    }

    /// <summary>Both symbols trade every 250 ms from <paramref name="from"/> s to <paramref name="seconds"/> s (exclusive).</summary>
    private static void Trade(EngineHarness h, double seconds, double from = 0, Symbol? symbol = null)
    {
        for (var t = from; t < seconds; t += 0.25)
        {
            if (symbol is null || symbol == EngineHarness.Btc)
            {
                h.TradeAt(TimeSpan.FromSeconds(t), EngineHarness.Btc, 100m + (decimal)t);
            }

            if (symbol is null || symbol == EngineHarness.Eth)
            {
                h.TradeAt(TimeSpan.FromSeconds(t), EngineHarness.Eth, 50m + (decimal)t);
            }
        }
    }
}

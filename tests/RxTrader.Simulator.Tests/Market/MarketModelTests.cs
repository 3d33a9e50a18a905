using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.Market.MarketFixture;

namespace RxTrader.Simulator.Tests.Market;

public sealed class MarketModelTests
{
    [Fact]
    public void Start_SameSeed_IdenticalTrades()
    {
        var first = TradesOf(new MarketModelOptions { Seed = 42 });
        var second = TradesOf(new MarketModelOptions { Seed = 42 });

        first.Count.ShouldBeGreaterThan(100);
        second.ShouldBe(first);
    }

    [Fact]
    public void Start_DifferentSeed_DifferentTrades()
    {
        TradesOf(new MarketModelOptions { Seed = 42 }).ShouldNotBe(TradesOf(new MarketModelOptions { Seed = 43 }));
    }

    [Fact]
    public void Start_DefaultUniverse_TradesEverySymbolNearItsPrice()
    {
        using var f = new MarketFixture(new MarketModelOptions());
        f.Model.Start();
        f.AdvanceSeconds(60);

        var trades = f.Trades.ToList();
        foreach (var (symbol, price) in new[] { ("BTCUSDT", 60_000m), ("ETHUSDT", 3_000m), ("BNBUSDT", 600m) })
        {
            var mine = trades.Where(t => t.Symbol == new Symbol(symbol)).ToList();
            mine.Count.ShouldBeGreaterThan(60);
            mine.ShouldAllBe(t => t.Price > price * 0.9m && t.Price < price * 1.1m);
        }

        f.Model.GetStatistics().Select(s => s.Symbol.Value).ShouldBe(["BTCUSDT", "ETHUSDT", "BNBUSDT"]);
    }

    [Fact]
    public void Arrivals_Clustering_CountsVaryMoreThanPoisson()
    {
        var clustered = FanoFactor(Bnb1(s => Frozen(s) with { Clustering = 0.8 }));
        var poisson = FanoFactor(Bnb1(s => Frozen(s) with { Clustering = 0 }));

        clustered.ShouldBeGreaterThan(1.8);
        poisson.ShouldBeInRange(0.7, 1.4);
    }

    [Fact]
    public void Regimes_RealisedVolatility_FollowsTheRegime()
    {
        var calm = RealisedVolatility(Bnb1(s => Frozen(s) with { InitialRegime = MarketRegime.Calm }));
        var volatileVol = RealisedVolatility(Bnb1(s => Frozen(s) with { InitialRegime = MarketRegime.Volatile }));

        calm.ShouldBeInRange(0.00001, 0.00004); // configured 0.00002 per √s
        volatileVol.ShouldBeInRange(0.00012, 0.0003); // configured 0.0002 per √s
    }

    [Fact]
    public void Regimes_Switch()
    {
        var fast = new RegimeOptions { SwitchProbabilityPerSecond = 0.2 };
        using var f = new MarketFixture(Bnb1(s => s with { Calm = fast, Normal = fast, Volatile = fast }));
        f.Model.Start();
        var seen = new HashSet<MarketRegime>();
        for (var i = 0; i < 120; i++)
        {
            f.AdvanceSeconds(1);
            seen.Add(f.Model.GetStatistics()[0].Regime);
        }

        seen.Count.ShouldBe(3);
        f.Model.GetStatistics()[0].RegimeSwitches.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Book_AfterEveryStep_OnGridDeepAndUncrossed()
    {
        using var f = new MarketFixture(Bnb1(s => s with { Volatile = s.Volatile with { SwitchProbabilityPerSecond = 0.05 }, Calm = s.Calm with { SwitchProbabilityPerSecond = 0.05 }, Normal = s.Normal with { SwitchProbabilityPerSecond = 0.05 } }));
        f.Model.Start();
        var options = f.Model.Options.Symbols[0];
        for (var i = 0; i < 3000; i++)
        {
            f.AdvanceSeconds(0.05);
            var depth = f.Engine.GetDepth(Bnb, 5000).Value;
            depth.Bids.Length.ShouldBeGreaterThanOrEqualTo(options.Depth);
            depth.Asks.Length.ShouldBeGreaterThanOrEqualTo(options.Depth);
            depth.Bids[0].Price.ShouldBeLessThan(depth.Asks[0].Price);
            depth.Bids.Concat(depth.Asks).ShouldAllBe(l => l.Price > 0 && l.Price % 0.01m == 0 && l.Quantity > 0 && l.Quantity % 0.001m == 0);
        }

        var trades = f.Trades.ToList();
        trades.Count.ShouldBeGreaterThan(500);
        trades.ShouldAllBe(t => t.Price > 0 && t.Price % 0.01m == 0 && t.Quantity > 0 && t.Quantity % 0.001m == 0);
        trades.Count(t => t.Price * t.Quantity < 5m).ShouldBeLessThan(trades.Count / 100); // only fills of a level's last residue
    }

    [Fact]
    public void DepthDiffs_ContiguousAndReproduceTheBookFromASnapshot()
    {
        using var f = new MarketFixture(Bnb1());
        f.Model.Start();
        f.AdvanceSeconds(5);
        var snapshot = f.Engine.GetDepth(Bnb, 5000).Value;
        var from = f.Events.Count;
        f.AdvanceSeconds(60);

        var diffs = f.Events.Skip(from).OfType<DepthChanged>().Select(d => d.Update).ToList();
        diffs.Count.ShouldBeGreaterThan(300);
        var last = snapshot.LastUpdateId;
        var bids = snapshot.Bids.ToDictionary(l => l.Price, l => l.Quantity);
        var asks = snapshot.Asks.ToDictionary(l => l.Price, l => l.Quantity);
        foreach (var diff in diffs)
        {
            diff.Follows(last).ShouldBeTrue();
            last = diff.FinalUpdateId;
            Apply(bids, diff.Bids);
            Apply(asks, diff.Asks);
        }

        var now = f.Engine.GetDepth(Bnb, 5000).Value;
        now.LastUpdateId.ShouldBe(last);
        bids.OrderByDescending(p => p.Key).Select(p => new BookLevel(p.Key, p.Value)).ShouldBe(now.Bids);
        asks.OrderBy(p => p.Key).Select(p => new BookLevel(p.Key, p.Value)).ShouldBe(now.Asks);
    }

    [Fact]
    public void UserOrderAtTheTouch_FilledBySyntheticFlow()
    {
        using var f = new MarketFixture(Bnb1());
        f.Engine.AddSymbol(DefaultMarket.BnbUsdt);
        f.Engine.CreateAccount("user", [new("USDT", 100_000m, 0m), new("BNB", 100m, 0m)], CommissionRates.Default);
        f.Model.Start();
        f.AdvanceSeconds(1);
        var bestBid = f.Engine.GetDepth(Bnb, 1).Value.Bids[0].Price;

        var placed = f.Engine.PlaceOrder("user", new OrderRequest
        {
            Symbol = Bnb, Side = Side.Buy, Type = OrderType.Limit, TimeInForce = TimeInForce.Gtc, Price = bestBid, Quantity = 0.5m,
        }).Value!;
        f.AdvanceSeconds(300);

        var order = f.Engine.QueryOrder("user", Bnb, placed.Order.OrderId, null).Value!;
        order.Status.ShouldBe(OrderStatus.Filled);
        f.Events.OfType<ExecutionReport>().ShouldContain(r => r.OrderId == placed.Order.OrderId && r.IsMaker);
    }

    [Fact]
    public void Dispose_StopsEverything()
    {
        using var f = new MarketFixture(new MarketModelOptions());
        f.Model.Start();
        f.AdvanceSeconds(10);
        var count = f.Events.Count;
        count.ShouldBeGreaterThan(0);

        f.Model.Dispose();
        f.AdvanceSeconds(600);

        f.Events.Count.ShouldBe(count);
        f.Scheduler.Clock.ShouldBe(EngineFixture.MarbleStart.AddSeconds(610).Ticks);
        Should.Throw<ObjectDisposedException>(f.Model.Start);
        Should.Throw<ObjectDisposedException>(() => f.Model.GenerateTrades(1));
    }

    [Fact]
    public void Start_Twice_SchedulesOnce()
    {
        var once = TradesOf(new MarketModelOptions { Seed = 5 });
        using var f = new MarketFixture(new MarketModelOptions { Seed = 5 });
        f.Model.Start();
        f.Model.Start();
        f.AdvanceSeconds(30);

        f.Trades.Select(Key).ToList().ShouldBe(once);
    }

    [Fact]
    public void GenerateTrades_WithoutTheScheduler_PrintsThemAtOnce()
    {
        using var f = new MarketFixture(new MarketModelOptions());

        f.Model.GenerateTrades(3000).ShouldBe(3000);

        f.Trades.Count().ShouldBeGreaterThanOrEqualTo(3000);
        f.Model.GetStatistics().Sum(s => s.TradesGenerated).ShouldBe(3000);
        f.Scheduler.Clock.ShouldBe(EngineFixture.MarbleStart.Ticks);
        f.Model.GenerateTrades(0).ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => f.Model.GenerateTrades(-1));
        foreach (var symbol in DefaultMarket.AllRules)
        {
            var depth = f.Engine.GetDepth(symbol.Symbol, 5000).Value;
            depth.Bids.Length.ShouldBeGreaterThanOrEqualTo(20);
            depth.Asks.Length.ShouldBeGreaterThanOrEqualTo(20);
        }
    }

    [Fact]
    public void Statistics_CountTheLiquidityCalls()
    {
        using var f = new MarketFixture(Bnb1());
        f.Model.Start();
        f.AdvanceSeconds(30);

        var state = f.Model.GetStatistics().ShouldHaveSingleItem();
        state.Symbol.ShouldBe(Bnb);
        state.TradesGenerated.ShouldBeGreaterThan(50);
        state.LiquidityPlaced.ShouldBeGreaterThan(state.TradesGenerated);
        state.LiquidityReplaced.ShouldBeGreaterThan(0);
        state.LiquidityCanceled.ShouldBeGreaterThanOrEqualTo(0);
        state.BestBid.ShouldBeLessThan(state.BestAsk);
        state.Mid.ShouldBeInRange(state.BestBid, state.BestAsk);
        var depth = f.Engine.GetDepth(Bnb, 1).Value;
        depth.Bids[0].Price.ShouldBeGreaterThanOrEqualTo(state.BestBid);
    }

    private static (long, decimal, decimal, long, bool) Key(Trade t) => (t.TradeId, t.Price, t.Quantity, t.TradeTime.UtcTicks, t.IsBuyerMaker);

    private static List<(long, decimal, decimal, long, bool)> TradesOf(MarketModelOptions options)
    {
        using var f = new MarketFixture(options);
        f.Model.Start();
        f.AdvanceSeconds(30);
        return f.Trades.Select(Key).ToList();
    }

    private static double FanoFactor(MarketModelOptions options)
    {
        using var f = new MarketFixture(options);
        f.Model.Start();
        const int Seconds = 2000;
        f.AdvanceSeconds(Seconds);

        // One arrival may print several trades at one instant: count instants.
        var counts = new double[Seconds];
        foreach (var time in f.Trades.Select(t => t.TradeTime).Distinct())
        {
            var second = (int)(time - EngineFixture.MarbleStart).TotalSeconds;
            if (second < Seconds)
            {
                counts[second]++;
            }
        }

        var mean = counts.Average();
        var variance = counts.Sum(c => (c - mean) * (c - mean)) / (Seconds - 1);
        return variance / mean;
    }

    private static double RealisedVolatility(MarketModelOptions options)
    {
        using var f = new MarketFixture(options);
        f.Model.Start();
        var mids = new List<double>();
        for (var i = 0; i < 600; i++)
        {
            f.AdvanceSeconds(1);
            mids.Add((double)f.Model.GetStatistics()[0].FairPrice);
        }

        var returns = mids.Zip(mids.Skip(1), (a, b) => Math.Log(b / a)).ToList();
        var mean = returns.Average();
        return Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1));
    }

    private static void Apply(Dictionary<decimal, decimal> side, IEnumerable<BookLevel> levels)
    {
        foreach (var level in levels)
        {
            if (level.Quantity == 0)
            {
                side.Remove(level.Price);
            }
            else
            {
                side[level.Price] = level.Quantity;
            }
        }
    }
}

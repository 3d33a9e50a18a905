using System.Reactive.Linq;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Matching;

public sealed class EngineEventTests
{
    [Fact]
    public void CrossingIoc_EventsInOrder()
    {
        using var f = new EngineFixture();
        f.Place(Bob, Limit(Side.Sell, 100m, 1m, clientId: "maker"));
        f.Events.Clear();

        f.Place(Alice, Limit(Side.Buy, 100m, 2m, TimeInForce.Ioc, "taker"));

        f.Events.Select(Describe).ShouldBe(
        [
            "report alice 2 New New",
            "report alice 2 Trade PartiallyFilled",
            "report bob 1 Trade Filled",
            "trade 1",
            "report alice 2 Expired Expired",
            "depth 2-2",
            "position alice BTC,USDT",
            "position bob BTC,USDT",
        ]);
    }

    [Fact]
    public void TradeReports_CarryEverythingAnExecutionReportNeeds()
    {
        using var f = new EngineFixture();
        f.Place(Bob, Limit(Side.Sell, 100m, 1m, clientId: "maker"));
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(2).Ticks);
        f.Events.Clear();

        f.Place(Alice, Limit(Side.Buy, 100m, 0.4m, clientId: "taker") with { StrategyId = 7, StrategyType = 1_000_000 });

        var now = MarbleStart.AddSeconds(2);
        var reports = f.Reports.ToArray();
        reports[1].ShouldBe(new ExecutionReport(now)
        {
            AccountId = Alice, Symbol = BtcUsdt, ClientOrderId = "taker", Side = Side.Buy, Type = OrderType.Limit,
            TimeInForce = TimeInForce.Gtc, Quantity = 0.4m, Price = 100m, QuoteOrderQty = 0m,
            ExecutionType = ExecutionType.Trade, Status = OrderStatus.Filled, OrderId = 2, LastExecutedQty = 0.4m,
            LastExecutedPrice = 100m, CumulativeQty = 0.4m, CumulativeQuoteQty = 40m, Commission = 0.0008m,
            CommissionAsset = "BTC", TransactionTime = now, TradeId = 1, ExecutionId = reports[1].ExecutionId,
            IsWorking = false, IsMaker = false, CreationTime = now, WorkingTime = now, ExpiryReason = ExpiryReason.None,
            StrategyId = 7, StrategyType = 1_000_000,
        });
        reports[1].LastQuoteQty.ShouldBe(40m);
        reports[2].ShouldBe(reports[2] with
        {
            AccountId = Bob, ClientOrderId = "maker", Side = Side.Sell, OrderId = 1, Status = OrderStatus.PartiallyFilled,
            Commission = 0.04m, CommissionAsset = "USDT", IsMaker = true, IsWorking = true, CreationTime = MarbleStart,
        });
        reports.Select(r => r.ExecutionId).ShouldBeInOrder(SortDirection.Ascending);
        reports[0].TradeId.ShouldBe(-1);
        reports[0].CommissionAsset.ShouldBeNull();
        reports[0].IsWorking.ShouldBeTrue();
    }

    [Fact]
    public void Cancel_ReportCarriesCancelIdAndOriginalId()
    {
        using var f = new EngineFixture();
        f.Place(Alice, Limit(Side.Buy, 100m, 1m, clientId: "orig"));
        f.Events.Clear();

        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, OrigClientOrderId: "orig", NewClientOrderId: "cancel1"));

        var report = f.Reports.ShouldHaveSingleItem();
        report.ExecutionType.ShouldBe(ExecutionType.Canceled);
        report.Status.ShouldBe(OrderStatus.Canceled);
        report.ClientOrderId.ShouldBe("cancel1");
        report.OrigClientOrderId.ShouldBe("orig");
        report.IsWorking.ShouldBeFalse();
        f.Events.OfType<AccountPositionChanged>().ShouldHaveSingleItem().Balances.ShouldBe([new AssetBalance("USDT", 10_000m, 0m)]);
    }

    [Fact]
    public void PublicTrade_BuyerMakerFlagFollowsTheRestingSide()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Buy, 100m, 1m);
        f.Place(Alice, MarketOrder(Side.Sell, quantity: 0.5m));
        f.Liquidity(Side.Sell, 101m, 1m);
        f.Place(Alice, MarketOrder(Side.Buy, quantity: 0.5m));

        var trades = f.Events.OfType<PublicTradeExecuted>().Select(t => t.Trade).ToArray();

        trades.ShouldBe(
        [
            new Trade(BtcUsdt, 1, 100m, 0.5m, MarbleStart, MarbleStart, IsBuyerMaker: true),
            new Trade(BtcUsdt, 2, 101m, 0.5m, MarbleStart, MarbleStart, IsBuyerMaker: false),
        ]);
    }

    [Fact]
    public void Deposit_PublishesBalanceUpdateThenPosition()
    {
        using var f = new EngineFixture();
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(3).Ticks);
        f.Events.Clear();

        f.Engine.Deposit(Alice, "ETH", 2.5m);

        f.Events.Count.ShouldBe(2);
        f.Events[0].ShouldBe(new BalanceUpdated(MarbleStart.AddSeconds(3), Alice, "ETH", 2.5m));
        Describe(f.Events[1]).ShouldBe("position alice ETH");
    }

    [Fact]
    public void DepthDiffs_ChainWithoutGapsAndMatchTheSnapshot()
    {
        using var f = new EngineFixture();
        f.Engine.GetDepth(BtcUsdt).Value.LastUpdateId.ShouldBe(0);
        var diffs = new List<DepthUpdate>();
        using var _ = f.Engine.Events.OfType<DepthChanged>().Subscribe(d => diffs.Add(d.Update));

        var first = f.Liquidity(Side.Sell, 101m, 2m);
        f.Liquidity(Side.Sell, 102m, 1m);
        f.Place(Alice, Limit(Side.Buy, 99m, 1m));
        f.Place(Alice, MarketOrder(Side.Buy, quantity: 2.5m));
        var last = f.Liquidity(Side.Sell, 105m, 1m);
        f.Engine.ReplaceLiquidity(BtcUsdt, last, 104m, 3m).IsSuccess.ShouldBeTrue();
        f.Engine.CancelLiquidity(BtcUsdt, first).ShouldBeFalse(); // already filled: no change
        f.Engine.ReplaceLiquidity(BtcUsdt, first, 103m, 1m).Error.ShouldBe(ExchangeErrors.UnknownOrder);
        f.Engine.Deposit(Alice, "USDT", 1m); // balances only: no diff

        diffs.Select(d => d.FirstUpdateId).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L]);
        diffs.ShouldAllBe(d => d.FirstUpdateId == d.FinalUpdateId);
        diffs[3].Asks.ShouldBe([new BookLevel(101m, 0m), new BookLevel(102m, 0.5m)]);
        diffs[5].Asks.ShouldBe([new BookLevel(104m, 3m), new BookLevel(105m, 0m)]);
        var asks = new SortedDictionary<decimal, decimal>();
        var bids = new SortedDictionary<decimal, decimal>();
        foreach (var d in diffs)
        {
            Apply(asks, d.Asks);
            Apply(bids, d.Bids);
        }

        var snapshot = f.Engine.GetDepth(BtcUsdt).Value;
        snapshot.LastUpdateId.ShouldBe(6);
        snapshot.Asks.ShouldBe(asks.Select(p => new BookLevel(p.Key, p.Value)).ToArray());
        snapshot.Bids.ShouldBe(bids.Reverse().Select(p => new BookLevel(p.Key, p.Value)).ToArray());
        snapshot.Bids.ShouldBe([new BookLevel(99m, 1m)]);
    }

    [Fact]
    public void Observer_CallingBackIntoTheEngine_SeesEventsInOrderAfterItsOwn()
    {
        using var f = new EngineFixture();
        var seen = new List<string>();
        using var _ = f.Engine.Events.Subscribe(e =>
        {
            seen.Add(Describe(e));
            if (e is PublicTradeExecuted { Trade.TradeId: 1 })
            {
                // A market model refilling the level it just lost: its events follow the current batch.
                f.Liquidity(Side.Sell, 100m, 1m);
            }
        });
        f.Liquidity(Side.Sell, 100m, 1m);
        seen.Clear();

        f.Place(Alice, MarketOrder(Side.Buy, quantity: 1m));

        seen.ShouldBe(
        [
            "report alice 2 New New",
            "report alice 2 Trade Filled",
            "trade 1",
            "depth 2-2",
            "position alice BTC,USDT",
            "depth 3-3",
        ]);
        f.Engine.GetDepth(BtcUsdt).Value.Asks.ShouldBe([new BookLevel(100m, 1m)]);
    }

    [Fact]
    public void Dispose_CompletesTheStream()
    {
        var f = new EngineFixture();
        var completed = false;
        f.Engine.Events.Subscribe(_ => { }, () => completed = true);

        f.Dispose();

        completed.ShouldBeTrue();
    }

    private static void Apply(SortedDictionary<decimal, decimal> book, IEnumerable<BookLevel> levels)
    {
        foreach (var level in levels)
        {
            if (level.Quantity == 0)
            {
                book.Remove(level.Price);
            }
            else
            {
                book[level.Price] = level.Quantity;
            }
        }
    }

    private static string Describe(ExchangeEvent e) => e switch
    {
        ExecutionReport r => $"report {r.AccountId} {r.OrderId} {r.ExecutionType} {r.Status}",
        PublicTradeExecuted t => $"trade {t.Trade.TradeId}",
        DepthChanged d => $"depth {d.Update.FirstUpdateId}-{d.Update.FinalUpdateId}",
        AccountPositionChanged p => $"position {p.AccountId} {string.Join(',', p.Balances.Select(b => b.Asset).Order(StringComparer.Ordinal))}",
        _ => e.ToString(),
    };
}

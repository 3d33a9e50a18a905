using System.Reactive.Linq;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Matching;

/// <summary>Thousands of seeded random operations; after each, the invariants every state must satisfy.</summary>
public sealed class EngineInvariantTests
{
    private static readonly string[] Users = [Alice, Bob, "carol"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomOperations_KeepEveryInvariant(int seed)
    {
        using var f = new EngineFixture();
        f.Engine.CreateAccount("carol", [new AssetBalance("USDT", 3_000m, 0m), new AssetBalance("BTC", 30m, 0m)], new CommissionRates(0m, 0.00075m));
        var initial = Users.ToDictionary(u => u, u => f.Engine.GetAccount(u).Value!.Balances.ToDictionary(b => b.Asset, b => b.Free + b.Locked));
        var random = new Random(seed);
        var refusals = new Dictionary<int, int>();

        for (var step = 0; step < 4_000; step++)
        {
            f.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(random.Next(0, 5)).Ticks);
            var code = RandomOperation(f, random);
            if (code != 0)
            {
                refusals[code] = refusals.GetValueOrDefault(code) + 1;
            }

            BookIsNotCrossed(f);
            if (step % 50 == 0)
            {
                LocksMatchOpenOrders(f);
            }
        }

        LocksMatchOpenOrders(f);
        BalancesAreConservedExceptFees(f, initial);
        OrdersAreConsistentWithTheirFills(f);
        EventsAreConsistent(f);
        refusals.Keys.ShouldContain(-2010); // the sequence exercised refusals too
        f.Events.OfType<PublicTradeExecuted>().Count().ShouldBeGreaterThan(500);
    }

    private static int RandomOperation(EngineFixture f, Random random)
    {
        var user = Users[random.Next(Users.Length)];
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var price = 95m + (random.Next(0, 1_000) / 100m);
        var quantity = random.Next(1, 3_000) / 1_000m;
        ExchangeError? error = null;
        switch (random.Next(12))
        {
            case 0 or 1:
                var synthetic = f.Engine.PlaceLiquidity(BtcUsdt, side, price, quantity * 3);
                synthetic.IsSuccess.ShouldBeTrue();
                break;
            case 2:
                var liquidity = f.Engine.GetLiquidity(BtcUsdt);
                if (liquidity.Count > 0)
                {
                    var target = liquidity[random.Next(liquidity.Count)];
                    if (random.Next(2) == 0)
                    {
                        f.Engine.CancelLiquidity(BtcUsdt, target.OrderId).ShouldBeTrue();
                    }
                    else
                    {
                        f.Engine.ReplaceLiquidity(BtcUsdt, target.OrderId, price, quantity).IsSuccess.ShouldBeTrue();
                    }
                }

                break;
            case 3 or 4 or 5:
                var tif = (TimeInForce)random.Next(1, 4);
                error = f.Engine.PlaceOrder(user, Limit(side, price, quantity, tif)).Error;
                break;
            case 6:
                error = f.Engine.PlaceOrder(user, MarketOrder(side, quantity: quantity)).Error;
                break;
            case 7:
                error = f.Engine.PlaceOrder(user, MarketOrder(side, quote: quantity * 100m)).Error;
                break;
            case 8:
                error = f.Engine.PlaceOrder(user, new OrderRequest
                {
                    Symbol = BtcUsdt, Side = side, Type = OrderType.LimitMaker, Price = price, Quantity = quantity,
                }).Error;
                break;
            case 9 or 10:
                var open = f.Engine.OpenOrders(user, BtcUsdt).Value!;
                if (open.Count > 0)
                {
                    var order = open[random.Next(open.Count)];
                    f.Engine.CancelOrder(user, new CancelRequest(BtcUsdt, order.OrderId)).Error.ShouldBeNull();
                }

                break;
            default:
                if (random.Next(10) == 0)
                {
                    f.Engine.CancelOpenOrders(user, BtcUsdt);
                }

                break;
        }

        return error?.Code ?? 0;
    }

    private static void BookIsNotCrossed(EngineFixture f)
    {
        var depth = f.Engine.GetDepth(BtcUsdt, 1).Value;
        if (depth.Bids.Length > 0 && depth.Asks.Length > 0)
        {
            depth.Bids[0].Price.ShouldBeLessThan(depth.Asks[0].Price);
        }
    }

    private static void LocksMatchOpenOrders(EngineFixture f)
    {
        foreach (var user in Users)
        {
            var open = f.Engine.OpenOrders(user).Value!;
            var usdt = f.Balance(user, "USDT");
            var btc = f.Balance(user, "BTC");
            usdt.Free.ShouldBeGreaterThanOrEqualTo(0m);
            btc.Free.ShouldBeGreaterThanOrEqualTo(0m);
            usdt.Locked.ShouldBe(open.Where(o => o.Side == Side.Buy).Sum(o => o.Price * (o.OrigQty - o.ExecutedQty)));
            btc.Locked.ShouldBe(open.Where(o => o.Side == Side.Sell).Sum(o => o.OrigQty - o.ExecutedQty));
        }
    }

    private static void BalancesAreConservedExceptFees(EngineFixture f, Dictionary<string, Dictionary<string, decimal>> initial)
    {
        foreach (var user in Users)
        {
            var btc = initial[user]["BTC"];
            var usdt = initial[user]["USDT"];
            foreach (var t in AllTrades(f, user))
            {
                btc += t.IsBuyer ? t.Quantity : -t.Quantity;
                usdt += t.IsBuyer ? -t.QuoteQuantity : t.QuoteQuantity;
                if (t.CommissionAsset == "BTC")
                {
                    btc -= t.Commission;
                }
                else
                {
                    usdt -= t.Commission;
                }
            }

            var balanceBtc = f.Balance(user, "BTC");
            var balanceUsdt = f.Balance(user, "USDT");
            (balanceBtc.Free + balanceBtc.Locked).ShouldBe(btc, user);
            (balanceUsdt.Free + balanceUsdt.Locked).ShouldBe(usdt, user);
        }
    }

    private static void OrdersAreConsistentWithTheirFills(EngineFixture f)
    {
        foreach (var user in Users)
        {
            var trades = AllTrades(f, user).GroupBy(t => t.OrderId).ToDictionary(g => g.Key, g => g.ToArray());
            var open = f.Engine.OpenOrders(user).Value!.Select(o => o.OrderId).ToHashSet();
            foreach (var order in AllOrders(f, user))
            {
                var fills = trades.GetValueOrDefault(order.OrderId, []);
                order.ExecutedQty.ShouldBe(fills.Sum(t => t.Quantity));
                order.CumulativeQuoteQty.ShouldBe(fills.Sum(t => t.QuoteQuantity));
                order.ExecutedQty.ShouldBeLessThanOrEqualTo(order.OrigQty);
                open.Contains(order.OrderId).ShouldBe(order.IsWorking);
                switch (order.Status)
                {
                    case OrderStatus.New:
                        order.ExecutedQty.ShouldBe(0m);
                        break;
                    case OrderStatus.PartiallyFilled:
                        order.ExecutedQty.ShouldBeGreaterThan(0m);
                        order.ExecutedQty.ShouldBeLessThan(order.OrigQty);
                        break;
                    case OrderStatus.Filled:
                        order.ExecutedQty.ShouldBe(order.OrigQty);
                        break;
                    case OrderStatus.Canceled or OrderStatus.Expired:
                        order.ExecutedQty.ShouldBeLessThan(order.OrigQty);
                        break;
                    default:
                        throw new ShouldAssertException($"Unexpected status {order.Status}");
                }

                if (order.TimeInForce == TimeInForce.Fok)
                {
                    order.Status.ShouldBeOneOf(OrderStatus.Filled, OrderStatus.Expired);
                    (order.ExecutedQty == 0m || order.Status == OrderStatus.Filled).ShouldBeTrue();
                }

                if (order.Type == OrderType.Market || order.TimeInForce != TimeInForce.Gtc)
                {
                    order.IsWorking.ShouldBeFalse();
                }
            }
        }
    }

    private static void EventsAreConsistent(EngineFixture f)
    {
        var depth = f.Events.OfType<DepthChanged>().Select(d => d.Update).ToArray();
        depth.Select(d => d.FirstUpdateId).ShouldBe(Enumerable.Range(1, depth.Length).Select(i => (long)i));
        f.Engine.GetDepth(BtcUsdt).Value.LastUpdateId.ShouldBe(depth.Length);
        var trades = f.Events.OfType<PublicTradeExecuted>().Select(t => t.Trade.TradeId).ToArray();
        trades.ShouldBe(Enumerable.Range(1, trades.Length).Select(i => (long)i));

        foreach (var user in Users)
        {
            var byOrder = f.Reports.Where(r => r.AccountId == user).GroupBy(r => r.OrderId).ToDictionary(g => g.Key, g => g.ToArray());
            foreach (var order in AllOrders(f, user))
            {
                var reports = byOrder[order.OrderId];
                reports[0].ExecutionType.ShouldBe(ExecutionType.New);
                reports[^1].Status.ShouldBe(order.Status);
                reports.Where(r => r.ExecutionType == ExecutionType.Trade).Sum(r => r.LastExecutedQty).ShouldBe(order.ExecutedQty);
                reports[^1].CumulativeQty.ShouldBe(order.ExecutedQty);
            }
        }

        var asks = new SortedDictionary<decimal, decimal>();
        var bids = new SortedDictionary<decimal, decimal>();
        foreach (var d in depth)
        {
            Apply(asks, d.Asks);
            Apply(bids, d.Bids);
        }

        var snapshot = f.Engine.GetDepth(BtcUsdt, 5_000).Value;
        snapshot.Asks.ShouldBe(asks.Select(p => new BookLevel(p.Key, p.Value)).ToArray());
        snapshot.Bids.ShouldBe(bids.Reverse().Select(p => new BookLevel(p.Key, p.Value)).ToArray());
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

    private static List<AccountTrade> AllTrades(EngineFixture f, string user) =>
        PageAll(from => f.Engine.MyTrades(user, BtcUsdt, query: new HistoryQuery { FromId = from, Limit = 1_000 }).Value!, t => t.Id);

    private static List<OrderSnapshot> AllOrders(EngineFixture f, string user) =>
        PageAll(from => f.Engine.AllOrders(user, BtcUsdt, new HistoryQuery { FromId = from, Limit = 1_000 }).Value!, o => o.OrderId);

    private static List<T> PageAll<T>(Func<long, IReadOnlyList<T>> page, Func<T, long> id)
    {
        var all = new List<T>();
        var from = 0L;
        while (true)
        {
            var items = page(from);
            all.AddRange(items);
            if (items.Count < 1_000)
            {
                return all;
            }

            from = id(items[^1]) + 1;
        }
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Core.Orders;
using RxTrader.Testing;
using RxTrader.Trading.Paper;
using static RxTrader.Trading.Tests.Paper.PaperHarness;

namespace RxTrader.Trading.Tests.Paper;

public sealed class PaperVenueOrderUpdatesTests : ReactiveTest
{
    [Fact]
    public void OrderUpdates_Marble_NewOnAcceptThenEachFillAtItsDataTime_CompletedOnDispose()
    {
        var scheduler = new TestScheduler();
        var books = scheduler.CreateHotObservable(OnNext(150, new BookTicker(Btc, 1, 99m, 2m, 100m, 5m)));
        var trades = scheduler.CreateHotObservable<ITradeTick>(
            OnNext<ITradeTick>(210, Print(210, 98m, 0.4m)),
            OnNext<ITradeTick>(300, Print(300, 99m, 0.4m)),
            OnNext<ITradeTick>(400, Print(400, 98.5m, 1m)));
        var venue = new PaperVenue(DefaultOptions(), books, trades, scheduler);
        scheduler.ScheduleAbsolute(250, () => venue.PlaceAsync(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 99.5m)));
        scheduler.ScheduleAbsolute(900, venue.Dispose);

        var results = scheduler.Start(() => venue.OrderUpdates.ValidateGrammar());

        results.Messages.Select(m => (m.Time, m.Value.Kind)).ShouldBe(
        [
            (250L, System.Reactive.NotificationKind.OnNext),
            (300L, System.Reactive.NotificationKind.OnNext),
            (400L, System.Reactive.NotificationKind.OnNext),
            (900L, System.Reactive.NotificationKind.OnCompleted),
        ]);
        var updates = results.Messages.Where(m => m.Value.HasValue).Select(m => m.Value.Value).ToList();
        updates.Select(u => (u.Order.Status, u.Order.ExecutedQuantity, u.Fill?.Quantity)).ShouldBe(
        [
            (OrderStatus.New, 0m, (decimal?)null),
            (OrderStatus.PartiallyFilled, 0.4m, 0.4m),
            (OrderStatus.Filled, 1m, 0.6m),
        ]);
        books.Subscriptions.AssertEqual(Subscribe(0, 900));
        trades.Subscriptions.AssertEqual(Subscribe(0, 900));
    }

    [Fact]
    public void OrderUpdates_EveryOrder_FollowsTheGrammarAndNumbersAddUp()
    {
        using var h = new PaperHarness();
        h.Book(99m, 2m, 100m, 1m);
        var orders = new[]
        {
            h.Market(Side.Buy, 0.5m),
            h.Limit(Side.Buy, 2m, 100m),
            h.Limit(Side.Buy, 1m, 100m, TimeInForce.FillOrKill),
            h.Limit(Side.Sell, 1m, 101m),
            h.Limit(Side.Sell, 1m, 102m),
        };
        h.Cancel(orders[4].ClientOrderId);
        h.Trade(101.5m, 0.5m, sellerAggressor: false);
        h.Trade(99.5m, 5m, sellerAggressor: true);

        foreach (var order in orders)
        {
            var updates = h.Updates.Where(u => u.Order.ClientOrderId == order.ClientOrderId).ToList();
            updates[0].Order.Status.ShouldBe(OrderStatus.New);
            updates[0].Fill.ShouldBeNull();
            updates.Count(u => u.Order.IsTerminal).ShouldBeLessThanOrEqualTo(1);
            if (updates.FindIndex(u => u.Order.IsTerminal) is var end and >= 0)
            {
                end.ShouldBe(updates.Count - 1, "nothing after a terminal update");
            }

            var fills = updates.Where(u => u.Fill is not null).Select(u => u.Fill!).ToList();
            var last = updates[^1].Order;
            fills.Sum(f => f.Quantity).ShouldBe(last.ExecutedQuantity);
            fills.Sum(f => f.Price * f.Quantity).ShouldBe(last.CumulativeQuoteQuantity);
            fills.ShouldBe(h.Fills(order));
            h.Current(order).ShouldBe(last);
            updates.Where(u => u.Fill is not null).ShouldAllBe(u => u.Order.Status == OrderStatus.PartiallyFilled || u.Order.Status == OrderStatus.Filled);
        }

        var tradeIds = h.Updates.Where(u => u.Fill is not null).Select(u => u.Fill!.TradeId).ToList();
        tradeIds.ShouldBe(Enumerable.Range(1, tradeIds.Count).Select(i => (long)i).ToList());
        h.Violations.ShouldBeEmpty();
        h.Errored.ShouldBeFalse();
    }

    [Fact]
    public void OrderUpdates_IsHot_ALateSubscriberSeesOnlyLaterUpdates()
    {
        using var h = new PaperHarness();
        var first = h.Limit(Side.Buy, 1m, 90m);
        var late = new List<OrderUpdate>();
        using var subscription = h.Venue.OrderUpdates.Subscribe(late.Add);
        h.Cancel(first.ClientOrderId);
        late.Select(u => u.Order.Status).ShouldBe([OrderStatus.Canceled]);
    }

    [Fact]
    public void OrderUpdates_TradeIds_AreUniquePerSymbol()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        h.Book(9m, 5m, 10m, 5m, Eth);
        h.Market(Side.Buy, 1m);
        h.PlaceAccepted(OrderRequest.Market(Id(100), Eth, Side.Buy, 1m));
        h.Market(Side.Buy, 1m);
        h.Updates.Where(u => u.Fill is not null).Select(u => (u.Fill!.Symbol, u.Fill.TradeId))
            .ShouldBe([(Btc, 1L), (Eth, 1L), (Btc, 2L)]);
    }

    [Fact]
    public void OrderUpdates_SubscriberCallingBackIntoTheVenue_IsServedInOrderWithoutDeadlock()
    {
        using var h = new PaperHarness();
        var seen = new List<(OrderStatus Status, decimal FreeUsdt)>();
        var reentered = 0;
        using var subscription = h.Venue.OrderUpdates.Subscribe(u =>
        {
            var balances = h.Venue.GetBalancesAsync().Result.ShouldBeOfType<VenueOutcome<IReadOnlyList<Balance>>.Accepted>().Value;
            seen.Add((u.Order.Status, balances.Single(b => b.Asset == "USDT").Free));
            if (u.Order.Status == OrderStatus.Filled && reentered++ == 0)
            {
                // Placed from inside a delivery: its updates come after the current one.
                h.Venue.PlaceAsync(OrderRequest.Limit(Id(77), Btc, Side.Buy, 1m, 90m));
            }
        });
        h.Book(99m, 5m, 100m, 5m);
        h.Market(Side.Buy, 1m);

        seen.Select(s => s.Status).ShouldBe([OrderStatus.New, OrderStatus.Filled, OrderStatus.New]);
        h.Updates.Select(u => u.Order.Status).ShouldBe([OrderStatus.New, OrderStatus.Filled, OrderStatus.New]);
        h.Open().ShouldHaveSingleItem().ClientOrderId.ShouldBe(Id(77));
        h.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task OrderUpdates_ConcurrentCallersAndFeeds_DeliverOneAtATime()
    {
        using var h = new PaperHarness(o => o with
        {
            MaxOpenOrdersPerSymbol = 10_000,
            InitialBalances = new Dictionary<string, decimal> { ["USDT"] = 1_000_000m, ["BTC"] = 1_000m },
        });
        h.Book(99m, 1_000m, 100m, 1_000m);
        var tasks = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                var id = ClientOrderId.For("c" + t, i);
                h.Venue.PlaceAsync(OrderRequest.Limit(id, Btc, i % 2 == 0 ? Side.Buy : Side.Sell, 0.1m, i % 2 == 0 ? 99.5m : 99.6m));
                if (i % 3 == 0)
                {
                    h.Venue.CancelAsync(Btc, id);
                }
            }
        })).ToList();
        tasks.Add(Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                h.Trade(i % 2 == 0 ? 99.4m : 99.7m, 0.15m, sellerAggressor: i % 2 == 0);
            }
        }));
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30));

        h.Violations.ShouldBeEmpty();
        h.Updates.Count(u => u.Order.Status == OrderStatus.New).ShouldBe(400);
        h.Updates.Where(u => u.Fill is not null).Select(u => u.Fill!.TradeId).ShouldBeUnique();
    }

    [Fact]
    public void OrderUpdates_ThrowingSubscriber_ExceptionReachesTheCaller_StateChanged_RestDeliveredLater()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        var throwOnce = true;
        using var faulty = h.Venue.OrderUpdates.Subscribe(u =>
        {
            if (throwOnce)
            {
                throwOnce = false;
                throw new InvalidOperationException("subscriber bug");
            }
        });

        Should.Throw<InvalidOperationException>(() => h.Venue.PlaceAsync(OrderRequest.Market(Id(100), Btc, Side.Buy, 1m)));
        var market = h.Get(Id(100)).ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value;
        market.Status.ShouldBe(OrderStatus.Filled);
        h.Statuses(market).ShouldBe([OrderStatus.New], "the fill update is still queued");

        var resting = h.Limit(Side.Buy, 1m, 90m);
        h.Statuses(market).ShouldBe([OrderStatus.New, OrderStatus.Filled]);
        h.Statuses(resting).ShouldBe([OrderStatus.New]);
        h.Violations.ShouldBeEmpty();
    }

    [Fact]
    public void OrderUpdates_NeverError_FeedFailureEndsOnlyTheFeed()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        var order = h.Limit(Side.Buy, 1m, 99.5m);
        h.FeedError();
        h.Errored.ShouldBeFalse();
        h.Completed.ShouldBeFalse();
        h.Current(order).Status.ShouldBe(OrderStatus.New);
        h.Market(Side.Buy, 1m).Status.ShouldBe(OrderStatus.Filled, "the last known book still serves marketable orders");
        h.Cancel(order.ClientOrderId).ShouldBeOfType<VenueOutcome<Order>.Accepted>();
    }

    [Fact]
    public void Dispose_CompletesUpdates_StopsFeeds_IsIdempotent()
    {
        var books = new Subject<BookTicker>();
        var trades = new Subject<ITradeTick>();
        var venue = new PaperVenue(DefaultOptions(), books, trades, new TestScheduler());
        var completed = 0;
        using var sub = venue.OrderUpdates.Subscribe(_ => { }, () => completed++);
        venue.Dispose();
        venue.Dispose();
        completed.ShouldBe(1);
        books.HasObservers.ShouldBeFalse();
        trades.HasObservers.ShouldBeFalse();
    }

    [Fact]
    public void ClosedOrders_BeyondTheBound_AreForgottenOldestFirst()
    {
        using var h = new PaperHarness(o => o with { MaxClosedOrders = 3 });
        h.Book(99m, 50m, 100m, 50m);
        var orders = Enumerable.Range(0, 5).Select(_ => h.Market(Side.Buy, 0.1m)).ToList();
        var open = h.Limit(Side.Buy, 1m, 90m);

        h.Get(orders[0].ClientOrderId).ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(-2013);
        h.Get(orders[1].ClientOrderId).ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(-2013);
        h.Fills(orders[1]).ShouldBeEmpty();
        h.Current(orders[2]).Status.ShouldBe(OrderStatus.Filled);
        h.Fills(orders[4]).ShouldHaveSingleItem();
        h.Current(open).Status.ShouldBe(OrderStatus.New, "open orders are never forgotten");
    }

    [Fact]
    public void ClosedOrders_ReusedClientId_ForgettingTheOldOrderKeepsTheNewOne()
    {
        using var h = new PaperHarness(o => o with { MaxClosedOrders = 1 });
        var first = h.PlaceAccepted(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 90m));
        h.Cancel(first.ClientOrderId);
        var second = h.PlaceAccepted(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 91m));
        h.Cancel(second.ClientOrderId);
        h.Current(second).ExchangeOrderId.ShouldBe(second.ExchangeOrderId);
        h.Current(second).Status.ShouldBe(OrderStatus.Canceled);
    }

    private static Trade Print(long ticks, decimal price, decimal quantity) =>
        new(Btc, ticks, price, quantity, MarbleTime.At(ticks), MarbleTime.At(ticks), IsBuyerMaker: true);
}

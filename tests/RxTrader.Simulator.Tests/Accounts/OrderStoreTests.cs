using RxTrader.Core;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Accounts;

public sealed class OrderStoreTests
{
    [Fact]
    public void QueryOrder_ByIdByClientIdOrBoth_FindsTheOrder()
    {
        using var f = new EngineFixture();
        var id = f.Place(Alice, Limit(Side.Buy, 100m, 1m, clientId: "q1")).Order.OrderId;

        f.Engine.QueryOrder(Alice, BtcUsdt, id, null).Value!.ClientOrderId.ShouldBe("q1");
        f.Engine.QueryOrder(Alice, BtcUsdt, null, "q1").Value!.OrderId.ShouldBe(id);
        f.Engine.QueryOrder(Alice, BtcUsdt, id, "q1").Value!.OrderId.ShouldBe(id);
    }

    [Fact]
    public void QueryOrder_Mismatch_UnknownOrMissing_Refused()
    {
        using var f = new EngineFixture();
        var id = f.Place(Alice, Limit(Side.Buy, 100m, 1m, clientId: "q1")).Order.OrderId;
        var doesNotExist = new ExchangeError(-2013, "Order does not exist.");

        f.Engine.QueryOrder(Alice, BtcUsdt, id, "other").Error.ShouldBe(doesNotExist);
        f.Engine.QueryOrder(Alice, BtcUsdt, id + 1, null).Error.ShouldBe(doesNotExist);
        f.Engine.QueryOrder(Alice, BtcUsdt, null, "nope").Error.ShouldBe(doesNotExist);
        f.Engine.QueryOrder(Bob, BtcUsdt, id, null).Error.ShouldBe(doesNotExist);
        f.Engine.QueryOrder(Alice, BtcUsdt, null, null).Error
            .ShouldBe(new ExchangeError(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!"));
        f.Engine.QueryOrder(Alice, new Symbol("ETHUSDT"), id, null).Error!.Value.Code.ShouldBe(-1121);
    }

    [Fact]
    public void CancelOrder_ByClientId_ReturnsCancelIdAndOriginalId()
    {
        using var f = new EngineFixture();
        f.Place(Alice, Limit(Side.Buy, 100m, 1m, clientId: "c1"));
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);

        var canceled = f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, OrigClientOrderId: "c1", NewClientOrderId: "cx")).Value!;

        canceled.CancelClientOrderId.ShouldBe("cx");
        canceled.Order.ClientOrderId.ShouldBe("c1");
        canceled.Order.Status.ShouldBe(OrderStatus.Canceled);
        canceled.Order.UpdateTime.ShouldBe(MarbleStart.AddSeconds(1));
        canceled.Order.Time.ShouldBe(MarbleStart);
        canceled.TransactTime.ShouldBe(MarbleStart.AddSeconds(1));
        f.Engine.OpenOrders(Alice, BtcUsdt).Value!.ShouldBeEmpty();
        f.Engine.GetDepth(BtcUsdt).Value.Bids.ShouldBeEmpty();
    }

    [Fact]
    public void CancelOrder_UnknownFinalOrMismatched_UnknownOrderSent()
    {
        using var f = new EngineFixture();
        var unknown = new ExchangeError(-2011, "Unknown order sent.");
        var id = f.Place(Alice, Limit(Side.Buy, 100m, 1m, clientId: "c1")).Order.OrderId;

        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, id, "c2")).Error.ShouldBe(unknown);
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, 999)).Error.ShouldBe(unknown);
        f.Engine.CancelOrder(Bob, new CancelRequest(BtcUsdt, id)).Error.ShouldBe(unknown);
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, id)).IsSuccess.ShouldBeTrue();
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, id)).Error.ShouldBe(unknown);
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt)).Error!.Value.Code.ShouldBe(-1102);
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, id, NewClientOrderId: "bad id")).Error!.Value.Code.ShouldBe(-1100);
    }

    [Fact]
    public void CancelOrder_FilledOrder_UnknownOrderSent()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 1m);
        var id = f.Place(Alice, Limit(Side.Buy, 100m, 1m)).Order.OrderId;

        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, id)).Error.ShouldBe(ExchangeErrors.UnknownOrder);
    }

    [Fact]
    public void CancelOpenOrders_CancelsOnlyThisAccountsOpenOrdersInIdOrder()
    {
        using var f = new EngineFixture();
        var a = f.Place(Alice, Limit(Side.Buy, 100m, 1m)).Order.OrderId;
        var b = f.Place(Alice, Limit(Side.Sell, 200m, 1m)).Order.OrderId;
        f.Place(Bob, Limit(Side.Buy, 100m, 1m));

        var canceled = f.Engine.CancelOpenOrders(Alice, BtcUsdt).Value!;

        canceled.Select(c => c.Order.OrderId).ShouldBe([a, b]);
        f.Engine.OpenOrders(Alice).Value!.ShouldBeEmpty();
        f.Engine.OpenOrders(Bob).Value!.Count.ShouldBe(1);
        f.Engine.CancelOpenOrders(Alice, BtcUsdt).Error.ShouldBe(ExchangeErrors.UnknownOrder);
    }

    [Fact]
    public void OpenOrders_AllSymbols_BySymbolThenId()
    {
        using var f = new EngineFixture();
        var eth = new Symbol("ETHUSDT");
        f.Engine.AddSymbol(DefaultRules with { Symbol = eth, BaseAsset = "ETH" });
        f.Engine.Deposit(Alice, "ETH", 5m);
        f.Place(Alice, Limit(Side.Sell, 3_000m, 1m) with { Symbol = eth });
        f.Place(Alice, Limit(Side.Buy, 100m, 1m));

        var open = f.Engine.OpenOrders(Alice).Value!;

        open.Select(o => o.Symbol).ShouldBe([BtcUsdt, eth]);
        open.Select(o => o.OrderId).ShouldBe([1L, 1L]); // ids are per symbol
    }

    [Fact]
    public void Ids_IncreasePerSymbolAcrossUsersAndSynthetic()
    {
        using var f = new EngineFixture();
        var ids = new List<long>
        {
            f.Place(Alice, Limit(Side.Buy, 100m, 1m)).Order.OrderId,
            f.Liquidity(Side.Sell, 101m, 5m),
            f.Place(Bob, Limit(Side.Buy, 101m, 1m)).Order.OrderId,
            f.Place(Alice, MarketOrder(Side.Buy, quantity: 2m)).Order.OrderId,
        };

        ids.ShouldBe([1L, 2L, 3L, 4L]);
        f.Events.OfType<PublicTradeExecuted>().Select(t => t.Trade.TradeId).ShouldBe([1L, 2L]);
    }

    [Fact]
    public void AllOrdersAndMyTrades_Paging()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 10m);
        for (var i = 0; i < 5; i++)
        {
            f.Place(Alice, Limit(Side.Buy, 100m, 1m));
            f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        }

        f.Engine.AllOrders(Alice, BtcUsdt).Value!.Select(o => o.OrderId).ShouldBe([2L, 3L, 4L, 5L, 6L]);
        f.Engine.AllOrders(Alice, BtcUsdt, new HistoryQuery { Limit = 2 }).Value!.Select(o => o.OrderId).ShouldBe([5L, 6L]);
        f.Engine.AllOrders(Alice, BtcUsdt, new HistoryQuery { FromId = 3, Limit = 2 }).Value!.Select(o => o.OrderId).ShouldBe([3L, 4L]);
        f.Engine.AllOrders(Alice, BtcUsdt, new HistoryQuery { StartTime = MarbleStart.AddSeconds(3) }).Value!.Select(o => o.OrderId).ShouldBe([5L, 6L]);
        f.Engine.MyTrades(Alice, BtcUsdt).Value!.Select(t => t.Id).ShouldBe([1L, 2L, 3L, 4L, 5L]);
        f.Engine.MyTrades(Alice, BtcUsdt, orderId: 4).Value!.ShouldHaveSingleItem().Id.ShouldBe(3L);
        f.Engine.MyTrades(Alice, BtcUsdt, query: new HistoryQuery { FromId = 4 }).Value!.Select(t => t.Id).ShouldBe([4L, 5L]);
        f.Engine.MyTrades(Alice, BtcUsdt, query: new HistoryQuery { EndTime = MarbleStart }).Value!.Select(t => t.Id).ShouldBe([1L]);
    }

    [Fact]
    public void GeneratedClientIds_AreValidAndUnique()
    {
        using var f = new EngineFixture();
        var a = f.Place(Alice, Limit(Side.Buy, 100m, 1m)).Order.ClientOrderId;
        var b = f.Place(Alice, Limit(Side.Buy, 100m, 1m)).Order.ClientOrderId;

        a.ShouldNotBe(b);
        a.ShouldMatch("^[a-zA-Z0-9-_]{1,36}$");
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, OrigClientOrderId: a)).Value!.CancelClientOrderId
            .ShouldMatch("^[a-zA-Z0-9-_]{1,36}$");
    }

    [Fact]
    public void CancelOrder_Restrictions_CancelOnlyInTheGivenStatus()
    {
        using var f = new EngineFixture();
        var fresh = f.Place(Alice, Limit(Side.Buy, 100m, 1m)).Order.OrderId;
        var partial = f.Place(Alice, Limit(Side.Sell, 101m, 2m)).Order.OrderId;
        f.Liquidity(Side.Buy, 101m, 1m);

        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, fresh, Restrictions: CancelRestrictions.OnlyPartiallyFilled)).Error
            .ShouldBe(new ExchangeError(-2011, "Order was not canceled due to cancel restrictions."));
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, partial, Restrictions: CancelRestrictions.OnlyNew)).Error
            .ShouldBe(ExchangeErrors.CancelRestricted);
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, fresh, Restrictions: CancelRestrictions.OnlyNew)).IsSuccess.ShouldBeTrue();
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, partial, Restrictions: CancelRestrictions.OnlyPartiallyFilled)).Value!
            .Order.ExecutedQty.ShouldBe(1m);
    }
}

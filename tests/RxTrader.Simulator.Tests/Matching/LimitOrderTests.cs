using RxTrader.Core;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Matching;

public sealed class LimitOrderTests
{
    [Fact]
    public void Gtc_NoCross_RestsNewAndLocksQuote()
    {
        using var f = new EngineFixture();
        var placed = f.Place(Alice, Limit(Side.Buy, 100m, 2m, clientId: "a1"));

        placed.Order.Status.ShouldBe(OrderStatus.New);
        placed.Order.IsWorking.ShouldBeTrue();
        placed.Order.ClientOrderId.ShouldBe("a1");
        placed.Order.Time.ShouldBe(MarbleStart);
        placed.Fills.ShouldBeEmpty();
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 9_800m, 200m));
        var depth = f.Engine.GetDepth(BtcUsdt).Value;
        depth.Bids.ShouldBe([new(100m, 2m)]);
    }

    [Fact]
    public void Gtc_CrossesSeveralLevels_FillsInPriceThenTimePriority()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 101m, 1m);
        var first = f.Place(Bob, Limit(Side.Sell, 100.5m, 1m)).Order.OrderId;
        var second = f.Liquidity(Side.Sell, 100.5m, 1m);
        f.Liquidity(Side.Sell, 100m, 0.5m);

        var placed = f.Place(Alice, Limit(Side.Buy, 100.5m, 3m));

        placed.Fills.Select(x => (x.Price, x.Quantity)).ShouldBe([(100m, 0.5m), (100.5m, 1m), (100.5m, 1m)]);
        placed.Order.Status.ShouldBe(OrderStatus.PartiallyFilled);
        placed.Order.ExecutedQty.ShouldBe(2.5m);
        placed.Order.CumulativeQuoteQty.ShouldBe(50m + 100.5m + 100.5m);
        f.Engine.QueryOrder(Bob, BtcUsdt, first, null).Value!.Status.ShouldBe(OrderStatus.Filled);
        f.Engine.GetLiquidity(BtcUsdt).ShouldNotContain(l => l.OrderId == second);
        var depth = f.Engine.GetDepth(BtcUsdt).Value;
        depth.Bids.ShouldBe([new(100.5m, 0.5m)]);
        depth.Asks.ShouldBe([new(101m, 1m)]);
    }

    [Fact]
    public void SameLevel_EarlierOrderFillsFirst()
    {
        using var f = new EngineFixture();
        var early = f.Place(Bob, Limit(Side.Sell, 100m, 1m)).Order.OrderId;
        var late = f.Place(Alice, Limit(Side.Sell, 100m, 1m)).Order.OrderId;

        f.Liquidity(Side.Buy, 100m, 1.5m);

        f.Engine.QueryOrder(Bob, BtcUsdt, early, null).Value!.Status.ShouldBe(OrderStatus.Filled);
        var lateOrder = f.Engine.QueryOrder(Alice, BtcUsdt, late, null).Value!;
        lateOrder.Status.ShouldBe(OrderStatus.PartiallyFilled);
        lateOrder.ExecutedQty.ShouldBe(0.5m);
    }

    [Fact]
    public void Ioc_PartialFill_RemainderExpiresAndLockIsReleased()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 1m);

        var placed = f.Place(Alice, Limit(Side.Buy, 100m, 3m, TimeInForce.Ioc));

        placed.Order.Status.ShouldBe(OrderStatus.Expired);
        placed.Order.ExpiryReason.ShouldBe(ExpiryReason.UnfilledIocQuantityExpired);
        placed.Order.ExecutedQty.ShouldBe(1m);
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 9_900m, 0m));
        f.Balance(Alice, "BTC").ShouldBe(new("BTC", 10.998m, 0m));
        f.Engine.GetDepth(BtcUsdt).Value.Bids.ShouldBeEmpty();
    }

    [Fact]
    public void Fok_BookTooThin_ExpiresWithNothingFilled()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 1m);
        f.Liquidity(Side.Sell, 102m, 5m);

        var placed = f.Place(Alice, Limit(Side.Buy, 101m, 2m, TimeInForce.Fok));

        placed.Order.Status.ShouldBe(OrderStatus.Expired);
        placed.Order.ExpiryReason.ShouldBe(ExpiryReason.UnfilledFokOrderExpired);
        placed.Order.ExecutedQty.ShouldBe(0m);
        placed.Fills.ShouldBeEmpty();
        f.Engine.GetDepth(BtcUsdt).Value.Asks.ShouldBe([new(100m, 1m), new(102m, 5m)]);
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 10_000m, 0m));
    }

    [Fact]
    public void Fok_BookDeepEnough_FillsCompletely()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 1m);
        f.Liquidity(Side.Sell, 101m, 5m);

        var placed = f.Place(Alice, Limit(Side.Buy, 101m, 2m, TimeInForce.Fok));

        placed.Order.Status.ShouldBe(OrderStatus.Filled);
        placed.Fills.Sum(x => x.Quantity).ShouldBe(2m);
        f.Engine.OpenOrders(Alice).Value!.ShouldBeEmpty();
    }

    [Fact]
    public void LimitMaker_WouldCross_RefusedAndNothingChanges()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 1m);
        f.Events.Clear();

        var error = f.Refused(Alice, new OrderRequest
        {
            Symbol = BtcUsdt, Side = Side.Buy, Type = OrderType.LimitMaker, Price = 100m, Quantity = 1m,
        });

        error.ShouldBe(new ExchangeError(-2010, "Order would immediately match and take."));
        f.Events.ShouldBeEmpty();
        f.Engine.AllOrders(Alice, BtcUsdt).Value!.ShouldBeEmpty();
    }

    [Fact]
    public void LimitMaker_NoCross_RestsAsGtc()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 1m);

        var placed = f.Place(Alice, new OrderRequest
        {
            Symbol = BtcUsdt, Side = Side.Buy, Type = OrderType.LimitMaker, Price = 99.99m, Quantity = 1m,
        });

        placed.Order.Status.ShouldBe(OrderStatus.New);
        placed.Order.Type.ShouldBe(OrderType.LimitMaker);
        placed.Order.TimeInForce.ShouldBe(TimeInForce.Gtc);
    }

    [Fact]
    public void Sell_CrossesBids_FillsBestBidFirst()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Buy, 99m, 1m);
        f.Liquidity(Side.Buy, 100m, 1m);

        var placed = f.Place(Alice, Limit(Side.Sell, 99m, 1.5m));

        placed.Fills.Select(x => x.Price).ShouldBe([100m, 99m]);
        placed.Order.Status.ShouldBe(OrderStatus.Filled);
    }
}

using RxTrader.Core;
using RxTrader.Core.Orders;
using static RxTrader.Trading.Tests.Paper.PaperHarness;

namespace RxTrader.Trading.Tests.Paper;

/// <summary>The fill model of Paper/README.md, rule by rule.</summary>
public sealed class PaperVenueFillModelTests
{
    [Fact]
    public void Market_WithinTopSize_FillsAtTheAskAsTaker()
    {
        using var h = new PaperHarness();
        h.At(100).Book(99m, 5m, 100m, 2m);
        var order = h.At(200).Market(Side.Buy, 1m);

        order.Status.ShouldBe(OrderStatus.Filled);
        order.ExecutedQuantity.ShouldBe(1m);
        order.CumulativeQuoteQuantity.ShouldBe(100m);
        h.Statuses(order).ShouldBe([OrderStatus.New, OrderStatus.Filled]);
        var fill = h.PublishedFills(order).ShouldHaveSingleItem();
        fill.ShouldBe(new Fill(order.ClientOrderId, order.ExchangeOrderId, 1, Btc, Side.Buy, 100m, 1m, 100m, 0.002m, "BTC", false, MarbleTimeAt(200)));
        h.Fills(order).ShouldBe([fill]);
    }

    [Fact]
    public void Market_BeyondTopSize_FillsTheTopAndExpiresTheRest()
    {
        using var h = new PaperHarness();
        h.Book(99m, 0.5m, 100m, 2m);
        var buy = h.Market(Side.Buy, 3m);
        buy.Status.ShouldBe(OrderStatus.Expired);
        buy.ExecutedQuantity.ShouldBe(2m);
        h.Statuses(buy).ShouldBe([OrderStatus.New, OrderStatus.PartiallyFilled, OrderStatus.Expired]);

        var sell = h.Market(Side.Sell, 1m);
        sell.Status.ShouldBe(OrderStatus.Expired);
        sell.CumulativeQuoteQuantity.ShouldBe(49.5m);
        h.Balance("USDT").Locked.ShouldBe(0m);
        h.Balance("BTC").Locked.ShouldBe(0m);
    }

    [Fact]
    public void Market_NoBook_ExpiredUnfilled()
    {
        using var h = new PaperHarness();
        var order = h.Market(Side.Buy, 1m);
        order.Status.ShouldBe(OrderStatus.Expired);
        order.ExecutedQuantity.ShouldBe(0m);
        h.Statuses(order).ShouldBe([OrderStatus.New, OrderStatus.Expired]);
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m, 0m));
    }

    [Fact]
    public void Taking_SizeAlreadyTakenIsNotTakenAgainUntilThePriceChanges()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 2m);
        h.Market(Side.Buy, 1.5m).Status.ShouldBe(OrderStatus.Filled);
        h.Market(Side.Buy, 1m).ExecutedQuantity.ShouldBe(0.5m);

        // The feed does not know our trades: the same price showing the same size is the size we already took.
        h.Book(99m, 5m, 100m, 2m);
        h.Market(Side.Buy, 1m).ExecutedQuantity.ShouldBe(0m);
        h.Book(99m, 5m, 100m, 3m);
        h.Market(Side.Buy, 2m).ExecutedQuantity.ShouldBe(1m);

        h.Book(99m, 5m, 100.5m, 2m);
        var fresh = h.Market(Side.Buy, 2m);
        fresh.Status.ShouldBe(OrderStatus.Filled);
        fresh.CumulativeQuoteQuantity.ShouldBe(201m);
    }

    [Fact]
    public void Limit_Marketable_TakesTheTopAtItsPrice_RemainderRests()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 1m);
        var order = h.Limit(Side.Buy, 3m, 101m);

        order.Status.ShouldBe(OrderStatus.PartiallyFilled);
        order.ExecutedQuantity.ShouldBe(1m);
        order.CumulativeQuoteQuantity.ShouldBe(100m);
        h.PublishedFills(order).ShouldHaveSingleItem().IsMaker.ShouldBeFalse();
        h.Open().ShouldHaveSingleItem().ClientOrderId.ShouldBe(order.ClientOrderId);
        // Locked at the limit price; the fill's price improvement went back to free.
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m - 100m - 202m, 202m));
    }

    [Fact]
    public void Ioc_RemainderExpires_NotMarketableExpiresUnfilled()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 1m);
        var crossing = h.Limit(Side.Buy, 3m, 101m, TimeInForce.ImmediateOrCancel);
        crossing.Status.ShouldBe(OrderStatus.Expired);
        crossing.ExecutedQuantity.ShouldBe(1m);
        h.Statuses(crossing).ShouldBe([OrderStatus.New, OrderStatus.PartiallyFilled, OrderStatus.Expired]);

        var passive = h.Limit(Side.Sell, 1m, 100m, TimeInForce.ImmediateOrCancel);
        passive.Status.ShouldBe(OrderStatus.Expired);
        passive.ExecutedQuantity.ShouldBe(0m);
        h.Open().ShouldBeEmpty();
        h.Balance("USDT").Locked.ShouldBe(0m);
    }

    [Fact]
    public void Fok_FillsAllOrNothing()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 2m);
        var miss = h.Limit(Side.Buy, 2.5m, 100m, TimeInForce.FillOrKill);
        miss.Status.ShouldBe(OrderStatus.Expired);
        miss.ExecutedQuantity.ShouldBe(0m);
        h.Statuses(miss).ShouldBe([OrderStatus.New, OrderStatus.Expired]);

        var hit = h.Limit(Side.Buy, 2m, 100m, TimeInForce.FillOrKill);
        hit.Status.ShouldBe(OrderStatus.Filled);
        h.Statuses(hit).ShouldBe([OrderStatus.New, OrderStatus.Filled]);

        h.Limit(Side.Sell, 1m, 101m, TimeInForce.FillOrKill).Status.ShouldBe(OrderStatus.Expired);
    }

    [Fact]
    public void NoLookAhead_TradesAndBooksBeforePlacement_NeverFillARestingOrder()
    {
        using var h = new PaperHarness();
        h.At(100).Book(99m, 5m, 100m, 5m);
        h.At(110).Trade(98m, 10m, sellerAggressor: true);
        h.At(120).Book(97m, 5m, 98m, 5m);
        h.At(130).Book(99m, 5m, 100m, 5m);
        var order = h.At(200).Limit(Side.Buy, 1m, 99.5m);
        order.Status.ShouldBe(OrderStatus.New);

        h.At(300).Book(99m, 5m, 100m, 5m);
        h.Current(order).ExecutedQuantity.ShouldBe(0m);
        h.At(400).Trade(98.5m, 0.4m, sellerAggressor: true);
        var fill = h.PublishedFills(order).ShouldHaveSingleItem();
        fill.Quantity.ShouldBe(0.4m);
        fill.Time.ShouldBe(MarbleTimeAt(400));
    }

    [Fact]
    public void Resting_ThroughPrint_FillsAtTheLimitAsMaker_UpToThePrintSize()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        var order = h.Limit(Side.Buy, 1m, 99.5m);
        h.Trade(99.6m, 3m, sellerAggressor: true);
        h.Trade(99.4m, 0.3m, sellerAggressor: false);
        h.Current(order).ExecutedQuantity.ShouldBe(0.3m);
        h.Trade(99m, 5m, sellerAggressor: true);

        var current = h.Current(order);
        current.Status.ShouldBe(OrderStatus.Filled);
        current.CumulativeQuoteQuantity.ShouldBe(99.5m);
        h.PublishedFills(order).Select(f => (f.Price, f.Quantity, f.IsMaker, f.Commission, f.CommissionAsset))
            .ShouldBe([(99.5m, 0.3m, true, 0.0003m, "BTC"), (99.5m, 0.7m, true, 0.0007m, "BTC")]);
        h.Statuses(order).ShouldBe([OrderStatus.New, OrderStatus.PartiallyFilled, OrderStatus.Filled]);
    }

    [Fact]
    public void Resting_AtPrice_QueueAheadIsTheDisplayedSizeAndIsConsumedFirst()
    {
        using var h = new PaperHarness();
        h.Book(99m, 2m, 100m, 5m);
        var order = h.Limit(Side.Buy, 1m, 99m);
        h.Trade(99m, 1.5m, sellerAggressor: true);
        h.Current(order).ExecutedQuantity.ShouldBe(0m);
        h.Trade(99m, 1m, sellerAggressor: true);
        h.Current(order).ExecutedQuantity.ShouldBe(0.5m);
        h.Trade(99m, 5m, sellerAggressor: true);
        h.Current(order).Status.ShouldBe(OrderStatus.Filled);
        h.PublishedFills(order).ShouldAllBe(f => f.IsMaker && f.Price == 99m);
    }

    [Fact]
    public void Resting_AtPrice_PrintOfTheOtherAggressor_DoesNotFillOrMoveTheQueue()
    {
        using var h = new PaperHarness();
        h.Book(99m, 2m, 100m, 5m);
        var buy = h.Limit(Side.Buy, 1m, 99m);
        var sell = h.Limit(Side.Sell, 1m, 100m);
        h.Trade(99m, 10m, sellerAggressor: false);
        h.Trade(100m, 10m, sellerAggressor: true);
        h.Current(buy).ExecutedQuantity.ShouldBe(0m);
        h.Current(sell).ExecutedQuantity.ShouldBe(0m);
        h.Trade(99m, 2.5m, sellerAggressor: true);
        h.Current(buy).ExecutedQuantity.ShouldBe(0.5m);
        h.Trade(100m, 5.25m, sellerAggressor: false);
        h.Current(sell).ExecutedQuantity.ShouldBe(0.25m);
    }

    [Fact]
    public void Resting_QueueAhead_OnlyShrinksWithTheDisplayedSize()
    {
        using var h = new PaperHarness();
        h.Book(99m, 2m, 100m, 5m);
        var order = h.Limit(Side.Buy, 1m, 99m);
        h.Book(99m, 0.5m, 100m, 5m);
        h.Book(99m, 3m, 100m, 5m);
        h.Trade(99m, 1m, sellerAggressor: true);
        h.Current(order).ExecutedQuantity.ShouldBe(0.5m);
    }

    [Fact]
    public void Resting_BehindTheBest_QueueUnknownUntilItsPriceIsTheBest()
    {
        using var h = new PaperHarness();
        h.Book(99m, 2m, 100m, 5m);
        var order = h.Limit(Side.Buy, 1m, 98m);
        h.Trade(98m, 10m, sellerAggressor: true);
        h.Current(order).ExecutedQuantity.ShouldBe(0m);
        h.Book(98m, 1m, 99m, 5m);
        h.Trade(98m, 1.25m, sellerAggressor: true);
        h.Current(order).ExecutedQuantity.ShouldBe(0.25m);

        // The best bid fell below the order: everyone displayed at its price is gone.
        var second = h.Limit(Side.Buy, 1m, 97m);
        h.Book(96m, 1m, 99m, 5m);
        h.Trade(97m, 0.5m, sellerAggressor: true);
        h.Current(second).ExecutedQuantity.ShouldBe(0m, "the first order, at a better price, takes the print");
        h.Current(order).ExecutedQuantity.ShouldBe(0.75m);
        h.Trade(97m, 0.5m, sellerAggressor: true);
        h.Current(second).ExecutedQuantity.ShouldBe(0.25m);
    }

    [Fact]
    public void Resting_CrossedByALaterBook_FillsTheDisplayedSizeAtItsLimitAsMaker()
    {
        using var h = new PaperHarness();
        h.Book(99m, 2m, 100m, 5m);
        var buy = h.Limit(Side.Buy, 1m, 99.5m);
        var sell = h.Limit(Side.Sell, 1m, 99.8m);
        h.Book(98m, 1m, 99.2m, 0.4m);
        h.PublishedFills(buy).Select(f => (f.Price, f.Quantity, f.IsMaker)).ShouldBe([(99.5m, 0.4m, true)]);
        h.Book(98m, 1m, 99.2m, 0.4m);
        h.Current(buy).ExecutedQuantity.ShouldBe(0.4m);

        h.Book(100m, 0.3m, 101m, 1m);
        h.PublishedFills(sell).Select(f => (f.Price, f.Quantity, f.IsMaker)).ShouldBe([(99.8m, 0.3m, true)]);
    }

    [Fact]
    public void Aggressive_Remainder_WalksLaterBooksAsTakerAndFillsAtItsLimitOnThroughPrints()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 1m);
        var order = h.Limit(Side.Buy, 3m, 101m);
        h.Book(99m, 5m, 100.5m, 1m);
        h.Trade(100.8m, 5m, sellerAggressor: false);

        h.Current(order).Status.ShouldBe(OrderStatus.Filled);
        h.PublishedFills(order).Select(f => (f.Price, f.Quantity, f.IsMaker))
            .ShouldBe([(100m, 1m, false), (100.5m, 1m, false), (101m, 1m, false)]);
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m - 301.5m, 0m));
    }

    [Fact]
    public void Resting_PrintVolume_IsSharedInPriceTimePriority()
    {
        using var h = new PaperHarness();
        h.Book(99m, 2m, 100m, 5m);
        var first = h.Limit(Side.Buy, 1m, 99.5m);
        var second = h.Limit(Side.Buy, 1m, 99.5m);
        var best = h.Limit(Side.Buy, 1m, 99.6m);
        h.Trade(99.4m, 1.5m, sellerAggressor: true);
        h.Current(best).ExecutedQuantity.ShouldBe(1m);
        h.Current(first).ExecutedQuantity.ShouldBe(0.5m);
        h.Current(second).ExecutedQuantity.ShouldBe(0m);
    }

    [Fact]
    public void Resting_OnePrintThroughBothSides_FillsEachSideFromTheWholePrint()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 101m, 5m);
        var buy = h.Limit(Side.Buy, 1m, 100.5m);
        var sell = h.Limit(Side.Sell, 1m, 99.5m);
        h.Trade(100m, 0.75m, sellerAggressor: true);
        h.Current(buy).ExecutedQuantity.ShouldBe(0.75m);
        h.Current(sell).ExecutedQuantity.ShouldBe(0.75m);
    }

    [Fact]
    public void Resting_Sell_MirrorsTheBuyRules()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 2m);
        var order = h.Limit(Side.Sell, 2m, 100m);
        h.Trade(100m, 2.5m, sellerAggressor: false);
        h.Current(order).ExecutedQuantity.ShouldBe(0.5m);
        h.Trade(100.5m, 1m, sellerAggressor: true);
        var current = h.Current(order);
        current.ExecutedQuantity.ShouldBe(1.5m);
        current.CumulativeQuoteQuantity.ShouldBe(150m);
        h.PublishedFills(order).ShouldAllBe(f => f.IsMaker && f.CommissionAsset == "USDT");
        h.Balance("BTC").ShouldBe(new Balance("BTC", 8m, 0.5m));
        h.Balance("USDT").Free.ShouldBe(100_000m + 150m - 0.15m);
    }

    [Fact]
    public void LimitMaker_Rests_FillsAsMaker()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 2m);
        var order = h.PlaceAccepted(OrderRequest.LimitMaker(Id(1), Btc, Side.Sell, 1m, 100.5m));
        order.TimeInForce.ShouldBeNull();
        h.Trade(101m, 3m, sellerAggressor: false);
        h.PublishedFills(order).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.IsMaker.ShouldBeTrue(), f => f.Price.ShouldBe(100.5m), f => f.Commission.ShouldBe(0.1005m));
    }

    [Fact]
    public void QuoteQuantity_Market_BuysWhatTheQuoteAffordsAtTheTopOnTheStep()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        var buy = h.PlaceAccepted(new OrderRequest(Id(1), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 250.555m));
        buy.Status.ShouldBe(OrderStatus.Filled);
        buy.Quantity.ShouldBe(2.5055m);
        buy.CumulativeQuoteQuantity.ShouldBe(250.55m);
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m - 250.55m, 0m));

        var sell = h.PlaceAccepted(new OrderRequest(Id(2), Btc, Side.Sell, OrderType.Market, 0m, QuoteQuantity: 99m));
        sell.Quantity.ShouldBe(1m);
        sell.CumulativeQuoteQuantity.ShouldBe(99m);

        // The quote amount exceeds the top of book: the order buys what the top holds.
        var capped = h.PlaceAccepted(new OrderRequest(Id(3), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 1_000m));
        capped.Quantity.ShouldBe(2.4945m);
        capped.Status.ShouldBe(OrderStatus.Filled);
    }

    [Fact]
    public void QuoteQuantity_Market_NoLiquidity_Rejected2010()
    {
        using var h = new PaperHarness();
        h.PlaceRejected(new OrderRequest(Id(1), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 10m))
            .ShouldBe(new VenueOutcome<Order>.Rejected(-2010, "Order book liquidity is less than LOT_SIZE filter minimum quantity."));
        h.PlaceRejected(new OrderRequest(Id(1), Eth, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 10m))
            .ShouldBe(new VenueOutcome<Order>.Rejected(-2010, "Order book liquidity is less than symbol minimum quantity."));
        h.Updates.ShouldBeEmpty();
    }

    [Fact]
    public void MarketData_OtherSymbolsAndBadPrints_AreIgnored()
    {
        using var h = new PaperHarness();
        h.Book(99m, 2m, 100m, 5m);
        var order = h.Limit(Side.Buy, 1m, 99.5m);
        h.Trade(50m, 10m, sellerAggressor: true, Eth);
        h.Book(50m, 10m, 51m, 10m, Eth);
        h.Book(50m, 10m, 51m, 10m, new Symbol("XRPUSDT"));
        h.Trade(0m, 10m, sellerAggressor: true);
        h.Trade(99m, -1m, sellerAggressor: true);
        h.Trade(99m, 0m, sellerAggressor: true);
        h.RawTrade(null!);
        h.Current(order).ExecutedQuantity.ShouldBe(0m);
        h.Trade(99m, 0.1m, sellerAggressor: true);
        h.Current(order).ExecutedQuantity.ShouldBe(0.1m);
    }

    [Fact]
    public void MarketData_EmptyBookSides_AreNotTaken()
    {
        using var h = new PaperHarness();
        h.Book(0m, 0m, 100m, 0m);
        h.Market(Side.Buy, 1m).Status.ShouldBe(OrderStatus.Expired);
        h.Market(Side.Sell, 1m).ExecutedQuantity.ShouldBe(0m);
        h.PlaceAccepted(OrderRequest.LimitMaker(Id(9), Btc, Side.Buy, 1m, 150m)).Status.ShouldBe(OrderStatus.New);
    }

    private static DateTimeOffset MarbleTimeAt(long ticks) => RxTrader.Testing.MarbleTime.At(ticks);
}

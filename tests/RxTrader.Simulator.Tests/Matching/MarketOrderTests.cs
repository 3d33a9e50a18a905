using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Matching;

public sealed class MarketOrderTests
{
    [Fact]
    public void Quantity_WalksTheBook_ReportsPriceZeroAndGtc()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 1m);
        f.Liquidity(Side.Sell, 101m, 1m);

        var placed = f.Place(Alice, MarketOrder(Side.Buy, quantity: 1.5m));

        placed.Order.Status.ShouldBe(OrderStatus.Filled);
        placed.Order.Price.ShouldBe(0m);
        placed.Order.TimeInForce.ShouldBe(TimeInForce.Gtc);
        placed.Order.CumulativeQuoteQty.ShouldBe(150.5m);
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 10_000m - 150.5m, 0m));
    }

    [Fact]
    public void Quantity_BookTooThin_RestExpiresForInsufficientLiquidity()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Buy, 100m, 1m);

        var placed = f.Place(Alice, MarketOrder(Side.Sell, quantity: 2m));

        placed.Order.Status.ShouldBe(OrderStatus.Expired);
        placed.Order.ExpiryReason.ShouldBe(ExpiryReason.InsufficientLiquidity);
        placed.Order.ExecutedQty.ShouldBe(1m);
        f.Balance(Alice, "BTC").ShouldBe(new("BTC", 9m, 0m));
    }

    [Fact]
    public void Quantity_EmptyBook_ExpiresWithNothingFilled()
    {
        using var f = new EngineFixture();

        var placed = f.Place(Alice, MarketOrder(Side.Buy, quantity: 1m));

        placed.Order.Status.ShouldBe(OrderStatus.Expired);
        placed.Order.ExecutedQty.ShouldBe(0m);
    }

    [Fact]
    public void Buy_QuantityCostsMoreThanFreeQuote_InsufficientBalance()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 5_000m, 1m);
        f.Liquidity(Side.Sell, 6_000m, 1m);

        // 1.9 BTC would cost 5000 + 0.9 × 6000 = 10 400 USDT; Alice has 10 000.
        f.Refused(Alice, MarketOrder(Side.Buy, quantity: 1.9m)).ShouldBe(ExchangeErrors.InsufficientBalance);
        f.Place(Alice, MarketOrder(Side.Buy, quantity: 1.8m)).Order.CumulativeQuoteQty.ShouldBe(9_800m);
    }

    [Fact]
    public void QuoteOrderQty_Buy_SpendsAtMostTheAmountOnTheStep()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 100m, 1m);
        f.Liquidity(Side.Sell, 300m, 1m);

        // 100 buys the first level; the other 50 buy 50/300 = 0.1666.. BTC, rounded down to the 0.001 step.
        var placed = f.Place(Alice, MarketOrder(Side.Buy, quote: 150m));

        placed.Order.OrigQty.ShouldBe(1.166m);
        placed.Order.OrigQuoteOrderQty.ShouldBe(150m);
        placed.Order.ExecutedQty.ShouldBe(1.166m);
        placed.Order.CumulativeQuoteQty.ShouldBe(149.8m);
        placed.Order.Status.ShouldBe(OrderStatus.Filled);
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 10_000m - 149.8m, 0m));
    }

    [Fact]
    public void QuoteOrderQty_Sell_ReceivesAtMostTheAmount()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Buy, 200m, 0.5m);
        f.Liquidity(Side.Buy, 100m, 5m);

        var placed = f.Place(Alice, MarketOrder(Side.Sell, quote: 150m));

        placed.Order.ExecutedQty.ShouldBe(1m);
        placed.Order.CumulativeQuoteQty.ShouldBe(150m);
        f.Balance(Alice, "BTC").ShouldBe(new("BTC", 9m, 0m));
    }

    [Fact]
    public void QuoteOrderQty_CappedByMarketLotSizeMax()
    {
        using var f = new EngineFixture(r => r with { Filters = r.Filters with { MarketLotSize = new QuantityFilter(0m, 0.5m, 0m) } });
        f.Liquidity(Side.Sell, 10m, 100m);

        f.Place(Alice, MarketOrder(Side.Buy, quote: 100m)).Order.ExecutedQty.ShouldBe(0.5m);
    }

    [Fact]
    public void QuoteOrderQty_EmptyBook_RefusedForLiquidity()
    {
        using var f = new EngineFixture();

        f.Refused(Alice, MarketOrder(Side.Buy, quote: 100m))
            .ShouldBe(new ExchangeError(-2010, "Order book liquidity is less than LOT_SIZE filter minimum quantity."));
    }

    [Fact]
    public void QuoteOrderQty_BelowOneStep_FilterFailure()
    {
        using var f = new EngineFixture(r => r with { Filters = r.Filters with { Notional = null } });
        f.Liquidity(Side.Sell, 100_000m, 1m);

        f.Refused(Alice, MarketOrder(Side.Buy, quote: 50m)).ShouldBe(ExchangeErrors.FilterFailure("LOT_SIZE"));
    }

    [Fact]
    public void QuoteOrderQty_NotAllowedForSymbol_Refused()
    {
        using var f = new EngineFixture(r => r with { QuoteOrderQtyMarketAllowed = false });

        f.Refused(Alice, MarketOrder(Side.Buy, quote: 100m))
            .ShouldBe(new ExchangeError(-2010, "Quote order qty market orders are not support for this symbol."));
    }

    [Fact]
    public void QuoteOrderQty_NoStepFilter_RoundsDownToBasePrecision()
    {
        using var f = new EngineFixture(r => r with { Filters = r.Filters with { LotSize = null, MarketLotSize = null }, BaseAssetPrecision = 4 });
        f.Liquidity(Side.Sell, 3m, 100m);

        f.Place(Alice, MarketOrder(Side.Buy, quote: 10m)).Order.ExecutedQty.ShouldBe(3.3333m);
    }

    [Fact]
    public void Market_NotEnabledForSymbol_Refused()
    {
        using var f = new EngineFixture(r => r with { OrderTypes = new HashSet<OrderType> { OrderType.Limit } });

        f.Refused(Alice, MarketOrder(Side.Buy, quantity: 1m))
            .ShouldBe(new ExchangeError(-2010, "Market orders are not supported for this symbol."));
    }
}

using System.Globalization;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;
using RxTrader.Trading.Risk;
using static RxTrader.Trading.Tests.Risk.RiskTestData;

namespace RxTrader.Trading.Tests.Risk;

public sealed class RiskGateRoundingTests
{
    private static readonly Symbol Doge = new("DOGEUSDT");

    // Tick 0.00001, step 1: a low-priced coin.
    private static readonly SymbolInfo DogeInfo = new(
        Doge,
        SymbolStatus.Trading,
        "DOGE",
        8,
        "USDT",
        8,
        new SymbolFilters(new PriceFilter(0.00001m, 1_000m, 0.00001m), new QuantityFilter(1m, 9_000_000m, 1m), null, new NotionalFilter(0.01m, 10_000m, true, true, 5)));

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static RiskGate Gate(out InMemoryRiskExposure exposure)
    {
        exposure = new InMemoryRiskExposure();
        return CreateSut(new TestScheduler(), exposure: exposure, symbols: [BtcInfo, EthInfo, DogeInfo]);
    }

    [Theory]
    [InlineData("BTCUSDT", "Buy", "100.009", "100.00")]
    [InlineData("BTCUSDT", "Sell", "100.009", "100.01")]
    [InlineData("BTCUSDT", "Buy", "100.001", "100.00")]
    [InlineData("BTCUSDT", "Sell", "100.001", "100.01")]
    [InlineData("BTCUSDT", "Buy", "100.01", "100.01")]
    [InlineData("BTCUSDT", "Sell", "100.01", "100.01")]
    [InlineData("BTCUSDT", "Sell", "0.001", "0.01")]
    [InlineData("BTCUSDT", "Buy", "999999.999", "999999.99")]
    [InlineData("BTCUSDT", "Buy", "1000000.001", "1000000.00")]
    [InlineData("DOGEUSDT", "Buy", "0.123456789", "0.12345")]
    [InlineData("DOGEUSDT", "Sell", "0.123450001", "0.12346")]
    [InlineData("DOGEUSDT", "Sell", "0.00001", "0.00001")]
    [InlineData("DOGEUSDT", "Buy", "0.000019", "0.00001")]
    [InlineData("ETHUSDT", "Buy", "10.559", "10.55")]
    [InlineData("ETHUSDT", "Sell", "10.551", "10.56")]
    public void Check_Price_RoundsToTickNeverMoreAggressive(string symbol, string side, string price, string expected)
    {
        using var gate = Gate(out _);
        var request = OrderRequest.Limit(NextId(), new Symbol(symbol), Enum.Parse<Side>(side), 1_000m, D(price));

        var order = gate.Check(request).ShouldBeApproved();

        order.Price.ShouldBe(D(expected));
    }

    [Theory]
    [InlineData("BTCUSDT", "Buy", "0.009")]
    [InlineData("BTCUSDT", "Sell", "1000000.001")]
    [InlineData("DOGEUSDT", "Buy", "0.000009")]
    [InlineData("DOGEUSDT", "Sell", "1000.000001")]
    [InlineData("ETHUSDT", "Buy", "0.009")]
    public void Check_PriceOffTheFilterAfterRounding_RejectedWithPriceFilter(string symbol, string side, string price)
    {
        using var gate = Gate(out _);
        var request = OrderRequest.Limit(NextId(), new Symbol(symbol), Enum.Parse<Side>(side), 1_000m, D(price));

        gate.Check(request).ShouldBeRejected().ShouldBe(RiskRejectionReason.PriceFilter);
    }

    [Theory]
    [InlineData("BTCUSDT", "0.123456", "0.12345")]
    [InlineData("BTCUSDT", "0.000019", "0.00001")]
    [InlineData("BTCUSDT", "0.00001", "0.00001")]
    [InlineData("BTCUSDT", "9000.000009", "9000")]
    [InlineData("BTCUSDT", "1.999999999", "1.99999")]
    [InlineData("DOGEUSDT", "1234.99", "1234")]
    [InlineData("DOGEUSDT", "1", "1")]
    [InlineData("ETHUSDT", "1.23456", "1.2345")]
    public void Check_Quantity_RoundsDownToStep(string symbol, string quantity, string expected)
    {
        using var gate = Gate(out _);
        var request = OrderRequest.Limit(NextId(), new Symbol(symbol), Side.Buy, D(quantity), symbol switch { "DOGEUSDT" => 0.5m, "BTCUSDT" => 1_000_000m, _ => 700m });

        var order = gate.Check(request).ShouldBeApproved();

        order.Quantity.ShouldBe(D(expected));
    }

    [Theory]
    [InlineData("BTCUSDT", "0.000009")]
    [InlineData("BTCUSDT", "9000.00001")]
    [InlineData("DOGEUSDT", "0.99")]
    [InlineData("DOGEUSDT", "9000001")]
    [InlineData("ETHUSDT", "0.00009")]
    public void Check_QuantityOffTheFilterAfterRounding_RejectedWithQuantityFilter(string symbol, string quantity)
    {
        using var gate = Gate(out _);
        var request = OrderRequest.Limit(NextId(), new Symbol(symbol), Side.Buy, D(quantity), symbol == "DOGEUSDT" ? 0.001m : 1m);

        gate.Check(request).ShouldBeRejected().ShouldBe(RiskRejectionReason.QuantityFilter);
    }

    [Theory]
    [InlineData("0.5", "0.025", "Buy", "10.74", "1.0999", "10.5", "1.075")]
    [InlineData("0.5", "0.025", "Sell", "10.26", "1.0999", "10.5", "1.075")]
    [InlineData("0.5", "0.025", "Sell", "10.5", "1.075", "10.5", "1.075")]
    [InlineData("0.5", "0.025", "Buy", "10.5000", "1.0750", "10.5", "1.075")]
    [InlineData("0.25", "10", "Buy", "3.99", "1234", "3.75", "1230")]
    [InlineData("0.25", "10", "Sell", "3.51", "99999.9", "3.75", "99990")]
    [InlineData("0.010", "0.0010", "Buy", "3.999", "2.34567", "3.99", "2.345")]
    [InlineData("0.010", "0.0010", "Sell", "3.991", "2.34567", "4.00", "2.345")]
    public void Check_StepsNotAPowerOfTenBelowOne_RoundExactly(string tick, string step, string side, string price, string quantity, string expectedPrice, string expectedQuantity)
    {
        var symbol = new Symbol("ODDUSDT");
        var info = new SymbolInfo(symbol, SymbolStatus.Trading, "ODD", 8, "USDT", 8, new SymbolFilters(
            new PriceFilter(0m, 0m, D(tick)), new QuantityFilter(0m, 0m, D(step)), null, null));
        using var gate = CreateSut(new TestScheduler(), symbols: [info]);

        var order = gate.Check(OrderRequest.Limit(NextId(), symbol, Enum.Parse<Side>(side), D(quantity), D(price))).ShouldBeApproved();

        order.Price.ShouldBe(D(expectedPrice));
        order.Quantity.ShouldBe(D(expectedQuantity));
    }

    [Fact]
    public void Check_MarketStepCoarserThanLotStep_RoundsOntoTheMarketStep()
    {
        var symbol = new Symbol("MKTUSDT");
        var info = new SymbolInfo(symbol, SymbolStatus.Trading, "M", 8, "USDT", 8, new SymbolFilters(
            null, new QuantityFilter(0m, 0m, 0.001m), new QuantityFilter(0m, 0m, 0.1m), null));
        var exposure = new InMemoryRiskExposure();
        exposure.SetMark(symbol, 10m);
        using var gate = CreateSut(new TestScheduler(), exposure: exposure, symbols: [info]);

        gate.Check(OrderRequest.Market(NextId(), symbol, Side.Buy, 1.2999m)).ShouldBeApproved().Quantity.ShouldBe(1.2m);
        gate.Check(OrderRequest.Limit(NextId(), symbol, Side.Buy, 1.2999m, 10m)).ShouldBeApproved().Quantity.ShouldBe(1.299m);
        gate.Check(OrderRequest.Market(NextId(), symbol, Side.Buy, 0.0999m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.QuantityFilter);
    }

    [Fact]
    public void Check_StepsThatDoNotNest_MarketQuantityMustFitBoth()
    {
        // LOT_SIZE step 0.3 and MARKET_LOT_SIZE step 0.2: 1.0 → 0.9 → 0.8, which is off LOT_SIZE's step.
        var symbol = new Symbol("NESTUSDT");
        var info = new SymbolInfo(symbol, SymbolStatus.Trading, "N", 8, "USDT", 8, new SymbolFilters(
            null, new QuantityFilter(0m, 0m, 0.3m), new QuantityFilter(0m, 0m, 0.2m), null));
        var exposure = new InMemoryRiskExposure();
        exposure.SetMark(symbol, 10m);
        using var gate = CreateSut(new TestScheduler(), exposure: exposure, symbols: [info]);

        gate.Check(OrderRequest.Market(NextId(), symbol, Side.Buy, 1.0m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.QuantityFilter);
        gate.Check(OrderRequest.Market(NextId(), symbol, Side.Buy, 1.25m)).ShouldBeApproved().Quantity.ShouldBe(1.2m);
    }

    [Fact]
    public void Check_OrderOnTheGrid_ReturnsTheSameInstance()
    {
        using var gate = Gate(out _);
        var request = BuyLimit(0.12345m, 100.01m);

        gate.Check(request).ShouldBeApproved().ShouldBeSameAs(request);
    }

    [Fact]
    public void Check_OrderOffTheGrid_ReturnsARoundedCopyWithTheSameIdentity()
    {
        using var gate = Gate(out _);
        var request = BuyLimit(0.123456m, 100.019m);

        var order = gate.Check(request).ShouldBeApproved();

        order.ShouldNotBeSameAs(request);
        order.ShouldBe(request with { Quantity = 0.12345m, Price = 100.01m });
    }

    [Theory]
    [InlineData("0.05", "100", true)]
    [InlineData("0.04999", "100", false)]
    [InlineData("0.050009", "100", true)]
    [InlineData("0.05", "99.999", false)]
    public void Check_LimitNotional_AcceptedAtMinimumRejectedBelow(string quantity, string price, bool approved)
    {
        using var gate = Gate(out _);

        var result = gate.Check(BuyLimit(D(quantity), D(price)));

        if (approved)
        {
            result.ShouldBeApproved();
        }
        else
        {
            result.ShouldBeRejected().ShouldBe(RiskRejectionReason.NotionalFilter);
        }
    }

    [Theory]
    [InlineData("20000", true)]
    [InlineData("20001", false)]
    public void Check_MaxNotionalOfTheFilter_AcceptedAtMaximumRejectedAbove(string quantity, bool approved)
    {
        using var gate = Gate(out _);

        var result = gate.Check(OrderRequest.Limit(NextId(), Doge, Side.Buy, D(quantity), 0.5m));

        (result.IsApproved ? (RiskRejectionReason?)null : result.Rejection.Reason).ShouldBe(approved ? null : RiskRejectionReason.NotionalFilter);
    }

    [Fact]
    public void Check_MinNotionalLegacyFilter_AppliesToMarketOnlyWhenFlagged()
    {
        var symbol = new Symbol("LEGACYUSDT");
        var info = new SymbolInfo(symbol, SymbolStatus.Trading, "L", 8, "USDT", 8, SymbolFilters.None with { MinNotional = new MinNotionalFilter(10m, false, 5) });
        var exposure = new InMemoryRiskExposure();
        exposure.SetMark(symbol, 1m);
        using var gate = CreateSut(new TestScheduler(), exposure: exposure, symbols: [info]);

        gate.Check(OrderRequest.Limit(NextId(), symbol, Side.Buy, 10m, 1m)).ShouldBeApproved();
        gate.Check(OrderRequest.Limit(NextId(), symbol, Side.Buy, 9.99m, 1m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NotionalFilter);
        gate.Check(OrderRequest.Market(NextId(), symbol, Side.Buy, 9.99m)).ShouldBeApproved();
    }

    [Fact]
    public void Check_MarketOrder_ValuedAtTheMark()
    {
        using var gate = Gate(out var exposure);
        exposure.SetMark(Btc, 100m);

        gate.Check(Market(Side.Buy, 0.05m)).ShouldBeApproved();
        gate.Check(Market(Side.Buy, 0.04999m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NotionalFilter);
    }

    [Fact]
    public void Check_MarketOrderWithoutMark_RejectedWithNoMarkPrice()
    {
        using var gate = Gate(out _);

        gate.Check(Market(Side.Buy, 1m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NoMarkPrice);
    }

    [Fact]
    public void Check_MarketOrder_MarketLotSizeApplies()
    {
        using var gate = Gate(out var exposure);
        exposure.SetMark(Btc, 100m);

        gate.Check(Market(Side.Buy, 100m)).ShouldBeApproved();
        gate.Check(Market(Side.Buy, 100.00001m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.QuantityFilter);
        gate.Check(BuyLimit(100.00001m, 100m)).ShouldBeApproved();
    }

    [Fact]
    public void Check_MarketOrderFilterFlagsOff_NotionalFilterSkipped()
    {
        using var gate = Gate(out var exposure);
        exposure.SetMark(Doge, 0.5m);

        // DOGE applies min and max to market orders; the same rule with the flags off lets them through.
        gate.Check(OrderRequest.Market(NextId(), Doge, Side.Buy, 30_000m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NotionalFilter);
        gate.UpdateSymbol(DogeInfo with { Filters = DogeInfo.Filters with { Notional = new NotionalFilter(1m, 10_000m, false, false, 5) } });
        gate.Check(OrderRequest.Market(NextId(), Doge, Side.Buy, 1m)).ShouldBeApproved();
        gate.Check(OrderRequest.Market(NextId(), Doge, Side.Buy, 30_000m)).ShouldBeApproved();
        gate.Check(OrderRequest.Limit(NextId(), Doge, Side.Buy, 30_000m, 0.5m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NotionalFilter);
    }

    [Theory]
    [InlineData("10.559", "10.55")]
    [InlineData("10.55", "10.55")]
    public void Check_MarketByQuoteAmount_QuoteCutToQuotePrecision(string quote, string expected)
    {
        using var gate = Gate(out var exposure);
        exposure.SetMark(Eth, 2_000m);
        var request = new OrderRequest(NextId(), Eth, Side.Buy, OrderType.Market, 0m, QuoteQuantity: D(quote));

        var order = gate.Check(request).ShouldBeApproved();

        order.QuoteQuantity.ShouldBe(D(expected));
        order.Quantity.ShouldBe(0m);
    }

    [Fact]
    public void Check_MarketByQuoteAmountBelowMinimum_RejectedWithNotionalFilter()
    {
        using var gate = Gate(out var exposure);
        exposure.SetMark(Btc, 100m);

        gate.Check(new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 5m)).ShouldBeApproved();
        gate.Check(new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 4.99999999m))
            .ShouldBeRejected().ShouldBe(RiskRejectionReason.NotionalFilter);
        gate.Check(new OrderRequest(NextId(), Eth, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 0.009m))
            .ShouldBeRejected().ShouldBe(RiskRejectionReason.NoMarkPrice);
    }

    [Fact]
    public void Check_MarketByQuoteAmountCutToZero_RejectedWithNotionalFilter()
    {
        using var gate = Gate(out var exposure);
        exposure.SetMark(Eth, 2_000m);

        gate.Check(new OrderRequest(NextId(), Eth, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 0.009m))
            .ShouldBeRejected().ShouldBe(RiskRejectionReason.NotionalFilter);
    }

    [Fact]
    public void Check_LimitMaker_RoundedLikeALimit()
    {
        using var gate = Gate(out _);

        var order = gate.Check(OrderRequest.LimitMaker(NextId(), Btc, Side.Sell, 0.100009m, 100.001m)).ShouldBeApproved();

        order.Quantity.ShouldBe(0.1m);
        order.Price.ShouldBe(100.01m);
        order.TimeInForce.ShouldBeNull();
    }
}

using RxTrader.Core;
using RxTrader.Trading.Risk;

namespace RxTrader.Trading.Tests.Risk;

public sealed class RiskLimitsTests
{
    [Fact]
    public void Defaults_EveryLimitOff()
    {
        var limits = new RiskLimits();

        limits.MaxPosition.ShouldBeNull();
        limits.MaxPositionBySymbol.ShouldBeEmpty();
        limits.MaxOrderNotional.ShouldBeNull();
        limits.MaxOpenNotional.ShouldBeNull();
        limits.MaxOpenOrders.ShouldBeNull();
        limits.MaxOpenOrdersPerSymbol.ShouldBeNull();
        limits.MaxOrdersPerSecond.ShouldBeNull();
        limits.ExchangeOrderLimits.ShouldBeEmpty();
        limits.MaxDrawdown.ShouldBeNull();
        limits.MaxDailyLoss.ShouldBeNull();
        limits.KillSwitchMode.ShouldBe(TradingMode.Halted);
        limits.ResumeOnNewDay.ShouldBeFalse();
    }

    [Fact]
    public void Init_NegativeValues_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { MaxPosition = -0.00001m });
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { MaxOrderNotional = -1m });
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { MaxOpenNotional = -1m });
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { MaxOpenOrders = -1 });
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { MaxOpenOrdersPerSymbol = -1 });
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { MaxDailyLoss = -1m });
        Should.Throw<ArgumentOutOfRangeException>(
            () => new RiskLimits { MaxPositionBySymbol = new Dictionary<Symbol, decimal> { [RiskTestData.Btc] = -1m } });
    }

    [Fact]
    public void Init_ZeroAmountsAndCounts_Allowed()
    {
        var limits = new RiskLimits { MaxPosition = 0m, MaxOrderNotional = 0m, MaxOpenOrders = 0, MaxDailyLoss = 0m };

        limits.MaxPosition.ShouldBe(0m);
        limits.MaxOpenOrders.ShouldBe(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Init_OrdersPerSecondOutOfRange_Throws(int rate) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { MaxOrdersPerSecond = rate });

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    [InlineData("1.0001")]
    public void Init_DrawdownOutsideZeroToOne_Throws(string fraction) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { MaxDrawdown = decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public void Init_DrawdownOfOne_Allowed() => new RiskLimits { MaxDrawdown = 1m }.MaxDrawdown.ShouldBe(1m);

    [Theory]
    [InlineData(TradingMode.Active)]
    [InlineData((TradingMode)9)]
    public void Init_KillSwitchModeNotAStop_Throws(TradingMode mode) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { KillSwitchMode = mode });

    [Fact]
    public void Init_DefaultExchangeLimit_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RiskLimits { ExchangeOrderLimits = [default] });

    [Fact]
    public void Init_NullCollections_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new RiskLimits { ExchangeOrderLimits = null! });
        Should.Throw<ArgumentNullException>(() => new RiskLimits { MaxPositionBySymbol = null! });
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(10, 0)]
    [InlineData(10, -5)]
    public void ExchangeOrderLimit_NotPositive_Throws(int seconds, int limit) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ExchangeOrderLimit(TimeSpan.FromSeconds(seconds), limit));

    [Fact]
    public void MaxPositionOf_OverrideTakesPrecedence()
    {
        var limits = new RiskLimits
        {
            MaxPosition = 1m,
            MaxPositionBySymbol = new Dictionary<Symbol, decimal> { [RiskTestData.Eth] = 20m },
        };

        limits.MaxPositionOf(RiskTestData.Eth).ShouldBe(20m);
        limits.MaxPositionOf(RiskTestData.Btc).ShouldBe(1m);
        new RiskLimits().MaxPositionOf(RiskTestData.Btc).ShouldBeNull();
    }
}

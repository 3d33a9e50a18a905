using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Trading.Risk;
using static RxTrader.Trading.Tests.Risk.RiskTestData;

namespace RxTrader.Trading.Tests.Risk;

public sealed class RiskGateKillSwitchTests
{
    private static readonly long Day = TimeSpan.TicksPerDay;

    [Fact]
    public void MaxDrawdown_AtLimitStaysActive_JustAboveHalts()
    {
        var scheduler = new TestScheduler();
        using var gate = CreateSut(scheduler, new RiskLimits { MaxDrawdown = 0.1m });
        var changes = gate.RecordModeChanges();

        gate.OnEquity(1_000m);
        gate.OnEquity(900m);
        gate.Mode.ShouldBe(TradingMode.Active);
        scheduler.AdvanceTo(TimeSpan.FromMinutes(5).Ticks);
        gate.OnEquity(899.99m);

        gate.Mode.ShouldBe(TradingMode.Halted);
        var change = changes.ShouldHaveSingleItem();
        change.Previous.ShouldBe(TradingMode.Active);
        change.Current.ShouldBe(TradingMode.Halted);
        change.Reason.ShouldBe(TradingModeChangeReason.MaxDrawdown);
        change.Time.ShouldBe(scheduler.Now);
        change.Message.ShouldContain("899.99");
        gate.Check(SellLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.TradingHalted);
    }

    [Fact]
    public void MaxDrawdown_MeasuredFromTheRunningPeak()
    {
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxDrawdown = 0.1m });

        gate.OnEquity(1_000m);
        gate.OnEquity(1_200m);
        gate.OnEquity(1_080m);
        gate.Mode.ShouldBe(TradingMode.Active);
        gate.OnEquity(1_079.99m);
        gate.Mode.ShouldBe(TradingMode.Halted);
    }

    [Fact]
    public void MaxDrawdown_NonPositivePeak_NeverTripsNorThrows()
    {
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxDrawdown = 0.5m });

        gate.OnEquity(0m);
        gate.OnEquity(-10m);

        gate.Mode.ShouldBe(TradingMode.Active);
    }

    [Fact]
    public void MaxDailyLoss_AtLimitStaysActive_JustAboveTrips()
    {
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxDailyLoss = 100m });
        var changes = gate.RecordModeChanges();

        gate.OnEquity(1_000m);
        gate.OnEquity(1_050m);
        gate.OnEquity(900m);
        gate.Mode.ShouldBe(TradingMode.Active);
        gate.OnEquity(899.99m);

        gate.Mode.ShouldBe(TradingMode.Halted);
        changes.ShouldHaveSingleItem().Reason.ShouldBe(TradingModeChangeReason.MaxDailyLoss);
    }

    [Fact]
    public void MaxDailyLoss_DayRoll_StartsFromThePreviousDaysLastEquity()
    {
        var scheduler = new TestScheduler();
        using var gate = CreateSut(scheduler, new RiskLimits { MaxDailyLoss = 100m });

        gate.OnEquity(1_000m);
        gate.OnEquity(940m);
        scheduler.AdvanceTo(Day);
        gate.OnEquity(880m);
        gate.Mode.ShouldBe(TradingMode.Active);
        gate.OnEquity(840m);
        gate.Mode.ShouldBe(TradingMode.Active);
        gate.OnEquity(839.99m);
        gate.Mode.ShouldBe(TradingMode.Halted);
    }

    [Fact]
    public void MaxDailyLoss_Tripped_StaysHaltedOnTheNextDayByDefault()
    {
        var scheduler = new TestScheduler();
        using var gate = CreateSut(scheduler, new RiskLimits { MaxDailyLoss = 100m });
        gate.OnEquity(1_000m);
        gate.OnEquity(800m);

        scheduler.AdvanceTo(Day + 1);

        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.TradingHalted);
        gate.Mode.ShouldBe(TradingMode.Halted);
    }

    [Fact]
    public void MaxDailyLoss_ResumeOnNewDay_LiftedAtTheFirstCheckOfTheNextUtcDay()
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(TimeSpan.FromHours(23).Ticks);
        using var gate = CreateSut(scheduler, new RiskLimits { MaxDailyLoss = 100m, ResumeOnNewDay = true });
        var changes = gate.RecordModeChanges();
        gate.OnEquity(1_000m);
        gate.OnEquity(800m);

        scheduler.AdvanceTo(Day - 1);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.TradingHalted);
        scheduler.AdvanceTo(Day);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();

        changes.Select(c => (c.Current, c.Reason)).ShouldBe([
            (TradingMode.Halted, TradingModeChangeReason.MaxDailyLoss),
            (TradingMode.Active, TradingModeChangeReason.NewDay)]);
        changes[1].Time.UtcTicks.ShouldBe(Day);

        // The new day counts from 800.
        gate.OnEquity(700m);
        gate.Mode.ShouldBe(TradingMode.Active);
        gate.OnEquity(699.99m);
        gate.Mode.ShouldBe(TradingMode.Halted);
    }

    [Fact]
    public void MaxDrawdown_Tripped_NotLiftedByANewDay()
    {
        var scheduler = new TestScheduler();
        using var gate = CreateSut(scheduler, new RiskLimits { MaxDrawdown = 0.1m, MaxDailyLoss = 1_000m, ResumeOnNewDay = true });
        gate.OnEquity(1_000m);
        gate.OnEquity(850m);

        scheduler.AdvanceTo(Day * 3);
        gate.OnEquity(850m);

        gate.Mode.ShouldBe(TradingMode.Halted);
    }

    [Fact]
    public void KillSwitchMode_Reducing_TripsToReducing()
    {
        var exposure = new InMemoryRiskExposure();
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxDrawdown = 0.1m, KillSwitchMode = TradingMode.Reducing }, exposure);
        exposure.SetPosition(Btc, 2m);

        gate.OnEquity(1_000m);
        gate.OnEquity(800m);

        gate.Mode.ShouldBe(TradingMode.Reducing);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NotReducing);
        gate.Check(SellLimit(2m, 100m)).ShouldBeApproved();
    }

    [Fact]
    public void Trips_OnlyTighten()
    {
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxDrawdown = 0.1m, MaxDailyLoss = 10m, KillSwitchMode = TradingMode.Reducing });
        var changes = gate.RecordModeChanges();
        gate.SetMode(TradingMode.Halted, "maintenance");

        gate.OnEquity(1_000m);
        gate.OnEquity(500m);

        gate.Mode.ShouldBe(TradingMode.Halted);
        changes.ShouldHaveSingleItem().Reason.ShouldBe(TradingModeChangeReason.Manual);
    }

    [Fact]
    public void SetMode_Manual_PublishesChangesAndIgnoresTheSameMode()
    {
        var scheduler = new TestScheduler();
        using var gate = CreateSut(scheduler);
        var changes = gate.RecordModeChanges();

        gate.SetMode(TradingMode.Reducing, "flatten before the release");
        gate.SetMode(TradingMode.Reducing, "again");
        scheduler.AdvanceTo(1_000);
        gate.SetMode(TradingMode.Halted, "stop");
        gate.SetMode(TradingMode.Active, "resume");

        changes.Select(c => (c.Previous, c.Current, c.Reason, c.Message, c.Time.UtcTicks)).ShouldBe([
            (TradingMode.Active, TradingMode.Reducing, TradingModeChangeReason.Manual, "flatten before the release", 0L),
            (TradingMode.Reducing, TradingMode.Halted, TradingModeChangeReason.Manual, "stop", 1_000L),
            (TradingMode.Halted, TradingMode.Active, TradingModeChangeReason.Manual, "resume", 1_000L)]);
    }

    [Fact]
    public void SetMode_ActiveAfterDrawdownTrip_RearmsFromTheLatestEquity()
    {
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxDrawdown = 0.1m });
        gate.OnEquity(1_000m);
        gate.OnEquity(890m);
        gate.Mode.ShouldBe(TradingMode.Halted);

        gate.SetMode(TradingMode.Active, "reviewed");
        gate.OnEquity(890m);
        gate.OnEquity(801m);
        gate.Mode.ShouldBe(TradingMode.Active);
        gate.OnEquity(800.99m);
        gate.Mode.ShouldBe(TradingMode.Halted);
    }

    [Fact]
    public void SetMode_ActiveAfterDailyLossTrip_TripsAgainWhileTheDayIsStillDown()
    {
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxDailyLoss = 100m });
        gate.OnEquity(1_000m);
        gate.OnEquity(850m);

        gate.SetMode(TradingMode.Active, "reviewed");
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.OnEquity(860m);

        gate.Mode.ShouldBe(TradingMode.Halted);
    }

    [Fact]
    public void Halted_RejectsEveryNewOrderEvenReducingOnes()
    {
        var exposure = new InMemoryRiskExposure();
        using var gate = CreateSut(new TestScheduler(), exposure: exposure);
        exposure.SetPosition(Btc, 1m);
        gate.SetMode(TradingMode.Halted, "stop");

        gate.Check(SellLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.TradingHalted);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.TradingHalted);
    }

    [Theory]
    [InlineData("1", "Sell", "1", "0", true)]
    [InlineData("1", "Sell", "1.00001", "0", false)]
    [InlineData("1", "Sell", "0.5", "0.5", true)]
    [InlineData("1", "Sell", "0.50001", "0.5", false)]
    [InlineData("1", "Buy", "0.1", "0", false)]
    [InlineData("0", "Sell", "0.1", "0", false)]
    [InlineData("0", "Buy", "0.1", "0", false)]
    [InlineData("-2", "Buy", "2", "0", true)]
    [InlineData("-2", "Buy", "2.00001", "0", false)]
    [InlineData("-2", "Buy", "1.5", "0.5", true)]
    [InlineData("-2", "Buy", "1.50001", "0.5", false)]
    [InlineData("-2", "Sell", "0.1", "0", false)]
    public void Reducing_OnlyOrdersThatReduceWithoutFlipping(string position, string side, string quantity, string openSameSide, bool approved)
    {
        var exposure = new InMemoryRiskExposure();
        using var gate = CreateSut(new TestScheduler(), exposure: exposure);
        var orderSide = Enum.Parse<Side>(side);
        exposure.SetPosition(Btc, decimal.Parse(position, System.Globalization.CultureInfo.InvariantCulture));
        exposure.SetOpenOrder(NextId(), Btc, orderSide, decimal.Parse(openSameSide, System.Globalization.CultureInfo.InvariantCulture), 100m);
        exposure.SetMark(Btc, 100m);
        gate.SetMode(TradingMode.Reducing, "test");
        var qty = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);

        var limit = gate.Check(Core.Orders.OrderRequest.Limit(NextId(), Btc, orderSide, qty, 100m));
        var market = gate.Check(Market(orderSide, qty));

        foreach (var result in new[] { limit, market })
        {
            if (approved)
            {
                result.ShouldBeApproved();
            }
            else
            {
                result.ShouldBeRejected().ShouldBe(RiskRejectionReason.NotReducing);
            }
        }
    }

    [Fact]
    public void Reducing_MarketByQuoteAmount_EstimatedAtTheMark()
    {
        var exposure = new InMemoryRiskExposure();
        using var gate = CreateSut(new TestScheduler(), exposure: exposure);
        exposure.SetPosition(Btc, 1m);
        exposure.SetMark(Btc, 100m);
        gate.SetMode(TradingMode.Reducing, "test");

        gate.Check(new Core.Orders.OrderRequest(NextId(), Btc, Side.Sell, Core.Orders.OrderType.Market, 0m, QuoteQuantity: 100m)).ShouldBeApproved();
        gate.Check(new Core.Orders.OrderRequest(NextId(), Btc, Side.Sell, Core.Orders.OrderType.Market, 0m, QuoteQuantity: 100.01m))
            .ShouldBeRejected().ShouldBe(RiskRejectionReason.NotReducing);
    }
}

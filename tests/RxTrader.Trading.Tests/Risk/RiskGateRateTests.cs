using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using RxTrader.Trading.Risk;
using static RxTrader.Testing.MarbleTime;
using static RxTrader.Trading.Tests.Risk.RiskTestData;

namespace RxTrader.Trading.Tests.Risk;

public sealed class RiskGateRateTests
{
    [Fact]
    public void OrdersPerSecond_BurstThenRefillInVirtualTime()
    {
        var scheduler = new TestScheduler();
        using var gate = CreateSut(scheduler, new RiskLimits { MaxOrdersPerSecond = 2 });

        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        var refused = gate.Check(BuyLimit(1m, 100m));
        refused.ShouldBeRejected().ShouldBe(RiskRejectionReason.OrderRate);
        refused.Rejection!.Message.ShouldContain("500 ms");

        scheduler.AdvanceTo(Ms(500) - 1);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.OrderRate);
        scheduler.AdvanceTo(Ms(500));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.OrderRate);

        // A long pause refills the bucket to its capacity, not beyond.
        scheduler.AdvanceTo(Seconds(60));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.OrderRate);
    }

    [Fact]
    public void OrdersPerSecond_SteadyRateAtTheLimitAlwaysPasses()
    {
        var scheduler = new TestScheduler();
        using var gate = CreateSut(scheduler, new RiskLimits { MaxOrdersPerSecond = 3 });
        for (var i = 0; i < 3; i++)
        {
            gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        }

        // One order every 1/3 s (rounded up to the tick) after the burst: each finds exactly one token.
        for (var i = 1; i <= 30; i++)
        {
            scheduler.AdvanceTo(((TimeSpan.TicksPerSecond * i) + 2) / 3);
            gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
            gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.OrderRate);
        }
    }

    [Fact]
    public void OrdersPerSecond_RejectedOrdersCostNoToken()
    {
        using var gate = CreateSut(new TestScheduler(), new RiskLimits { MaxOrdersPerSecond = 1 });

        gate.Check(BuyLimit(0.00001m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.NotionalFilter);
        gate.Check(BuyLimit(1m, 100m, Unknown)).ShouldBeRejected().ShouldBe(RiskRejectionReason.UnknownSymbol);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
    }

    [Fact]
    public void ExchangeLimit_TenSecondWindow_ResetsAtTheWindowBoundary()
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(Seconds(3));
        using var gate = CreateSut(scheduler, new RiskLimits { ExchangeOrderLimits = [new(TimeSpan.FromSeconds(10), 3)] });

        for (var i = 0; i < 3; i++)
        {
            gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        }

        var refused = gate.Check(BuyLimit(1m, 100m));
        refused.ShouldBeRejected().ShouldBe(RiskRejectionReason.ExchangeOrderLimit);
        refused.Rejection!.Message.ShouldContain("3 orders per 00:00:10");
        scheduler.AdvanceTo(Seconds(10) - 1);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.ExchangeOrderLimit);
        scheduler.AdvanceTo(Seconds(10));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
    }

    [Fact]
    public void ExchangeLimit_DayWindow_ResetsAtUtcMidnight()
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(TimeSpan.FromHours(12).Ticks);
        using var gate = CreateSut(
            scheduler,
            new RiskLimits { ExchangeOrderLimits = [new(TimeSpan.FromSeconds(10), 100), new(TimeSpan.FromDays(1), 2)] });

        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.ExchangeOrderLimit);
        scheduler.AdvanceTo(TimeSpan.FromDays(1).Ticks - 1);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.ExchangeOrderLimit);
        scheduler.AdvanceTo(TimeSpan.FromDays(1).Ticks);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
    }

    [Fact]
    public void ExchangeLimit_OrderRefusedByTheBucket_NotCounted()
    {
        var scheduler = new TestScheduler();
        using var gate = CreateSut(
            scheduler,
            new RiskLimits { MaxOrdersPerSecond = 1, ExchangeOrderLimits = [new(TimeSpan.FromSeconds(10), 2)] });

        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.OrderRate);
        scheduler.AdvanceTo(Seconds(1));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        scheduler.AdvanceTo(Seconds(2));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.ExchangeOrderLimit);
    }

    [Fact]
    public void OrdersPerSecond_ClockSteppingBack_RefillsNothing()
    {
        var clock = new SettableClockScheduler { Now = At(Seconds(10)) };
        using var gate = new RiskGate([BtcInfo], new InMemoryRiskExposure(), new RiskLimits { MaxOrdersPerSecond = 1 }, clock);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();

        clock.Now = At(Seconds(5));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.OrderRate);
        clock.Now = At(Seconds(10) + Ms(999));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.OrderRate);
        clock.Now = At(Seconds(11));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
    }

    /// <summary>A clock that can be set anywhere, backwards too (wall clocks do that); the gate never schedules.</summary>
    private sealed class SettableClockScheduler : IScheduler
    {
        public DateTimeOffset Now { get; set; }

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) => throw new NotSupportedException();

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) => throw new NotSupportedException();

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) => throw new NotSupportedException();
    }
}

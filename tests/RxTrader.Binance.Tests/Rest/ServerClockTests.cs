using Microsoft.Reactive.Testing;
using RxTrader.Binance.Rest;
using RxTrader.Streams.Time;

namespace RxTrader.Binance.Tests.Rest;

public sealed class ServerClockTests
{
    private static readonly DateTimeOffset T0 = RestHarness.Start;

    [Fact]
    public void Update_OffsetIsServerTimeMinusTheMidpointOfTheRoundTrip()
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(T0.UtcTicks);
        var clock = new ServerClock(new SchedulerTimeProvider(scheduler));

        clock.Update(T0 + TimeSpan.FromMilliseconds(1050), T0, T0 + TimeSpan.FromMilliseconds(100));

        clock.Offset.ShouldBe(TimeSpan.FromMilliseconds(1000));
        clock.RoundTrip.ShouldBe(TimeSpan.FromMilliseconds(100));
        clock.Now.ShouldBe(T0 + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void WeightWindow_FollowsTheServerMinuteNotTheLocalOne()
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(T0.UtcTicks);
        var clock = new ServerClock(new SchedulerTimeProvider(scheduler));
        // Exchange 10 s ahead: 30 s into its minute while the local clock is 20 s into its own.
        clock.Update(T0 + TimeSpan.FromSeconds(10), T0, T0);
        var tracker = new RequestWeightTracker(clock);

        tracker.TryReserve(5, budget: 5, out _).ShouldBeTrue();
        tracker.TryReserve(1, budget: 5, out var nextWindow).ShouldBeFalse();

        nextWindow.ShouldBe(T0 + TimeSpan.FromSeconds(30));
        scheduler.AdvanceBy(TimeSpan.FromSeconds(30).Ticks - 1);
        tracker.CurrentMinuteWeight.ShouldBe(5);
        scheduler.AdvanceBy(1);
        tracker.CurrentMinuteWeight.ShouldBe(0);
        tracker.TryReserve(5, budget: 5, out _).ShouldBeTrue();
    }
}

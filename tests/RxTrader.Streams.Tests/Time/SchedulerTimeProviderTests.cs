using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using RxTrader.Streams.Time;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.Time;

public sealed class SchedulerTimeProviderTests
{
    private static (TestScheduler Scheduler, SchedulerTimeProvider Time) CreateSut()
    {
        var scheduler = new TestScheduler();
        return (scheduler, new SchedulerTimeProvider(scheduler));
    }

    [Fact]
    public void Constructor_NullScheduler_Throws() =>
        Should.Throw<ArgumentNullException>(() => new SchedulerTimeProvider(null!));

    [Fact]
    public void GetUtcNow_FollowsTheScheduler()
    {
        var (scheduler, time) = CreateSut();
        scheduler.AdvanceBy(MarbleTime.Seconds(5));
        time.GetUtcNow().ShouldBe(scheduler.Now);
        time.GetUtcNow().Offset.ShouldBe(TimeSpan.Zero);
        time.LocalTimeZone.ShouldBe(TimeZoneInfo.Utc);
    }

    [Fact]
    public void GetElapsedTime_MeasuresVirtualTime()
    {
        var (scheduler, time) = CreateSut();
        var start = time.GetTimestamp();
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1500).Ticks);
        time.GetElapsedTime(start).ShouldBe(TimeSpan.FromMilliseconds(1500));
        time.TimestampFrequency.ShouldBe(TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void GetElapsedTime_SchedulerWithoutStopwatch_UsesNowDifferences()
    {
        var scheduler = new TestScheduler();
        var time = new SchedulerTimeProvider(new PlainScheduler(scheduler));
        var start = time.GetTimestamp();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(3).Ticks);
        time.GetElapsedTime(start).ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void TaskDelay_CompletesExactlyAtTheVirtualTime()
    {
        var (scheduler, time) = CreateSut();
        var delay = Task.Delay(TimeSpan.FromSeconds(10), time);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks - 1);
        delay.IsCompleted.ShouldBeFalse();
        scheduler.AdvanceBy(1);
        delay.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void TaskDelay_Cancelled_IsCanceledAndItsTimerIsGone()
    {
        var (scheduler, time) = CreateSut();
        using var cts = new CancellationTokenSource();
        var delay = Task.Delay(TimeSpan.FromSeconds(10), time, cts.Token);
        cts.Cancel();
        delay.IsCanceled.ShouldBeTrue();
        scheduler.AdvanceBy(TimeSpan.FromSeconds(20).Ticks);
        delay.IsCanceled.ShouldBeTrue();
    }

    [Fact]
    public void CancellationTokenSource_WithProvider_CancelsAtTheVirtualTime()
    {
        var (scheduler, time) = CreateSut();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30), time);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(30).Ticks - 1);
        cts.IsCancellationRequested.ShouldBeFalse();
        scheduler.AdvanceBy(1);
        cts.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void CreateTimer_Periodic_FiresAtDueTimeThenEveryPeriod()
    {
        var (scheduler, time) = CreateSut();
        var fired = new List<long>();
        using var timer = time.CreateTimer(_ => fired.Add(scheduler.Clock), null, TimeSpan.FromTicks(100), TimeSpan.FromTicks(50));
        scheduler.AdvanceTo(260);
        fired.ShouldBe([100, 150, 200, 250]);
    }

    [Fact]
    public void CreateTimer_ZeroPeriod_FiresOnce()
    {
        var (scheduler, time) = CreateSut();
        var fired = new List<long>();
        using var timer = time.CreateTimer(_ => fired.Add(scheduler.Clock), null, TimeSpan.FromTicks(100), TimeSpan.Zero);
        scheduler.AdvanceTo(1000);
        fired.ShouldBe([100]);
    }

    [Fact]
    public void CreateTimer_InfiniteDueTime_NeverFires()
    {
        var (scheduler, time) = CreateSut();
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, Timeout.InfiniteTimeSpan, TimeSpan.FromTicks(10));
        scheduler.AdvanceTo(1000);
        count.ShouldBe(0);
    }

    [Fact]
    public void CreateTimer_PassesItsState()
    {
        var (scheduler, time) = CreateSut();
        object? seen = null;
        var state = new object();
        using var timer = time.CreateTimer(s => seen = s, state, TimeSpan.FromTicks(10), Timeout.InfiniteTimeSpan);
        scheduler.AdvanceTo(10);
        seen.ShouldBeSameAs(state);
    }

    [Fact]
    public void CreateTimer_BadArguments_Throw()
    {
        var (_, time) = CreateSut();
        Should.Throw<ArgumentNullException>(() => time.CreateTimer(null!, null, TimeSpan.Zero, TimeSpan.Zero));
        Should.Throw<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, TimeSpan.FromTicks(-5), TimeSpan.Zero));
        Should.Throw<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromTicks(-5)));
    }

    [Fact]
    public void Change_ReplacesThePendingSchedule()
    {
        var (scheduler, time) = CreateSut();
        var fired = new List<long>();
        using var timer = time.CreateTimer(_ => fired.Add(scheduler.Clock), null, TimeSpan.FromTicks(100), Timeout.InfiniteTimeSpan);
        scheduler.AdvanceTo(50);
        timer.Change(TimeSpan.FromTicks(200), TimeSpan.FromTicks(100)).ShouldBeTrue();
        scheduler.AdvanceTo(500);
        fired.ShouldBe([250, 350, 450]);
    }

    [Fact]
    public void Change_ToInfinite_StopsThePeriodicTimer()
    {
        var (scheduler, time) = CreateSut();
        var fired = new List<long>();
        using var timer = time.CreateTimer(_ => fired.Add(scheduler.Clock), null, TimeSpan.FromTicks(10), TimeSpan.FromTicks(10));
        scheduler.AdvanceTo(25);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan).ShouldBeTrue();
        scheduler.AdvanceTo(100);
        fired.ShouldBe([10, 20]);
    }

    [Fact]
    public void Change_FromInsideTheCallback_SupersedesTheNextTick()
    {
        var (scheduler, time) = CreateSut();
        var fired = new List<long>();
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            fired.Add(scheduler.Clock);
            timer!.Change(TimeSpan.FromTicks(100), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromTicks(10), TimeSpan.FromTicks(10));
        scheduler.AdvanceTo(300);
        fired.ShouldBe([10, 110, 210]);
        timer.Dispose();
    }

    [Fact]
    public void Dispose_StopsTheTimerAndChangeReturnsFalse()
    {
        var (scheduler, time) = CreateSut();
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromTicks(10), TimeSpan.FromTicks(10));
        scheduler.AdvanceTo(15);
        timer.Dispose();
        scheduler.AdvanceTo(100);
        count.ShouldBe(1);
        timer.Change(TimeSpan.Zero, TimeSpan.Zero).ShouldBeFalse();
        scheduler.IsEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task DisposeAsync_StopsTheTimer()
    {
        var (scheduler, time) = CreateSut();
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromTicks(10), Timeout.InfiniteTimeSpan);
        await timer.DisposeAsync();
        scheduler.AdvanceTo(100);
        count.ShouldBe(0);
    }

    // Exposes only IScheduler (no IServiceProvider, hence no stopwatch service).
    private sealed class PlainScheduler(IScheduler inner) : IScheduler
    {
        public DateTimeOffset Now => inner.Now;

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) => inner.Schedule(state, action);

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) =>
            inner.Schedule(state, dueTime, action);

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
            inner.Schedule(state, dueTime, action);
    }
}

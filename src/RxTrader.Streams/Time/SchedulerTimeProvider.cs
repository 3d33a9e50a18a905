using System.Reactive.Concurrency;

namespace RxTrader.Streams.Time;

/// <summary>
/// A <see cref="TimeProvider"/> that reads and schedules through an <see cref="IScheduler"/>, so async code
/// (<c>Task.Delay(delay, provider)</c>, <c>new CancellationTokenSource(delay, provider)</c>) runs on the same clock
/// as the Rx graph: in virtual time under a <c>TestScheduler</c> or <c>HistoricalScheduler</c>, on the wall clock
/// under a real scheduler.
/// </summary>
/// <remarks>
/// <para><see cref="GetUtcNow"/> is <see cref="IScheduler.Now"/> in UTC.</para>
/// <para>Timestamps come from the scheduler's stopwatch (<see cref="Scheduler.AsStopwatchProvider"/>), started
/// when the provider is created: monotonic on real schedulers, virtual under virtual-time schedulers. The frequency
/// is <see cref="TimeSpan.TicksPerSecond"/>.</para>
/// <para>Timers are scheduled on the scheduler and fire on it, so callbacks run wherever the scheduler runs work
/// (for a <c>TestScheduler</c>: inside <c>AdvanceBy</c>/<c>Start</c>, on the thread that advances it). The provider
/// adds no synchronisation to the scheduler itself: a scheduler that is not thread-safe must not be advanced while
/// other threads create timers on it.</para>
/// </remarks>
public sealed class SchedulerTimeProvider : TimeProvider
{
    private readonly IStopwatch? _stopwatch;
    private readonly DateTimeOffset _createdAt;

    /// <summary>Creates the provider.</summary>
    /// <param name="scheduler">The scheduler that supplies the time and runs the timers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scheduler"/> is null.</exception>
    public SchedulerTimeProvider(IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        Scheduler = scheduler;
        _createdAt = scheduler.Now;
        _stopwatch = scheduler.AsStopwatchProvider()?.StartStopwatch();
    }

    /// <summary>The scheduler this provider reads and schedules on.</summary>
    public IScheduler Scheduler { get; }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The scheduler's current time, in UTC.</summary>
    /// <returns><see cref="IScheduler.Now"/> converted to UTC.</returns>
    public override DateTimeOffset GetUtcNow() => Scheduler.Now.ToUniversalTime();

    /// <summary>The scheduler time elapsed since the provider was created, in ticks.</summary>
    /// <returns>A monotonic timestamp in units of <see cref="TimestampFrequency"/>.</returns>
    public override long GetTimestamp() => (_stopwatch?.Elapsed ?? (Scheduler.Now - _createdAt)).Ticks;

    /// <summary>Creates a timer that fires on the scheduler.</summary>
    /// <param name="callback">Invoked when the timer fires, outside any lock.</param>
    /// <param name="state">Passed to <paramref name="callback"/>.</param>
    /// <param name="dueTime">Delay before the first call; <see cref="Timeout.InfiniteTimeSpan"/> keeps it stopped.</param>
    /// <param name="period">Interval between later calls; <see cref="Timeout.InfiniteTimeSpan"/> or zero fires once.</param>
    /// <returns>The timer; <see cref="ITimer.Change"/> re-arms it, disposal stops it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative and not infinite.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SchedulerTimer(Scheduler, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }
}

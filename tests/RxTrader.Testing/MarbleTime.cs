using Microsoft.Reactive.Testing;

namespace RxTrader.Testing;

/// <summary>
/// Converts between <see cref="TestScheduler"/> ticks and the timestamps domain types carry, so marble tests can
/// build trades whose exchange times line up with virtual time.
/// </summary>
/// <remarks>
/// A test scheduler's clock starts at tick 0, i.e. 0001-01-01 UTC. Every whole-day interval divides the ticks
/// between then and the Unix epoch, so epoch-aligned bars line up with scheduler time from tick 0 on.
/// </remarks>
public static class MarbleTime
{
    /// <summary>The timestamp of a scheduler tick.</summary>
    /// <param name="ticks">Virtual ticks (100 ns each).</param>
    public static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>The scheduler tick of a timestamp.</summary>
    /// <param name="time">A UTC timestamp.</param>
    public static long Ticks(DateTimeOffset time) => time.UtcTicks;

    /// <summary>Milliseconds as scheduler ticks.</summary>
    /// <param name="milliseconds">A number of milliseconds.</param>
    public static long Ms(long milliseconds) => TimeSpan.FromMilliseconds(milliseconds).Ticks;

    /// <summary>Seconds as scheduler ticks.</summary>
    /// <param name="seconds">A number of seconds.</param>
    public static long Seconds(long seconds) => TimeSpan.FromSeconds(seconds).Ticks;
}

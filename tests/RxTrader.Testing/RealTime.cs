using System.Reactive.Concurrency;

namespace RxTrader.Testing;

/// <summary>The one wall-clock scheduler of every test that runs real sockets and timers (simulator, venues).</summary>
/// <remarks>Never disposed, on purpose: Rx keeps timers due in more than a few seconds (pings, lifetimes, listenKey
/// expiry, keep-alives) in a long-term queue and, when it sees the system clock jump (a loaded machine), moves them onto
/// their scheduler even when they were cancelled; on a disposed <see cref="EventLoopScheduler"/> that throws on a timer
/// thread and kills the test host.</remarks>
public static class RealTime
{
    /// <summary>The shared event loop.</summary>
    public static EventLoopScheduler Scheduler { get; } = new();
}

using System.Reactive.Concurrency;

namespace RxTrader.Simulator.Tests;

/// <summary>The simulator tests' name for the shared never-disposed wall-clock scheduler
/// (<see cref="Testing.RealTime"/>, where the reason it is never disposed is written).</summary>
internal static class RealTime
{
    /// <summary>The shared event loop.</summary>
    public static EventLoopScheduler Scheduler => Testing.RealTime.Scheduler;
}

using RxTrader.Host.Cli;

namespace RxTrader.Host.Tests.Cli;

public sealed class ShutdownSignalsTests
{
    [Fact]
    public async Task Request_First_CancelsWithoutForcing()
    {
        var forced = new List<int>();
        using var error = new StringWriter();
        using var signals = new ShutdownSignals(error, forced.Add);

        signals.Request("Ctrl+C");

        await WaitCancelledAsync(signals.Token);
        forced.ShouldBeEmpty();
        error.ToString().ShouldContain("stopping");
    }

    [Fact]
    public async Task Request_Second_ForcesExitOne()
    {
        var forced = new List<int>();
        using var error = new StringWriter();
        using var signals = new ShutdownSignals(error, forced.Add);

        signals.Request("SIGTERM");
        signals.Request("Ctrl+C");

        await WaitCancelledAsync(signals.Token);
        forced.ShouldBe([1]);
    }

    private static async Task WaitCancelledAsync(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource();
        await using var registration = token.Register(cancelled.SetResult);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
    }
}

namespace RxTrader.Simulator.Tests.Faults;

/// <summary>Waits for a condition real sockets make true at some point; never asserts on elapsed time.</summary>
internal static class Eventually
{
    /// <summary>How long a condition may take before the test fails (generous: the machine is shared).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after <see cref="Limit"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Limit);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }
}

namespace RxTrader.Binance.Tests.Infrastructure;

/// <summary>Waits for a condition that real sockets make true at some point; never asserts on elapsed time.</summary>
public static class Await
{
    /// <summary>How long a condition may take before the test fails (generous: the machine is shared).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after <see cref="Limit"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(10);
        }
    }
}

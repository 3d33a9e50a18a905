using System.Diagnostics;
using System.Globalization;

namespace RxTrader.Benchmarks;

/// <summary>
/// A closed-loop latency run paced at a fixed rate: each operation starts at its slot (spinning until then) and waits
/// for the previous one; the sorted latencies are printed as P50 / P90 / P99 / P99.9 / max.
/// </summary>
internal static class PacedLatency
{
    /// <summary>Runs <paramref name="operation"/> <paramref name="rate"/> times a second for <paramref name="seconds"/> seconds.</summary>
    /// <param name="label">What is measured, for the printed line.</param>
    /// <param name="rate">Operations per second.</param>
    /// <param name="seconds">How long.</param>
    /// <param name="operation">The timed operation, given its index; returns what <paramref name="untimed"/> receives.</param>
    /// <param name="untimed">Housekeeping after an operation (e.g. cancelling), inside the pacing but not timed.</param>
    /// <returns>The P99 in microseconds (the benchmark's return value).</returns>
    public static async Task<double> RunAsync<T>(string label, int rate, int seconds, Func<int, Task<T>> operation, Func<T, Task>? untimed = null)
    {
        var latencies = new double[rate * seconds];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < latencies.Length; i++)
        {
            var due = TimeSpan.FromMilliseconds(i * 1000.0 / rate);
            while (clock.Elapsed < due)
            {
                Thread.SpinWait(50);
            }

            var start = clock.Elapsed;
            var result = await operation(i).ConfigureAwait(false);
            latencies[i] = (clock.Elapsed - start).TotalMicroseconds;
            if (untimed is not null)
            {
                await untimed(result).ConfigureAwait(false);
            }
        }

        Array.Sort(latencies);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// {label} at {rate}/s for {seconds}s: P50 {P(latencies, 0.50):F0} us, P90 {P(latencies, 0.90):F0} us, P99 {P(latencies, 0.99):F0} us, P99.9 {P(latencies, 0.999):F0} us, max {latencies[^1]:F0} us"));
        return P(latencies, 0.99);
    }

    private static double P(double[] sorted, double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
}

using System.Globalization;
using Shouldly;

namespace RxTrader.Testing.Prometheus;

/// <summary>
/// The five metrics every <c>rxtrader</c> host must export, checked through a real Prometheus server's query API:
/// point a <see cref="PrometheusServer"/> at a host's <c>/metrics</c> and call <see cref="AssertAsync"/>.
/// </summary>
public static class SeedMetrics
{
    /// <summary>Histogram: exchange event time to local receipt, seconds.</summary>
    public const string BinanceWsLatency = "binance_ws_latency_seconds";

    /// <summary>Counter: WebSocket reconnects.</summary>
    public const string WsReconnects = "ws_reconnects_total";

    /// <summary>Histogram: order submit to venue acknowledgement, seconds.</summary>
    public const string OrderRoundTripLatency = "order_roundtrip_latency_seconds";

    /// <summary>Gauge: composed engine tasks running.</summary>
    public const string ConcurrentTasksActive = "concurrent_tasks_active";

    /// <summary>Histogram: message lag, seconds.</summary>
    public const string MessageLag = "msg_lag_seconds";

    /// <summary>The three histograms.</summary>
    public static IReadOnlyList<string> Histograms { get; } = [BinanceWsLatency, OrderRoundTripLatency, MessageLag];

    /// <summary>The P99 query of a histogram over <paramref name="window"/>, across every series.</summary>
    /// <param name="histogram">The histogram's name.</param>
    /// <param name="window">The rate window, e.g. <c>30s</c>.</param>
    /// <returns>The PromQL text.</returns>
    public static string P99Query(string histogram, string window = "30s") =>
        $"histogram_quantile(0.99, sum by (le) (rate({histogram}_bucket[{window}])))";

    /// <summary>
    /// Waits (up to <paramref name="timeout"/>) until each seed metric has a non-trivial value in Prometheus and
    /// asserts it: every histogram has <c>_count &gt; 0</c> and a finite positive P99 over the last 30 s (so it must
    /// still be recording), the reconnect counter is above zero, and the active-tasks gauge equals
    /// <paramref name="expectedActiveTasks"/> (or is above zero when null).
    /// </summary>
    /// <param name="prometheus">A server scraping the host.</param>
    /// <param name="expectedActiveTasks">The exact gauge value expected, or null for "above zero".</param>
    /// <param name="timeout">How long to wait for each value.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>The value found per query (P99 queries keyed by their PromQL text), for further assertions.</returns>
    public static async Task<IReadOnlyDictionary<string, double>> AssertAsync(
        PrometheusServer prometheus, double? expectedActiveTasks, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);

        async Task Check(string query, Func<double, bool> accept, string expectation)
        {
            var result = await prometheus.WaitForAsync(query, r => r.Count == 1 && accept(r[0].Value), timeout, ct);
            var found = string.Join(", ", result.Select(s => s.Value.ToString(CultureInfo.InvariantCulture)));
            result.Count.ShouldBe(1, $"'{query}' should give one value ({expectation}), got [{found}].");
            accept(result[0].Value).ShouldBeTrue($"'{query}' should be {expectation}, got {found}.");
            values[query] = result[0].Value;
        }

        foreach (var histogram in Histograms)
        {
            await Check($"sum({histogram}_count)", static v => v > 0, "> 0");
            await Check(P99Query(histogram), static v => double.IsFinite(v) && v > 0, "finite and > 0");
        }

        await Check($"sum({WsReconnects})", static v => v > 0, "> 0");
        await Check(
            $"sum({ConcurrentTasksActive})",
            v => expectedActiveTasks is { } expected ? v == expected : v > 0,
            expectedActiveTasks is { } e ? "== " + e.ToString(CultureInfo.InvariantCulture) : "> 0");
        return values;
    }
}

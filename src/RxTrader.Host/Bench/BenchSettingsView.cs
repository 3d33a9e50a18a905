using RxTrader.Trading.Journal;

namespace RxTrader.Host.Bench;

/// <summary>The settings as the report shows them.</summary>
/// <param name="Mode">all, throughput or latency.</param>
/// <param name="DurationSeconds">The measured window of each mode.</param>
/// <param name="WarmupSeconds">The warm-up of each mode.</param>
/// <param name="Rate">The latency mode's paced rate, msg/s.</param>
/// <param name="SignalEvery">The latency mode's signal cadence, trades per symbol.</param>
/// <param name="OrdersPerSecond">The bound on orders per second.</param>
/// <param name="JournalSync">NORMAL or FULL.</param>
/// <param name="Symbols">The traded symbols.</param>
internal sealed record BenchSettingsView(string Mode, double DurationSeconds, double WarmupSeconds, int Rate, int SignalEvery, int OrdersPerSecond, string JournalSync, IReadOnlyList<string> Symbols)
{
    /// <summary>The view of <paramref name="settings"/>.</summary>
    public static BenchSettingsView From(BenchSettings settings) => new(
        settings.Mode.ToString().ToLowerInvariant(),
        settings.Duration.TotalSeconds,
        settings.Warmup.TotalSeconds,
        settings.Rate,
        settings.SignalEvery,
        settings.OrdersPerSecond,
        settings.JournalSync == JournalDurability.Full ? "FULL" : "NORMAL",
        [.. BenchSettings.Symbols.Select(static s => s.Value)]);
}

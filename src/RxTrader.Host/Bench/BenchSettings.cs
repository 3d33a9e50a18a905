using RxTrader.Trading.Journal;

namespace RxTrader.Host.Bench;

/// <summary>The validated settings of one <c>rxtrader bench</c> invocation.</summary>
/// <param name="Mode">Which measurements run.</param>
/// <param name="Duration">The measured window of each mode (after the warm-up).</param>
/// <param name="Warmup">How long each mode runs before its window opens.</param>
/// <param name="Rate">The paced rate of the latency mode, in messages per second (all symbols together).</param>
/// <param name="SignalEvery">The latency mode's strategy signals on every Nth trade of each symbol.</param>
/// <param name="OrdersPerSecond">The bound on orders per second (all symbols together).</param>
/// <param name="JournalSync">The journal's SQLite synchronous mode.</param>
/// <param name="Json">Print one JSON document instead of the table.</param>
/// <param name="OutputFile">Also write the JSON document to this file, or <see langword="null"/>.</param>
internal sealed record BenchSettings(
    BenchMode Mode,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Rate,
    int SignalEvery,
    int OrdersPerSecond,
    JournalDurability JournalSync,
    bool Json,
    string? OutputFile)
{
    /// <summary>The default measured window.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);

    /// <summary>The default warm-up.</summary>
    public static readonly TimeSpan DefaultWarmup = TimeSpan.FromSeconds(2);

    /// <summary>The default paced rate.</summary>
    public const int DefaultRate = 20_000;

    /// <summary>The default signal cadence of the latency mode.</summary>
    public const int DefaultSignalEvery = 20;

    /// <summary>The default order bound: under the simulator's and the risk gate's limits as the bench sets them.</summary>
    public const int DefaultOrdersPerSecond = 150;

    /// <summary>The throughput mode's signal cadence: rare enough that the order path does not steal the cores.</summary>
    public const int ThroughputSignalEvery = 1_000;

    /// <summary>The symbols every mode trades.</summary>
    public static readonly IReadOnlyList<Core.Symbol> Symbols = [new("BTCUSDT"), new("ETHUSDT"), new("BNBUSDT")];

    /// <summary>The settings of the defaults.</summary>
    public static BenchSettings Default { get; } = new(
        BenchMode.All, DefaultDuration, DefaultWarmup, DefaultRate, DefaultSignalEvery, DefaultOrdersPerSecond, JournalDurability.Normal, Json: false, OutputFile: null);
}

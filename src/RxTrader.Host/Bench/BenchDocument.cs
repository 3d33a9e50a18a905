using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RxTrader.Host.Bench;

/// <summary>The bench's report: where it ran, with what settings, what each mode measured, and the targets.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="Settings">The settings (mode, duration, rate, journal mode, ...).</param>
/// <param name="Results">One result per mode, in the order they ran.</param>
/// <param name="Targets">The targets of the modes that ran, each met or not.</param>
internal sealed record BenchDocument(MachineInfo Machine, BenchSettingsView Settings, IReadOnlyList<BenchModeResult> Results, IReadOnlyList<BenchTarget> Targets)
{
    /// <summary>The throughput target, messages per second sustained without drops.</summary>
    public const double ThroughputTarget = 500_000;

    /// <summary>The tick → signal P99 target, µs.</summary>
    public const double TickToSignalP99Target = 50;

    /// <summary>The tick → order ack P99 target, µs.</summary>
    public const double TickToOrderAckP99Target = 2_000;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Builds the document, checking the targets of the modes that ran.</summary>
    public static BenchDocument Create(MachineInfo machine, BenchSettings settings, IReadOnlyList<BenchModeResult> results)
    {
        var targets = new List<BenchTarget>();
        foreach (var result in results)
        {
            if (result.Mode == "throughput")
            {
                var note = result.DroppedInWindow == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{result.DroppedInWindow} messages dropped in the window: not sustained");
                targets.Add(new BenchTarget("messages_per_second", ">= 500000 without drops", result.MessagesPerSecond, "msg/s", result.MessagesPerSecond >= ThroughputTarget && result.DroppedInWindow == 0, note));
            }
            else
            {
                targets.Add(new BenchTarget("tick_to_signal_p99", "<= 50 us", result.TickToSignal.P99, "us", result.TickToSignal.Count > 0 && result.TickToSignal.P99 <= TickToSignalP99Target, null));
                targets.Add(new BenchTarget("tick_to_order_ack_p99", "<= 2000 us", result.TickToOrderAck.P99, "us", result.TickToOrderAck.Count > 0 && result.TickToOrderAck.P99 <= TickToOrderAckP99Target, null));
            }
        }

        return new BenchDocument(machine, BenchSettingsView.From(settings), results, targets);
    }

    /// <summary>The document as indented JSON with snake_case names.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The human table.</summary>
    public string ToTable()
    {
        var i = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(string.Create(i, $"rxtrader bench · {Machine.ProcessorCount} cores · {Machine.Dotnet} · {Machine.Os} · load {Machine.LoadAverage ?? "?"} · journal synchronous={Settings.JournalSync}"));
        foreach (var r in Results)
        {
            text.AppendLine();
            var rate = r.TargetRate is { } paced ? string.Create(i, $"paced at {paced:N0} msg/s") : "as fast as possible";
            text.AppendLine(string.Create(i, $"{r.Mode}: {rate}, {r.WindowSeconds:0.0} s window after {r.WarmupSeconds:0.0} s warm-up, a signal every {r.SignalEvery} trades per symbol"));
            text.AppendLine(string.Create(i, $"  messages      {r.MessagesPerSecond,12:N0} msg/s processed   (sent {r.MessagesSent:N0}, received {r.MessagesReceived:N0}, processed {r.MessagesProcessed:N0})"));
            text.AppendLine(string.Create(i, $"  drops         {r.DroppedInWindow,12:N0} in the window       (feed {r.DroppedByFeed:N0}, engine {r.DroppedByEngine:N0}; {r.DroppedTotal:N0} over the whole run)"));
            text.AppendLine(string.Create(i, $"  signals       {r.Signals,12:N0} in the window       orders placed {r.OrdersPlacedTotal:N0}, acked {r.OrdersAckedTotal:N0}, refused {r.OrdersRefusedTotal:N0}, risk-gate refusals {Refusals(r.RiskRejections)}"));
            text.AppendLine(string.Create(i, $"  tick→signal   {Percentiles(r.TickToSignal)}   (engine ingress→signal P99 ≈ {r.EngineTickToSignalP99Micros:N0} us)"));
            text.AppendLine(string.Create(i, $"  tick→ack      {Percentiles(r.TickToOrderAck)}   (engine ingress→ack P99 ≈ {r.EngineTickToOrderAckP99Micros:N0} us)"));
            text.AppendLine(string.Create(i, $"  allocated     {r.AllocatedBytesPerMessage,12:N0} B/msg             peak RSS {r.PeakRssBytes / (1024.0 * 1024.0):N0} MiB"));
        }

        text.AppendLine();
        text.AppendLine("targets:");
        foreach (var t in Targets)
        {
            text.AppendLine(string.Create(i, $"  {(t.Met ? "met    " : "NOT met")}  {t.Name} {t.Target}: {t.Measured:N0} {t.Unit}{(t.Note is null ? string.Empty : " (" + t.Note + ")")}"));
        }

        return text.ToString();
    }

    private static string Refusals(IReadOnlyDictionary<string, long> byReason) =>
        byReason.Count == 0 ? "0" : string.Join(", ", byReason.Select(static p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}")));

    private static string Percentiles(LatencySummary s) =>
        string.Create(CultureInfo.InvariantCulture, $"P50 {s.P50,7:N0} us  P95 {s.P95,7:N0} us  P99 {s.P99,7:N0} us  P99.9 {s.P999,7:N0} us  max {s.Max,7:N0} us  ({s.Count:N0} samples)");
}

using System.Text.RegularExpressions;
using RxTrader.Core.Orders;
using RxTrader.Host.Tests.Process;
using RxTrader.Testing.Prometheus;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;

namespace RxTrader.Host.Tests.Run;

/// <summary>
/// <c>rxtrader run</c> as a user runs it: the real process, the embedded simulator reached through the WebSocket feed
/// and the REST venue, a fast strategy so signals come within seconds, plain dashboard lines.
/// </summary>
public sealed partial class RunProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rxtrader-run-" + Guid.NewGuid().ToString("N"));

    public RunProcessTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task EmbeddedDefault_TradesUntilCtrlC_ThenExitsZeroWithTheJournalIntact()
    {
        var journalPath = Path.Combine(_directory, "run.journal.db");
        await using var host = HostProcess.Start(Arguments(journalPath));

        await host.WaitForLineAsync(l => l.StartsWith("rxtrader run: embedded simulator", StringComparison.Ordinal), Timeout);
        await host.WaitForLineAsync(l => l.StartsWith("signal ", StringComparison.Ordinal), Timeout);
        await host.WaitForLineAsync(l => l.StartsWith("order ", StringComparison.Ordinal) && l.Contains("status=Filled", StringComparison.Ordinal), Timeout);
        await host.WaitForLineAsync(l => l.StartsWith("ts=", StringComparison.Ordinal) && SubmittedIn(l) > 0, Timeout);
        await host.InterruptAsync();
        var exitCode = await host.WaitForExitAsync(Timeout);

        exitCode.ShouldBe(0, host.Transcript);
        host.ErrorLines.ShouldBe(["rxtrader: Ctrl+C: stopping (press Ctrl+C again to force)"], host.Transcript);
        var summary = host.OutputLines.Single(l => l.StartsWith("stopped:", StringComparison.Ordinal));
        summary.ShouldContain("orders submitted");
        host.OutputLines.ShouldContain(l => l.Contains("0 left open", StringComparison.Ordinal), host.Transcript);

        // The journal opens (not corrupt), holds every order the run reported, and none is left unresolved.
        var reported = host.OutputLines
            .Select(l => OrderIdPattern().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();
        reported.ShouldNotBeEmpty();
        using var journal = OrderJournal.Open(journalPath, new OrderJournalOptions { Mode = JournalOpenMode.OpenExisting });
        journal.OrderCount.ShouldBe(reported.Count);
        journal.LoadOrdersNotFinal().ShouldBeEmpty();
        foreach (var id in reported)
        {
            var order = journal.FindOrder(new ClientOrderId(id)).ShouldNotBeNull(id);
            order.Tracking.ShouldBe(OrderTracking.Terminal, id);
            if (order.Order is { Status: OrderStatus.Filled } filled)
            {
                journal.ReadFills(filled.ClientOrderId).Sum(f => f.Quantity).ShouldBe(filled.ExecutedQuantity, id);
            }
        }
    }

    [Fact]
    public async Task RealPrometheus_ScrapesTheRunningHost_TheFiveSeedMetricsHaveValues()
    {
        await using var host = HostProcess.Start(Arguments(Path.Combine(_directory, "metrics.journal.db")));
        var banner = await host.WaitForLineAsync(l => l.StartsWith("rxtrader run: embedded simulator at ", StringComparison.Ordinal), Timeout);
        var simulator = new Uri(SimulatorPattern().Match(banner).Groups[1].Value);
        var metricsLine = await host.WaitForLineAsync(l => l.TrimStart().StartsWith("metrics http", StringComparison.Ordinal), Timeout);
        var metrics = new Uri(metricsLine.Trim()["metrics ".Length..]);

        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{metrics.Port}");
        await host.WaitForLineAsync(l => l.StartsWith("order ", StringComparison.Ordinal) && l.Contains("status=Filled", StringComparison.Ordinal), Timeout);

        // Cut the market-data connection once: the feed reconnects, and ws_reconnects_total must show it.
        using (var http = new HttpClient())
        {
            using var response = await http.PostAsync(new Uri(simulator, "/sim/faults/drop?kind=marketStream"), null);
            response.EnsureSuccessStatusCode();
        }

        await prometheus.WaitForScrapesAsync(3, Timeout);
        var values = await SeedMetrics.AssertAsync(prometheus, expectedActiveTasks: 5, Timeout);

        values[$"sum({SeedMetrics.WsReconnects})"].ShouldBe(1);
        values[SeedMetrics.P99Query(SeedMetrics.OrderRoundTripLatency)].ShouldBeLessThan(10);
        await host.InterruptAsync();
        (await host.WaitForExitAsync(Timeout)).ShouldBe(0, host.Transcript);
    }

    [Fact]
    public async Task BinanceWithoutLive_PaperTradesOnTheExchangesMarketData_AndStopsOnSigterm()
    {
        // A simulator already running stands in for Binance: the same public endpoints, no keys given.
        await using var exchange = HostProcess.Start(["sim", "--port", "0"]);
        var rest = (await exchange.WaitForLineAsync(l => l.TrimStart().StartsWith("REST:", StringComparison.Ordinal), Timeout)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var streams = (await exchange.WaitForLineAsync(l => l.TrimStart().StartsWith("Streams:", StringComparison.Ordinal), Timeout)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var journalPath = Path.Combine(_directory, "paper.journal.db");
        string[] args = [.. Arguments(journalPath), "--exchange", "binance", "--rest-url", rest, "--stream-url", streams];
        await using var host = HostProcess.Start(args);

        await host.WaitForLineAsync(l => l.Contains("PAPER trading (no keys, no orders sent)", StringComparison.Ordinal), Timeout);
        await host.WaitForLineAsync(l => l.StartsWith("order ", StringComparison.Ordinal) && l.Contains("status=Filled", StringComparison.Ordinal), Timeout);
        await host.TerminateAsync();

        (await host.WaitForExitAsync(Timeout)).ShouldBe(0, host.Transcript);
        using var journal = OrderJournal.Open(journalPath, new OrderJournalOptions { Mode = JournalOpenMode.OpenExisting });
        journal.OrderCount.ShouldBeGreaterThan(0);
        journal.LoadOrdersNotFinal().ShouldBeEmpty();
        journal.FillCount.ShouldBeGreaterThan(0);
        await exchange.InterruptAsync();
        (await exchange.WaitForExitAsync(Timeout)).ShouldBe(0, exchange.Transcript);
    }

    [Fact]
    public async Task CorruptJournal_ExitTwoNamingTheFile_AndLeavesItUntouched()
    {
        var journalPath = Path.Combine(_directory, "corrupt.journal.db");
        var garbage = "this is not an order journal"u8.ToArray();
        await File.WriteAllBytesAsync(journalPath, garbage);

        var (code, _, error) = await HostProcess.RunAsync(["run", "--dashboard", "plain", "--metrics-port", "0", "--journal", journalPath]);

        code.ShouldBe(2, error);
        error.ShouldStartWith("rxtrader: --journal: ");
        error.ShouldContain(journalPath);
        (await File.ReadAllBytesAsync(journalPath)).ShouldBe(garbage);
    }

    [Theory]
    [InlineData("--metrics-port")]
    [InlineData("--sim-port")]
    public async Task PortInUse_ExitTwoNamingTheOption(string option)
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] args = option == "--metrics-port"
            ? ["run", "--dashboard", "plain", "--metrics-port", port, "--journal", Path.Combine(_directory, "port.journal.db")]
            : ["run", "--dashboard", "plain", "--metrics-port", "0", "--sim-port", port, "--journal", Path.Combine(_directory, "port.journal.db")];

        var (code, _, error) = await HostProcess.RunAsync(args);

        code.ShouldBe(2, error);
        error.ShouldStartWith($"rxtrader: {option}: ");
        error.ShouldContain(port);
        error.ShouldNotContain("   at ");
    }

    private static string[] Arguments(string journalPath) =>
    [
        "run", "--dashboard", "plain", "--refresh", "500ms", "--strategy", "ema-cross", "--param", "fast=2", "--param", "slow=3",
        "--metrics-port", "0", "--journal", journalPath,
    ];

    private static int SubmittedIn(string line) =>
        SubmittedPattern().Match(line) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^order id=(\S+) ")]
    private static partial Regex OrderIdPattern();

    [GeneratedRegex(@" submitted=(\d+) ")]
    private static partial Regex SubmittedPattern();

    [GeneratedRegex(@"embedded simulator at (\S+) ")]
    private static partial Regex SimulatorPattern();
}

using System.Text.Json;
using RxTrader.Host.Bench;
using RxTrader.Host.Cli;
using RxTrader.Testing;

namespace RxTrader.Host.Tests.Bench;

public sealed class BenchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rxtrader-bench-test-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Bench_BothModesShort_ReportsMessagesSignalsAcksAndOrderedPercentiles()
    {
        var file = Path.Combine(_folder, "bench.json");
        var before = RunFolders();

        var code = await RunAsync("bench", "--mode", "all", "--duration", "1s", "--warmup", "500ms", "--rate", "2000", "--signal-every", "5", "--json", "--out", file);

        code.ShouldBe(0, _error.ToString());
        using var printed = JsonDocument.Parse(_output.ToString());
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        written.RootElement.GetRawText().ShouldBe(printed.RootElement.GetRawText());
        var root = printed.RootElement;
        root.GetProperty("machine").GetProperty("processor_count").GetInt32().ShouldBeGreaterThan(0);
        root.GetProperty("machine").GetProperty("dotnet").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("settings").GetProperty("journal_sync").GetString().ShouldBe("NORMAL");
        var results = root.GetProperty("results").EnumerateArray().ToArray();
        results.Select(static r => r.GetProperty("mode").GetString()).ShouldBe(["throughput", "latency"]);
        foreach (var result in results)
        {
            result.GetProperty("messages_processed").GetInt64().ShouldBeGreaterThan(0);
            result.GetProperty("messages_per_second").GetDouble().ShouldBeGreaterThan(0);
            result.GetProperty("signals").GetInt64().ShouldBeGreaterThan(0);
            result.GetProperty("orders_acked_total").GetInt64().ShouldBeGreaterThan(0);
            result.GetProperty("dropped_in_window").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
            result.GetProperty("allocated_bytes_per_message").GetDouble().ShouldBeGreaterThan(0);
            result.GetProperty("peak_rss_bytes").GetInt64().ShouldBeGreaterThan(0);
            AssertOrdered(result.GetProperty("tick_to_signal_us"), mustHaveSamples: true);
            AssertOrdered(result.GetProperty("tick_to_order_ack_us"), mustHaveSamples: false);
        }

        AssertOrdered(results[1].GetProperty("tick_to_order_ack_us"), mustHaveSamples: true);
        var targets = root.GetProperty("targets").EnumerateArray().Select(static t => t.GetProperty("name").GetString()).ToArray();
        targets.ShouldBe(["messages_per_second", "tick_to_signal_p99", "tick_to_order_ack_p99"]);
        root.GetProperty("targets")[0].GetProperty("met").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);

        // Nothing left behind: the temporary journals are gone.
        RunFolders().Except(before).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--mode", "fast", "--mode")]
    [InlineData("--mode", "1", "--mode")]
    [InlineData("--duration", "0s", "--duration")]
    [InlineData("--duration", "soon", "--duration")]
    [InlineData("--warmup", "-1s", "--warmup")]
    [InlineData("--rate", "0", "--rate")]
    [InlineData("--rate", "2k", "--rate")]
    [InlineData("--signal-every", "0", "--signal-every")]
    [InlineData("--orders-per-second", "500", "--orders-per-second")]
    [InlineData("--journal-sync", "off", "--journal-sync")]
    [InlineData("--out", "/no/such/folder/bench.json", "--out")]
    public async Task Bench_BadOption_ExitsTwoNamingIt(string option, string value, string named)
    {
        var code = await RunAsync("bench", option, value);

        code.ShouldBe(2);
        _error.ToString().ShouldContain($"invalid value '{value}' for {named}");
        _error.ToString().ShouldContain("rxtrader bench --help");
        _output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Bench_UnknownOption_ExitsTwo()
    {
        (await RunAsync("bench", "--bogus")).ShouldBe(2);
        _error.ToString().ShouldContain("--bogus");
    }

    [Fact]
    public async Task Bench_Help_DescribesEveryOptionWithItsDefault()
    {
        (await RunAsync("bench", "--help")).ShouldBe(0);

        var help = _output.ToString();
        foreach (var option in new[] { "--mode", "--duration", "--warmup", "--rate", "--signal-every", "--orders-per-second", "--journal-sync", "--json", "--out" })
        {
            var line = help.Split('\n').Single(l => l.TrimStart().StartsWith(option, StringComparison.Ordinal));
            line.ShouldContain("Default:");
        }
    }

    private static string[] RunFolders() => Directory.GetDirectories(Path.GetTempPath(), BenchRunner.TempPrefix + "*");

    private static void AssertOrdered(JsonElement latency, bool mustHaveSamples)
    {
        var count = latency.GetProperty("count").GetInt64();
        if (mustHaveSamples)
        {
            count.ShouldBeGreaterThan(0);
        }

        var p50 = latency.GetProperty("p50").GetInt64();
        var p95 = latency.GetProperty("p95").GetInt64();
        var p99 = latency.GetProperty("p99").GetInt64();
        var p999 = latency.GetProperty("p999").GetInt64();
        p50.ShouldBeLessThanOrEqualTo(p95);
        p95.ShouldBeLessThanOrEqualTo(p99);
        p99.ShouldBeLessThanOrEqualTo(p999);
        p999.ShouldBeLessThanOrEqualTo(latency.GetProperty("max").GetInt64());
    }

    private Task<int> RunAsync(params string[] args)
    {
        var context = new HostContext(_output, _error, false, _folder, new Dictionary<string, string?>(), null, TimeProvider.System, RealTime.Scheduler, CancellationToken.None);
        return RxTraderCli.RunAsync(args, context);
    }
}

using RxTrader.Host.Cli;
using RxTrader.Testing;

namespace RxTrader.Host.Tests.Cli;

public sealed class RxTraderCliTests : IDisposable
{
    private const string Key = "kAbCdEfGhIjKlMnOpQrStUvWxYz0123456789kAbCdEfGhIjKlMnOpQrStUvWxYz";
    private const string Secret = "sAbCdEfGhIjKlMnOpQrStUvWxYz0123456789sAbCdEfGhIjKlMnOpQrStUvWxYz";

    private readonly string _folder = Directory.CreateTempSubdirectory("rxtrader-cli-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("sim", "--help")]
    public async Task Help_EveryVerb_DescribesEveryOptionAndDefault(params string[] args)
    {
        (await RunAsync(args)).ShouldBe(0);

        var help = _output.ToString();
        help.ShouldContain("Usage:");
        foreach (var line in help.Split('\n').Where(static l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) && !l.Contains("--help", StringComparison.Ordinal) && !l.Contains("--version", StringComparison.Ordinal)))
        {
            // Each option line has a description, and it says the default.
            line.Trim().Split("  ", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(1, line);
            line.ShouldContain("Default:", Case.Sensitive, line);
        }
    }

    [Fact]
    public async Task Help_Root_ListsVerbs()
    {
        await RunAsync("--help");

        _output.ToString().ShouldContain("run ");
        _output.ToString().ShouldContain("sim ");
    }

    [Fact]
    public async Task Version_PrintsIt()
    {
        (await RunAsync("--version")).ShouldBe(0);
        _output.ToString().ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("run", "--bogus")]
    [InlineData("sim", "--bogus")]
    [InlineData("launch")]
    public async Task UnknownOption_ExitTwoWithOneLineAndHint(params string[] args)
    {
        (await RunAsync(args)).ShouldBe(2);

        var lines = ErrorLines();
        lines.Length.ShouldBe(2);
        lines[0].ShouldContain(args[^1]);
        lines[1].ShouldContain("--help");
        _error.ToString().ShouldNotContain("   at ");
    }

    [Fact]
    public async Task MissingValue_ExitTwo()
    {
        (await RunAsync("run", "--bar")).ShouldBe(2);
        ErrorLines()[0].ShouldContain("--bar");
    }

    [Theory]
    [InlineData("--bar", "7x", "--bar (Engine:BarInterval)")]
    [InlineData("--symbols", "btc/usdt", "--symbols (Engine:Symbols)")]
    [InlineData("--strategy", "moon", "--strategy (Strategy:Name)")]
    [InlineData("--param", "fast", "--param (Strategy:Parameters)")]
    [InlineData("--param", "fast=abc", "--param (Strategy:Parameters)")]
    [InlineData("--exchange", "kraken", "--exchange (Exchange:Kind)")]
    [InlineData("--config", "/nonexistent/rxtrader.json", "--config")]
    public async Task Run_BadValue_ExitTwoNamingOptionAndValue(string option, string value, string names)
    {
        (await RunAsync("run", option, value)).ShouldBe(2);

        var lines = ErrorLines();
        lines[0].ShouldContain(names);
        lines[0].ShouldContain(value);
        lines[^1].ShouldContain("--help");
    }

    [Fact]
    public async Task Run_BinanceLiveWithoutKeys_ExitTwoNamingTheVariables()
    {
        (await RunAsync("run", "--exchange", "binance", "--live")).ShouldBe(2);

        _error.ToString().ShouldContain("RXTRADER_API_KEY");
        _error.ToString().ShouldContain("--live");
    }

    [Fact]
    public async Task Run_TestnetWithoutKeys_ExitTwoNamingTheVariables()
    {
        (await RunAsync("run", "--exchange", "testnet")).ShouldBe(2);

        _error.ToString().ShouldContain("RXTRADER_API_KEY");
    }

    [Fact]
    public async Task Run_EnvironmentVariable_Layered()
    {
        var environment = new Dictionary<string, string?> { ["RXTRADER_Engine__BarInterval"] = "bad" };

        (await RunAsync(environment, "run", "--check")).ShouldBe(2);
        _error.ToString().ShouldContain("'bad'");
    }

    [Fact]
    public async Task Run_OptionBeatsEnvironment()
    {
        var environment = new Dictionary<string, string?> { ["RXTRADER_Engine__BarInterval"] = "bad" };

        (await RunAsync(environment, "run", "--check", "--bar", "5m")).ShouldBe(0);
        _output.ToString().ShouldContain("BarInterval=5m");
    }

    [Fact]
    public async Task Run_Flags_MapToKeys()
    {
        (await RunAsync("--check", "--keep-open-orders", "--no-metrics", "--live", "--param", "fast=5", "--param", "slow=30")).ShouldBe(0);

        var text = _output.ToString();
        text.ShouldContain("CancelOpenOrdersOnExit=False");
        text.ShouldContain("MetricsEnabled=False");
        text.ShouldContain("Live=True");
        text.ShouldContain("fast=5");
        text.ShouldContain("slow=30");
    }

    [Fact]
    public async Task Run_NoVerb_IsRun()
    {
        // --check: these tests never start the engine.
        (await RunAsync("--check", "--symbols", "solusdt")).ShouldBe(0);
        _output.ToString().ShouldContain("Symbols=SOLUSDT");
    }

    [Fact]
    public async Task Run_ApiKeyOption_RefusedWithoutEchoingIt()
    {
        (await RunAsync(Keys(), "run", "--api-key", Key)).ShouldBe(2);

        _error.ToString().ShouldContain("never taken from the command line");
        _error.ToString().ShouldNotContain(Key);
    }

    [Fact]
    public async Task Secrets_NeverInAnyOutput()
    {
        string[][] commands =
        [
            ["run", "--exchange", "testnet", "--check", "--verbose"],
            ["run", "--exchange", "testnet", "--check"],
            ["run", "--exchange", "binance"],
            ["run", "--exchange", "testnet", "--bar", "7x"],
            ["run", "--api-secret=" + Secret],
            ["--help"],
        ];
        foreach (var command in commands)
        {
            await RunAsync(Keys(), command);
        }

        var everything = _output.ToString() + _error.ToString();
        everything.ShouldContain("ApiKey=(set)");
        everything.ShouldNotContain(Key);
        everything.ShouldNotContain(Secret);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--seed", "x")]
    [InlineData("--symbols", "solusdt")]
    [InlineData("--duration", "forever")]
    public async Task Sim_BadValue_ExitTwoNamingOptionAndValue(string option, string value)
    {
        (await RunAsync("sim", option, value)).ShouldBe(2);

        ErrorLines()[0].ShouldContain(option);
        ErrorLines()[0].ShouldContain(value);
    }

    [Fact]
    public async Task UnexpectedFailure_ExitOneWithOneRedactedLine()
    {
        var context = new HostContext(new FailingWriter(Key), _error, false, _folder, Keys(), null, TimeProvider.System, RealTime.Scheduler, CancellationToken.None);

        (await RxTraderCli.RunAsync(["run", "--check"], context)).ShouldBe(1);

        var line = ErrorLines().ShouldHaveSingleItem();
        line.ShouldStartWith("rxtrader: unexpected failure: IOException: disk full ***");
        line.ShouldContain("--verbose");
        line.ShouldNotContain(Key);
    }

    [Fact]
    public async Task UnexpectedFailure_Verbose_Details()
    {
        var context = new HostContext(new FailingWriter(Key), _error, false, _folder, Keys(), null, TimeProvider.System, RealTime.Scheduler, CancellationToken.None);

        (await RxTraderCli.RunAsync(["run", "--check", "--verbose"], context)).ShouldBe(1);

        _error.ToString().ShouldContain("   at ");
        _error.ToString().ShouldNotContain(Key);
    }

    [Fact]
    public async Task Cancelled_ExitZero()
    {
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();
        var context = new HostContext(new CancellingWriter(), _error, false, _folder, new Dictionary<string, string?>(), null, TimeProvider.System, RealTime.Scheduler, stopped.Token);

        (await RxTraderCli.RunAsync(["run", "--check"], context)).ShouldBe(0);
    }

    private static Dictionary<string, string?> Keys() => new() { ["RXTRADER_API_KEY"] = Key, ["RXTRADER_API_SECRET"] = Secret };

    private string[] ErrorLines() => _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed class FailingWriter(string secret) : StringWriter
    {
        public override Task WriteLineAsync(string? value) => throw new IOException("disk full " + secret);
    }

    private sealed class CancellingWriter : StringWriter
    {
        public override Task WriteLineAsync(string? value) => throw new OperationCanceledException();
    }

    private Task<int> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    private Task<int> RunAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var context = new HostContext(_output, _error, false, _folder, environment, null, TimeProvider.System, RealTime.Scheduler, CancellationToken.None);
        return RxTraderCli.RunAsync(args, context);
    }
}

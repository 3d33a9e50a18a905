using System.Text.RegularExpressions;

namespace RxTrader.Host.Tests.Process;

/// <summary>The command line through the real process: exit codes, messages, signals.</summary>
public sealed partial class HostCliProcessTests
{
    private const string Key = "pRoCeSsKeY0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR";
    private const string Secret = "pRoCeSsSeCrEt0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO";

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("sim", "--help")]
    public async Task Help_EveryVerb_ExitZero(params string[] args)
    {
        var (code, output, _) = await HostProcess.RunAsync(args);

        code.ShouldBe(0);
        output.ShouldContain("Usage:");
        output.ShouldContain("Default:");
    }

    [Theory]
    [InlineData("unknown option", "--bogus")]
    [InlineData("bad --bar", "run", "--bar", "7x")]
    [InlineData("bad --symbols", "run", "--symbols", "btc$usdt")]
    [InlineData("unknown strategy", "run", "--strategy", "moon")]
    [InlineData("bad --param", "run", "--param", "fast=abc")]
    [InlineData("binance --live without keys", "run", "--exchange", "binance", "--live")]
    [InlineData("testnet without keys", "run", "--exchange", "testnet")]
    [InlineData("missing --config file", "run", "--config", "/nonexistent/rxtrader.json")]
    public async Task BadArguments_ExitTwoWithMessageAndHint(string why, params string[] args)
    {
        var (code, output, error) = await HostProcess.RunAsync(args);

        code.ShouldBe(2, why);
        error.ShouldStartWith("rxtrader: ", Case.Sensitive, why);
        error.ShouldContain("--help", Case.Sensitive, why);
        error.ShouldNotContain("   at ", Case.Sensitive, why);
        output.ShouldBeEmpty(why);
    }

    [Fact]
    public async Task CorruptConfigFile_ExitTwoNamingIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rxtrader-corrupt-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{ \"Engine\": { ");
        try
        {
            var (code, _, error) = await HostProcess.RunAsync(["run", "--config", file]);

            code.ShouldBe(2);
            error.ShouldContain(file);
            error.ShouldContain("--config");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Secrets_NeverPrinted()
    {
        var environment = new Dictionary<string, string?> { ["RXTRADER_API_KEY"] = Key, ["RXTRADER_API_SECRET"] = Secret };
        string[][] commands =
        [
            ["run", "--exchange", "testnet", "--check", "--verbose"],
            ["run", "--exchange", "binance", "--verbose"],
            ["run", "--exchange", "testnet", "--bar", "7x", "--verbose"],
            ["run", "--api-key", Key],
        ];
        var everything = string.Empty;
        foreach (var command in commands)
        {
            var (_, output, error) = await HostProcess.RunAsync(command, environment);
            everything += output + error;
        }

        everything.ShouldContain("ApiKey=(set)");
        everything.ShouldNotContain(Key);
        everything.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task UserSecrets_ReadForTestnetAndNeverPrinted()
    {
        var secrets = new Dictionary<string, string> { ["Binance:ApiKey"] = Key, ["Binance:ApiSecret"] = Secret };

        var (code, output, error) = await HostProcess.RunAsync(["run", "--exchange", "testnet", "--check", "--verbose"], userSecrets: secrets);

        code.ShouldBe(0, error);
        output.ShouldContain("ApiKey=(set) ApiSecret=(set)");
        (output + error).ShouldNotContain(Key);
        (output + error).ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Sim_StartsAnswersPingAndStopsOnSigint()
    {
        await using var sim = HostProcess.Start(["sim", "--port", "0", "--seed", "7"]);

        var restLine = await sim.WaitForLineAsync(static l => l.TrimStart().StartsWith("REST:", StringComparison.Ordinal));
        await sim.WaitForLineAsync(static l => l.TrimStart().StartsWith("WebSocket API:", StringComparison.Ordinal));
        await sim.WaitForLineAsync(static l => l.Contains("API key:", StringComparison.Ordinal) && l.Contains("rxtraderDemoApiKey", StringComparison.Ordinal));
        await sim.WaitForLineAsync(static l => l.Contains("Ctrl+C", StringComparison.Ordinal));
        var rest = new Uri(RestAddress().Match(restLine).Value);
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            (await http.GetStringAsync(new Uri(rest, "/api/v3/ping"))).ShouldBe("{}");
        }

        await sim.InterruptAsync();

        (await sim.WaitForExitAsync()).ShouldBe(0, sim.Transcript);
        sim.OutputLines.ShouldContain("sim: stopped");
        sim.ErrorLines.ShouldContain(static l => l.Contains("stopping", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sim_Sigterm_CleanExitZero()
    {
        await using var sim = HostProcess.Start(["sim", "--symbols", "btcusdt"]);
        await sim.WaitForLineAsync(static l => l.Contains("Ctrl+C", StringComparison.Ordinal));

        await sim.TerminateAsync();

        (await sim.WaitForExitAsync()).ShouldBe(0, sim.Transcript);
        sim.OutputLines.ShouldContain("sim: stopped");
    }

    [Fact]
    public async Task Sim_Duration_StopsByItself()
    {
        var (code, output, _) = await HostProcess.RunAsync(["sim", "--duration", "1s", "--symbols", "ethusdt"]);

        code.ShouldBe(0);
        output.ShouldContain("Symbols:       ETHUSDT");
        output.ShouldContain("sim: stopped");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex RestAddress();
}

using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Tests.Compatibility;

/// <summary>The official @binance/connector and ccxt, unchanged except for their base URLs, run their scenarios
/// (scripts/compat) against a simulator with its default synthetic market; a failing step fails the test with the
/// script's whole output.</summary>
public sealed class RealClientTests
{
    [Fact]
    public Task BinanceConnector_FullScenario_Passes() => RunAsync("connector.js");

    [Fact]
    public Task Ccxt_FullScenario_Passes() => RunAsync("ccxt.js");

    private static async Task RunAsync(string script)
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions(), RealTime.Scheduler);
        var outcome = await NodeScenario.RunAsync(
            script,
            "--rest", server.BaseAddress.ToString().TrimEnd('/'),
            "--ws", server.StreamAddress.ToString().TrimEnd('/'),
            "--key", SimulatorAccount.DemoApiKey,
            "--secret", SimulatorAccount.DemoSecretKey);
        outcome.ExitCode.ShouldBe(0, outcome.Output);
        outcome.Output.ShouldContain("\"passed\":true", Case.Sensitive, outcome.Output);
        server.UnhandledErrorCount.ShouldBe(0);
    }
}

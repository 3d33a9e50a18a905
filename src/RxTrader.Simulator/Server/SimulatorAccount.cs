using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Server;

/// <summary>An API key the simulator accepts, its HMAC secret and the balances it starts with.</summary>
/// <param name="ApiKey">The key clients send in <c>X-MBX-APIKEY</c>; also the engine's account id.</param>
/// <param name="SecretKey">The HMAC-SHA256 secret the key's requests are signed with.</param>
/// <param name="Balances">The initial free balances.</param>
/// <param name="Commission">Commission rates; null for the engine's default (0.1 % maker and taker).</param>
public sealed record SimulatorAccount(
    string ApiKey,
    string SecretKey,
    IReadOnlyList<AssetBalance> Balances,
    CommissionRates? Commission = null)
{
    /// <summary>The documented demo key: lets a client run against the simulator without configuring keys.</summary>
    public const string DemoApiKey = "rxtraderDemoApiKey0000000000000000000000000000000000000000000000";

    /// <summary>The demo key's secret.</summary>
    public const string DemoSecretKey = "rxtraderDemoSecretKey000000000000000000000000000000000000000000000";

    /// <summary>The demo account: 10 000 USDT, 1 BTC, 10 ETH, 100 BNB.</summary>
    public static SimulatorAccount Demo { get; } = new(
        DemoApiKey,
        DemoSecretKey,
        [new("USDT", 10_000m, 0m), new("BTC", 1m, 0m), new("ETH", 10m, 0m), new("BNB", 100m, 0m)]);
}

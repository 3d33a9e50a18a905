using RxTrader.Host.Configuration;
using RxTrader.Simulator.Server;

namespace RxTrader.Host.Run;

/// <summary>Where the engine connects: the embedded simulator (started here) or Binance / its testnet.</summary>
internal sealed class ExchangeConnection : IAsyncDisposable
{
    private ExchangeConnection(string description, Uri rest, Uri stream, string apiKey, string apiSecret, SimulatorServer? simulator)
    {
        Description = description;
        RestAddress = rest;
        StreamAddress = stream;
        ApiKey = apiKey;
        ApiSecret = apiSecret;
        Simulator = simulator;
    }

    /// <summary>One line for the banner (never the keys).</summary>
    public string Description { get; }

    public Uri RestAddress { get; }

    public Uri StreamAddress { get; }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    public SimulatorServer? Simulator { get; }

    public static async Task<ExchangeConnection> OpenAsync(RunSettings settings, System.Reactive.Concurrency.IScheduler scheduler, CancellationToken cancellationToken)
    {
        if (settings.Exchange == ExchangeKind.Sim)
        {
            var server = await SimulatorServer.StartAsync(new SimulatorOptions { Port = settings.SimPort }, scheduler, cancellationToken).ConfigureAwait(false);
            return new ExchangeConnection(
                $"embedded simulator at {server.BaseAddress} (paper account, no network, no keys)",
                server.BaseAddress,
                server.StreamAddress,
                SimulatorAccount.DemoApiKey,
                SimulatorAccount.DemoSecretKey,
                server);
        }

        var (rest, stream) = settings.Exchange == ExchangeKind.Testnet
            ? (RunSettings.TestnetRestAddress, RunSettings.TestnetStreamAddress)
            : (RunSettings.BinanceRestAddress, RunSettings.BinanceStreamAddress);
        rest = settings.RestAddress ?? rest;
        stream = settings.StreamAddress ?? stream;
        var what = settings.Exchange == ExchangeKind.Testnet ? "Binance spot testnet" : "Binance spot, LIVE orders";
        return new ExchangeConnection($"{what} at {rest}", rest, stream, settings.ApiKey!, settings.ApiSecret!, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}

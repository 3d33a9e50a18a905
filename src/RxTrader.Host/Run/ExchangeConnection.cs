using RxTrader.Host.Configuration;
using RxTrader.Simulator.Server;

namespace RxTrader.Host.Run;

/// <summary>Where the engine connects: the embedded simulator (started here) or Binance / its testnet.</summary>
internal sealed class ExchangeConnection : IAsyncDisposable
{
    private ExchangeConnection(string description, Uri rest, Uri stream, string apiKey, string apiSecret, SimulatorServer? simulator, bool paper = false)
    {
        IsPaper = paper;
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

    /// <summary>Orders stay in this process (a paper venue on the exchange's public market data); no keys.</summary>
    public bool IsPaper { get; }

    public static async Task<ExchangeConnection> OpenAsync(RunSettings settings, System.Reactive.Concurrency.IScheduler scheduler, CancellationToken cancellationToken)
    {
        if (settings.Exchange == ExchangeKind.Sim && settings.RestAddress is { } simRest && settings.StreamAddress is { } simStream)
        {
            return new ExchangeConnection(
                $"simulator at {simRest} (demo account)", simRest, simStream, SimulatorAccount.DemoApiKey, SimulatorAccount.DemoSecretKey, null);
        }

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
        if (settings.Exchange == ExchangeKind.Binance && !settings.Live)
        {
            return new ExchangeConnection(
                $"Binance spot public market data at {stream}, PAPER trading (no keys, no orders sent)", rest, stream, string.Empty, string.Empty, null, paper: true);
        }

        var what = settings.Exchange == ExchangeKind.Testnet ? "Binance spot testnet" : "Binance spot, LIVE orders with real money";
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

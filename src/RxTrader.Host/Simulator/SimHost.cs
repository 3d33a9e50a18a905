using System.Globalization;
using System.Reactive.Concurrency;
using RxTrader.Host.Cli;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.Server;

namespace RxTrader.Host.Simulator;

/// <summary>The <c>sim</c> verb: the simulator alone, its URLs and a status line every few seconds.</summary>
internal static class SimHost
{
    /// <summary>How often the status line is printed.</summary>
    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs the simulator until <paramref name="stopping"/> or the duration; returns the exit code.</summary>
    public static async Task<int> RunAsync(SimSettings settings, TextWriter output, TextWriter error, IScheduler scheduler, TimeProvider time, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var symbols = settings.Symbols.ToHashSet();
        var options = new SimulatorOptions
        {
            Port = settings.Port,
            Symbols = [.. DefaultMarket.AllRules.Where(r => symbols.Contains(r.Symbol))],
            Market = new MarketModelOptions { Seed = settings.Seed, Symbols = [.. DefaultMarket.Symbols.Where(s => symbols.Contains(s.Rules.Symbol))] },
        };

        using var activity = new SimulatorActivity();
        SimulatorServer server;
        try
        {
            server = await SimulatorServer.StartAsync(options, scheduler, stopping).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // Kestrel reports a port in use (or not allowed) as an IOException at start.
            await error.WriteLineAsync($"rxtrader: cannot listen on 127.0.0.1:{settings.Port}: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (server.ConfigureAwait(false))
        {
            activity.Observe(server.Engine.Events);
            await output.WriteAsync(Banner(server, settings)).ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);

            using var duration = settings.Duration is { } d ? new CancellationTokenSource(d, time) : new CancellationTokenSource();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, duration.Token);
            var started = time.GetTimestamp();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(StatusInterval, time, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var up = time.GetElapsedTime(started);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"sim: up={up:hh\\:mm\\:ss} connections={activity.Connections} orders={activity.Orders} trades={activity.Trades}")).ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"sim: stopping (connections={activity.Connections} orders={activity.Orders} trades={activity.Trades})")).ConfigureAwait(false);
        }

        await output.WriteLineAsync("sim: stopped").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The start banner: addresses, the demo key and how to point clients at the simulator.</summary>
    internal static string Banner(SimulatorServer server, SimSettings settings)
    {
        ArgumentNullException.ThrowIfNull(server);
        var rest = server.BaseAddress.ToString().TrimEnd('/');
        var ws = server.StreamAddress.ToString().TrimEnd('/');
        var text = new System.Text.StringBuilder();
        var i = CultureInfo.InvariantCulture;
        text.AppendLine(i, $"rxtrader sim: a Binance-spot-compatible exchange on loopback (seed {settings.Seed})");
        text.AppendLine(i, $"  REST:          {rest}   (try: curl {rest}/api/v3/ping)");
        text.AppendLine(i, $"  Streams:       {ws}   ({ws}/ws/btcusdt@trade, {ws}/stream?streams=btcusdt@trade/btcusdt@kline_1s)");
        text.AppendLine(i, $"  WebSocket API: {ws}/ws-api/v3");
        text.AppendLine(i, $"  Symbols:       {string.Join(',', settings.Symbols)}");
        text.AppendLine(i, $"  API key:       {SimulatorAccount.DemoApiKey}   (public demo key: 10000 USDT, 1 BTC, 10 ETH, 100 BNB)");
        text.AppendLine(i, $"  API secret:    {SimulatorAccount.DemoSecretKey}   (public demo secret)");
        text.AppendLine("Point clients at it:");
        text.AppendLine(i, $"  rxtrader:           rxtrader run --rest-url {rest} --stream-url {ws}");
        text.AppendLine(i, $"  @binance/connector: new Spot(key, secret, {{ baseURL: '{rest}' }}); new WebsocketStream({{ wsURL: '{ws}' }}); new WebsocketAPI(key, secret, {{ wsURL: '{ws}/ws-api/v3' }})");
        text.AppendLine(i, $"  ccxt:               new ccxt.pro.binance({{ apiKey: key, secret, urls: {{ api: {{ public: '{rest}/api/v3', private: '{rest}/api/v3', v1: '{rest}/api/v1', sapi: '{rest}/sapi/v1', ws: {{ spot: '{ws}/ws', 'ws-api': {{ spot: '{ws}/ws-api/v3' }} }} }} }}, options: {{ fetchMarkets: {{ types: ['spot'] }}, fetchCurrencies: false, fetchMargins: false }} }}); await ex.loadHttpProxyAgent()");
        text.AppendLine("Press Ctrl+C to stop.");
        return text.ToString();
    }
}

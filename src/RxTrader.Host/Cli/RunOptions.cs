using System.CommandLine;
using RxTrader.Host.Configuration;
using RxTrader.Strategies;

namespace RxTrader.Host.Cli;

/// <summary>The options of the <c>run</c> verb (also accepted without the verb) and how each maps onto a
/// configuration key. Values are taken as text: <see cref="RunSettingsBinder"/> validates them the same way whichever
/// layer they come from.</summary>
internal sealed class RunOptions
{
    public RunOptions()
    {
        var strategies = string.Join(" ", StrategyCatalog.All.Select(static s => $"{s.Name}: {s.Summary.TrimEnd('.')}."));
        var parameters = string.Join("; ", StrategyCatalog.All.Select(static s => $"{s.Name}: {string.Join(", ", s.Parameters.Select(static p => p.Name + "=" + p.Default))}"));
        Check = new Option<bool>("--check")
        {
            Description = "Validate the configuration, print the effective settings (API key and secret redacted) and exit without running. Default: off.",
        };
        Config = Text("--config", "FILE", "A JSON settings file layered over appsettings.json (same keys). Default: none.");
        Exchange = Text(SettingKeys.Exchange, "sim|binance|testnet",
            "Where market data comes from and orders go: sim (the embedded simulator, paper account), testnet (Binance's test network, keys needed) or binance (public market data with paper trading; real orders only with --live). Default: sim.");
        Symbols = Text(SettingKeys.Symbols, "LIST", "The symbols to trade, comma-separated, e.g. btcusdt,ethusdt (1 to 1000). Default: BTCUSDT,ETHUSDT,BNBUSDT.");
        Strategy = Text(SettingKeys.StrategyName, "NAME", $"The strategy. {strategies} Default: ema-cross.");
        Params = new Option<string[]>(SettingKeys.StrategyParameters.Option!)
        {
            HelpName = "NAME=VALUE",
            Description = $"A strategy parameter; repeat for several (e.g. --param fast=9 --param slow=21). Default: the strategy's defaults ({parameters}). [Strategy:Parameters:NAME]",
            Arity = ArgumentArity.OneOrMore,
        };
        Bar = Text(SettingKeys.BarInterval, "DURATION", "The bar interval the strategy sees: 1s, 5s, 1m, 15m, 1h, ... or hh:mm:ss, from 1s to 1d. Default: 1s.");
        Duration = Text(SettingKeys.Duration, "DURATION", "Stop after this long (30s, 5m, 2h, ...). Default: run until Ctrl+C or SIGTERM.");
        Live = Flag(SettingKeys.Live, "Send real orders with real money on --exchange binance (without it binance is paper trading). Keys come only from RXTRADER_API_KEY / RXTRADER_API_SECRET or user secrets. Default: off.");
        OrderSize = Text(SettingKeys.OrderQuoteAmount, "AMOUNT", "The value of one order in the quote asset (USDT). Default: 100.");
        KeepOpenOrders = Flag(SettingKeys.CancelOpenOrdersOnExit, "Leave open orders on the exchange at exit. Default: open orders are cancelled.");
        Journal = Text(SettingKeys.JournalPath, "FILE", "The order journal (SQLite) file. Default: a new file per run.");
        MetricsPort = Text(SettingKeys.MetricsPort, "PORT", "The loopback port of the Prometheus /metrics endpoint; 0 picks a free one. Default: 9464.");
        NoMetrics = Flag(SettingKeys.MetricsEnabled, "Do not serve /metrics. Default: served.");
        Dashboard = Text(SettingKeys.Dashboard, "auto|live|plain|off", "The dashboard: live (redrawn in place), plain (one key=value line per refresh), off; auto is live on a terminal, plain otherwise. Default: auto.");
        Refresh = Text(SettingKeys.RefreshInterval, "DURATION", "The dashboard refresh period, 50ms to 10s. Default: 250ms.");
        SimPort = Text(SettingKeys.SimPort, "PORT", "The loopback port of the embedded simulator (--exchange sim); 0 picks a free one. Default: 0.");
        RestUrl = Text(SettingKeys.RestAddress, "URL", "The exchange's REST address. Default: https://api.binance.com (binance), https://testnet.binance.vision (testnet), the embedded simulator's (sim; with --stream-url, a simulator already running there).");
        StreamUrl = Text(SettingKeys.StreamAddress, "URL", "The exchange's market-stream address. Default: wss://stream.binance.com:9443 (binance), wss://stream.testnet.binance.vision (testnet), the embedded simulator's (sim).");
    }

    public Option<bool> Check { get; }

    public Option<string> Config { get; }

    public Option<string> Exchange { get; }

    public Option<string> Symbols { get; }

    public Option<string> Strategy { get; }

    public Option<string[]> Params { get; }

    public Option<string> Bar { get; }

    public Option<string> Duration { get; }

    public Option<bool> Live { get; }

    public Option<string> OrderSize { get; }

    public Option<bool> KeepOpenOrders { get; }

    public Option<string> Journal { get; }

    public Option<string> MetricsPort { get; }

    public Option<bool> NoMetrics { get; }

    public Option<string> Dashboard { get; }

    public Option<string> Refresh { get; }

    public Option<string> SimPort { get; }

    public Option<string> RestUrl { get; }

    public Option<string> StreamUrl { get; }

    private IEnumerable<(Option Option, SettingKey? Key)> Mapped =>
    [
        (Check, null), (Config, null), (Exchange, SettingKeys.Exchange), (Symbols, SettingKeys.Symbols), (Strategy, SettingKeys.StrategyName),
        (Params, null), (Bar, SettingKeys.BarInterval), (Duration, SettingKeys.Duration), (Live, null),
        (OrderSize, SettingKeys.OrderQuoteAmount), (KeepOpenOrders, null), (Journal, SettingKeys.JournalPath),
        (MetricsPort, SettingKeys.MetricsPort), (NoMetrics, null), (Dashboard, SettingKeys.Dashboard),
        (Refresh, SettingKeys.RefreshInterval), (SimPort, SettingKeys.SimPort), (RestUrl, SettingKeys.RestAddress),
        (StreamUrl, SettingKeys.StreamAddress),
    ];

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var (option, _) in Mapped)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The configuration keys the options given on the command line set (the last layer), and the
    /// <c>--param</c> entries that are not <c>name=value</c>.</summary>
    public (Dictionary<string, string?> Keys, List<string> Errors) ToConfiguration(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        foreach (var (option, key) in Mapped)
        {
            if (key is not null && option is Option<string> text && result.GetResult(text) is { Implicit: false })
            {
                keys[key.Key] = result.GetValue(text);
            }
        }

        // Flags: an explicit "--live false" is honoured too.
        if (result.GetResult(Live) is { Implicit: false })
        {
            keys[SettingKeys.Live.Key] = Bool(result.GetValue(Live));
        }

        if (result.GetResult(KeepOpenOrders) is { Implicit: false })
        {
            keys[SettingKeys.CancelOpenOrdersOnExit.Key] = Bool(!result.GetValue(KeepOpenOrders));
        }

        if (result.GetResult(NoMetrics) is { Implicit: false })
        {
            keys[SettingKeys.MetricsEnabled.Key] = Bool(!result.GetValue(NoMetrics));
        }

        foreach (var parameter in result.GetValue(Params) ?? [])
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || parameter[..equals].Contains(':', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(parameter[..equals]))
            {
                errors.Add(SettingKeys.StrategyParameters.Invalid(parameter, "NAME=VALUE, such as fast=9"));
                continue;
            }

            keys[ConfigurationKey(parameter[..equals].Trim())] = parameter[(equals + 1)..].Trim();
        }

        return (keys, errors);
    }

    private static string ConfigurationKey(string parameter) => SettingKeys.StrategyParameters.Key + ":" + parameter;

    private static string Bool(bool value) => value ? "true" : "false";

    private static Option<string> Text(SettingKey key, string helpName, string description) =>
        Text(key.Option!, helpName, $"{description} [{key.Key}]");

    private static Option<string> Text(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    private static Option<bool> Flag(SettingKey key, string description) =>
        new(key.Option!) { Description = $"{description} [{key.Key}]" };
}

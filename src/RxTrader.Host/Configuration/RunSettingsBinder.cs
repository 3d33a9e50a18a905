using System.Globalization;
using Microsoft.Extensions.Configuration;
using RxTrader.Core;
using RxTrader.Strategies;

namespace RxTrader.Host.Configuration;

/// <summary>Turns the layered configuration into a validated <see cref="RunSettings"/>, or the list of what is wrong,
/// one line per problem, each naming the option, the key and the bad value (never a secret's value).</summary>
internal static class RunSettingsBinder
{
    private static readonly TimeSpan MinBar = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBar = TimeSpan.FromDays(1);
    private static readonly TimeSpan MinRefresh = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRefresh = TimeSpan.FromSeconds(10);

    // A CancellationTokenSource timer holds at most int.MaxValue milliseconds (24.8 days).
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(24);

    private static readonly Dictionary<string, string[]> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Exchange"] = ["Kind", "Live", "RestAddress", "StreamAddress"],
        ["Engine"] = ["Symbols", "BarInterval", "Duration", "OrderQuoteAmount", "CancelOpenOrdersOnExit", "JournalPath"],
        ["Strategy"] = ["Name", "Parameters"],
        ["Metrics"] = ["Enabled", "Port"],
        ["Dashboard"] = ["Mode", "RefreshInterval"],
        ["Simulator"] = ["Port"],
        [SettingKeys.Risk] = [.. RiskLimitsBinder.Keys],
        ["Binance"] = ["ApiKey", "ApiSecret"],
        [SettingKeys.ApiKeyVariable] = [],
        [SettingKeys.ApiSecretVariable] = [],
    };

    private static readonly string[] Sections = ["Exchange", "Engine", "Strategy", "Metrics", "Dashboard", "Simulator", SettingKeys.Risk];

    /// <summary>Binds and validates.</summary>
    /// <param name="settings">The layered settings.</param>
    /// <param name="secrets">User secrets and environment, read for the API key and secret only.</param>
    /// <param name="outputIsTerminal">Whether standard output is a terminal (resolves <see cref="DashboardMode.Auto"/>).</param>
    /// <returns>The settings, or <see langword="null"/> and at least one message.</returns>
    public static (RunSettings? Settings, IReadOnlyList<string> Errors) Bind(IConfiguration settings, IConfiguration secrets, bool outputIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(secrets);
        var errors = new List<string>();
        CheckKeys(settings, errors);

        var exchange = Enum(settings, SettingKeys.Exchange, ExchangeKind.Sim, "sim, binance or testnet", errors);
        var live = Bool(settings, SettingKeys.Live, false, errors);
        var symbols = Symbols(settings, errors);
        var bar = Duration(settings, SettingKeys.BarInterval, MinBar, MaxBar, errors) ?? MinBar;
        var duration = Duration(settings, SettingKeys.Duration, MinBar, MaxDuration, errors);
        var orderSize = Decimal(settings, SettingKeys.OrderQuoteAmount, 100m, errors);
        var cancelOnExit = Bool(settings, SettingKeys.CancelOpenOrdersOnExit, true, errors);
        var journal = Value(settings, SettingKeys.JournalPath);
        var metricsEnabled = Bool(settings, SettingKeys.MetricsEnabled, true, errors);
        var metricsPort = Port(settings, SettingKeys.MetricsPort, 9464, errors);
        var dashboard = Enum(settings, SettingKeys.Dashboard, DashboardMode.Auto, "auto, live, plain or off", errors);
        var refresh = Duration(settings, SettingKeys.RefreshInterval, MinRefresh, MaxRefresh, errors) ?? TimeSpan.FromMilliseconds(250);
        var simPort = Port(settings, SettingKeys.SimPort, 0, errors);
        var risk = RiskLimitsBinder.Bind(settings.GetSection(SettingKeys.Risk), errors);
        var rest = Address(settings, SettingKeys.RestAddress, "http", "https", errors);
        var stream = Address(settings, SettingKeys.StreamAddress, "ws", "wss", errors);
        var strategyName = Value(settings, SettingKeys.StrategyName) ?? "ema-cross";
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in settings.GetSection(SettingKeys.StrategyParameters.Key).GetChildren())
        {
            parameters[parameter.Key] = parameter.Value ?? string.Empty;
        }

        StrategySpec? strategy = null;
        if (!StrategyCatalog.TryResolve(strategyName, parameters, out strategy, out var strategyError))
        {
            var names = $"{SettingKeys.StrategyName.Display} / {SettingKeys.StrategyParameters.Display}";
            errors.Add($"invalid strategy '{strategyName}'{ParameterText(parameters)} for {names}: {strategyError?.ReplaceLineEndings(" ")}");
        }

        string? apiKey = null;
        string? apiSecret = null;
        if (exchange is ExchangeKind.Binance or ExchangeKind.Testnet)
        {
            // Binance without --live is paper trading on its public market data: no keys, no orders sent.
            if (exchange == ExchangeKind.Testnet || live)
            {
                apiKey = Secret(secrets, SettingKeys.ApiKeyVariable, SettingKeys.ApiKey, errors);
                apiSecret = Secret(secrets, SettingKeys.ApiSecretVariable, SettingKeys.ApiSecret, errors);
                if (apiKey is null || apiSecret is null)
                {
                    errors.Add($"--exchange {Name(exchange)}{(live ? " --live" : string.Empty)} needs an API key and secret: set the environment variables RXTRADER_API_KEY and RXTRADER_API_SECRET, "
                        + "or the user secrets Binance:ApiKey and Binance:ApiSecret (dotnet user-secrets set Binance:ApiKey <key> --project src/RxTrader.Host). "
                        + (exchange == ExchangeKind.Binance ? "Without --live, --exchange binance paper-trades on public market data and needs no keys." : string.Empty));
                }
            }

            rest ??= exchange == ExchangeKind.Binance ? RunSettings.BinanceRestAddress : RunSettings.TestnetRestAddress;
            stream ??= exchange == ExchangeKind.Binance ? RunSettings.BinanceStreamAddress : RunSettings.TestnetStreamAddress;
        }
        else if ((rest is null) != (stream is null))
        {
            errors.Add($"{SettingKeys.RestAddress.Display} and {SettingKeys.StreamAddress.Display} go together with --exchange sim: "
                + "give both to use a simulator already running (rxtrader sim), or neither for the embedded one.");
        }

        if (errors.Count != 0 || strategy is null)
        {
            return (null, errors);
        }

        return (new RunSettings
        {
            Exchange = exchange,
            Live = live,
            Symbols = symbols,
            StrategyName = strategy.Name,
            StrategyParameters = parameters,
            Strategy = strategy,
            BarInterval = bar,
            Duration = duration,
            ApiKey = apiKey,
            ApiSecret = apiSecret,
            OrderQuoteAmount = orderSize,
            CancelOpenOrdersOnExit = cancelOnExit,
            JournalPath = journal,
            MetricsEnabled = metricsEnabled,
            MetricsPort = metricsPort,
            Dashboard = dashboard == DashboardMode.Auto ? (outputIsTerminal ? DashboardMode.Live : DashboardMode.Plain) : dashboard,
            RefreshInterval = refresh,
            SimPort = simPort,
            Risk = risk,
            RestAddress = rest,
            StreamAddress = stream,
        }, errors);
    }

    /// <summary>The lower-case name of an exchange, as <c>--exchange</c> takes it.</summary>
    public static string Name(ExchangeKind exchange) => exchange.ToString().ToLowerInvariant();

    // A typo in a file or a variable would otherwise be silently ignored.
    private static void CheckKeys(IConfiguration settings, List<string> errors)
    {
        foreach (var section in settings.GetChildren())
        {
            if (!KnownKeys.TryGetValue(section.Key, out var children))
            {
                errors.Add($"unknown setting '{section.Path}': the sections are {string.Join(", ", Sections)}.");
                continue;
            }

            foreach (var child in section.GetChildren())
            {
                if (!children.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add($"unknown setting '{child.Path}': the keys of {section.Key} are {string.Join(", ", children)}.");
                }
            }
        }
    }

    private static string? Value(IConfiguration settings, SettingKey key) =>
        settings[key.Key] is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static T Enum<T>(IConfiguration settings, SettingKey key, T fallback, string expected, List<string> errors)
        where T : struct, Enum
    {
        if (Value(settings, key) is not { } text)
        {
            return fallback;
        }

        if (!char.IsAsciiDigit(text[0]) && text[0] != '-' && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        errors.Add(key.Invalid(text, expected));
        return fallback;
    }

    private static bool Bool(IConfiguration settings, SettingKey key, bool fallback, List<string> errors)
    {
        if (Value(settings, key) is not { } text)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(key.Invalid(text, "true or false"));
        return fallback;
    }

    private static decimal Decimal(IConfiguration settings, SettingKey key, decimal fallback, List<string> errors)
    {
        if (Value(settings, key) is not { } text)
        {
            return fallback;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value > 0m)
        {
            return value;
        }

        errors.Add(key.Invalid(text, "an amount of the quote asset above 0, such as 100 or 25.5"));
        return fallback;
    }

    private static int Port(IConfiguration settings, SettingKey key, int fallback, List<string> errors)
    {
        if (Value(settings, key) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 65535)
        {
            return value;
        }

        errors.Add(key.Invalid(text, "a TCP port from 0 to 65535 (0 picks a free one)"));
        return fallback;
    }

    private static TimeSpan? Duration(IConfiguration settings, SettingKey key, TimeSpan min, TimeSpan max, List<string> errors)
    {
        if (Value(settings, key) is not { } text)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(key.Invalid(text, $"{DurationText.Forms}, from {DurationText.Format(min)} to {DurationText.Format(max)}"));
        return null;
    }

    private static Uri? Address(IConfiguration settings, SettingKey key, string scheme, string secureScheme, List<string> errors)
    {
        if (Value(settings, key) is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == scheme || uri.Scheme == secureScheme))
        {
            return uri;
        }

        errors.Add(key.Invalid(text, $"an absolute {scheme}:// or {secureScheme}:// address"));
        return null;
    }

    private static IReadOnlyList<Symbol> Symbols(IConfiguration settings, List<string> errors)
    {
        // One comma-separated string: arrays from different layers would merge index by index.
        if (settings.GetSection(SettingKeys.Symbols.Key).GetChildren().Any())
        {
            errors.Add($"invalid value for {SettingKeys.Symbols.Display}: expected one comma-separated string such as \"BTCUSDT,ETHUSDT\", not a list.");
            return RunSettings.DefaultSymbols;
        }

        if (Value(settings, SettingKeys.Symbols) is not { } text)
        {
            return RunSettings.DefaultSymbols;
        }

        if (SymbolList.TryParse(SymbolList.Split(text), out var symbols, out var problem))
        {
            return symbols;
        }

        errors.Add(SettingKeys.Symbols.Invalid(text, problem!));
        return RunSettings.DefaultSymbols;
    }

    private static string? Secret(IConfiguration secrets, string variable, string key, List<string> errors)
    {
        var value = secrets[variable] is { Length: > 0 } fromVariable ? fromVariable : secrets[key];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var c in value)
        {
            if (c is <= ' ' or > '~')
            {
                // Never the value itself: only that it is malformed.
                errors.Add($"the API {(key == SettingKeys.ApiKey ? "key" : "secret")} (RXTRADER_{variable} / {key}) holds spaces or characters other than printable ASCII.");
                return null;
            }
        }

        return value;
    }

    private static string ParameterText(Dictionary<string, string> parameters) =>
        parameters.Count == 0 ? string.Empty : " with " + string.Join(' ', parameters.Select(static p => p.Key + "=" + p.Value));
}

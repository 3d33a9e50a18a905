namespace RxTrader.Host.Configuration;

/// <summary>Every key of the <c>run</c> verb's configuration and the option that sets it: one table for the binder,
/// the command line and the messages.</summary>
internal static class SettingKeys
{
    public static readonly SettingKey Exchange = new("Exchange:Kind", "--exchange");
    public static readonly SettingKey Live = new("Exchange:Live", "--live");
    public static readonly SettingKey RestAddress = new("Exchange:RestAddress", "--rest-url");
    public static readonly SettingKey StreamAddress = new("Exchange:StreamAddress", "--stream-url");
    public static readonly SettingKey Symbols = new("Engine:Symbols", "--symbols");
    public static readonly SettingKey BarInterval = new("Engine:BarInterval", "--bar");
    public static readonly SettingKey Duration = new("Engine:Duration", "--duration");
    public static readonly SettingKey OrderQuoteAmount = new("Engine:OrderQuoteAmount", "--order-size");
    public static readonly SettingKey CancelOpenOrdersOnExit = new("Engine:CancelOpenOrdersOnExit", "--keep-open-orders");
    public static readonly SettingKey JournalPath = new("Engine:JournalPath", "--journal");
    public static readonly SettingKey StrategyName = new("Strategy:Name", "--strategy");
    public static readonly SettingKey StrategyParameters = new("Strategy:Parameters", "--param");
    public static readonly SettingKey MetricsEnabled = new("Metrics:Enabled", "--no-metrics");
    public static readonly SettingKey MetricsPort = new("Metrics:Port", "--metrics-port");
    public static readonly SettingKey Dashboard = new("Dashboard:Mode", "--dashboard");
    public static readonly SettingKey RefreshInterval = new("Dashboard:RefreshInterval", "--refresh");
    public static readonly SettingKey SimPort = new("Simulator:Port", "--sim-port");

    /// <summary>The risk section; its keys are <see cref="RiskLimitsBinder.Keys"/>.</summary>
    public const string Risk = "Risk";

    /// <summary>The API key in user secrets (and <c>RXTRADER_Binance__ApiKey</c>).</summary>
    public const string ApiKey = "Binance:ApiKey";

    /// <summary>The API secret in user secrets (and <c>RXTRADER_Binance__ApiSecret</c>).</summary>
    public const string ApiSecret = "Binance:ApiSecret";

    /// <summary>The API key as <c>RXTRADER_API_KEY</c> (the prefix stripped).</summary>
    public const string ApiKeyVariable = "API_KEY";

    /// <summary>The API secret as <c>RXTRADER_API_SECRET</c> (the prefix stripped).</summary>
    public const string ApiSecretVariable = "API_SECRET";

    /// <summary>The environment-variable prefix.</summary>
    public const string EnvironmentPrefix = "RXTRADER_";

    /// <summary>Every single-valued key.</summary>
    public static IReadOnlyList<SettingKey> All { get; } =
    [
        Exchange, Live, RestAddress, StreamAddress, Symbols, BarInterval, Duration, OrderQuoteAmount, CancelOpenOrdersOnExit,
        JournalPath, StrategyName, StrategyParameters, MetricsEnabled, MetricsPort, Dashboard, RefreshInterval, SimPort,
    ];
}

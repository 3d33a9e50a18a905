using System.Globalization;
using System.Text;
using RxTrader.Core;
using RxTrader.Strategies;
using RxTrader.Trading.Risk;

namespace RxTrader.Host.Configuration;

/// <summary>
/// Everything the <c>run</c> verb starts the engine with: validated and immutable. Built by
/// <see cref="RunSettingsBinder"/> from appsettings.json, <c>--config</c>, <c>RXTRADER_</c> environment variables and
/// the command line (later sources win); the configuration key of each member is in its documentation.
/// </summary>
/// <remarks><see cref="ToString"/> never shows <see cref="ApiKey"/> or <see cref="ApiSecret"/>.</remarks>
public sealed class RunSettings
{
    /// <summary>The Binance spot REST base address.</summary>
    public static readonly Uri BinanceRestAddress = new("https://api.binance.com");

    /// <summary>The Binance spot market-stream base address.</summary>
    public static readonly Uri BinanceStreamAddress = new("wss://stream.binance.com:9443");

    /// <summary>The Binance spot test network REST base address.</summary>
    public static readonly Uri TestnetRestAddress = new("https://testnet.binance.vision");

    /// <summary>The Binance spot test network market-stream base address.</summary>
    public static readonly Uri TestnetStreamAddress = new("wss://stream.testnet.binance.vision");

    /// <summary>The symbols traded when none are configured.</summary>
    public static IReadOnlyList<Symbol> DefaultSymbols { get; } = [new("BTCUSDT"), new("ETHUSDT"), new("BNBUSDT")];

    /// <summary>Where market data comes from and orders go (<c>--exchange</c>, <c>Exchange:Kind</c>).</summary>
    /// <value>Default <see cref="ExchangeKind.Sim"/>.</value>
    public ExchangeKind Exchange { get; init; } = ExchangeKind.Sim;

    /// <summary>The traded symbols, upper case, distinct, 1 to 1000 (<c>--symbols</c>, <c>Engine:Symbols</c>).</summary>
    /// <value>Default <see cref="DefaultSymbols"/>: BTCUSDT, ETHUSDT, BNBUSDT.</value>
    public IReadOnlyList<Symbol> Symbols { get; init; } = DefaultSymbols;

    /// <summary>The catalog name of the strategy (<c>--strategy</c>, <c>Strategy:Name</c>).</summary>
    /// <value>Default <c>ema-cross</c>.</value>
    public string StrategyName { get; init; } = "ema-cross";

    /// <summary>The strategy's parameters as given (<c>--param name=value</c>, <c>Strategy:Parameters:name</c>).</summary>
    /// <value>Default empty: the strategy's defaults.</value>
    public IReadOnlyDictionary<string, string> StrategyParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The strategy resolved by the catalog from <see cref="StrategyName"/> and <see cref="StrategyParameters"/>.</summary>
    public required StrategySpec Strategy { get; init; }

    /// <summary>The bar interval the strategy sees, 1 s to 1 d (<c>--bar</c>, <c>Engine:BarInterval</c>).</summary>
    /// <value>Default 1 s.</value>
    public TimeSpan BarInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to run; <see langword="null"/> runs until Ctrl+C or SIGTERM (<c>--duration</c>, <c>Engine:Duration</c>).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public TimeSpan? Duration { get; init; }

    /// <summary>Whether real orders may be sent to Binance (<c>--live</c>, <c>Exchange:Live</c>). Required with
    /// <see cref="ExchangeKind.Binance"/>; ignored otherwise.</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool Live { get; init; }

    /// <summary>The Binance API key: only from the environment (<c>RXTRADER_API_KEY</c>) or user secrets
    /// (<c>Binance:ApiKey</c>), never from the command line or a file. Set for Binance and Testnet;
    /// <see langword="null"/> for the simulator (which uses its demo key).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The Binance API secret: only from the environment (<c>RXTRADER_API_SECRET</c>) or user secrets
    /// (<c>Binance:ApiSecret</c>). Set for Binance and Testnet; <see langword="null"/> for the simulator.</summary>
    public string? ApiSecret { get; init; }

    /// <summary>The value of one order in the quote asset, above 0 (<c>--order-size</c>, <c>Engine:OrderQuoteAmount</c>).</summary>
    /// <value>Default 100.</value>
    public decimal OrderQuoteAmount { get; init; } = 100m;

    /// <summary>Whether open orders are cancelled on shutdown (<c>--keep-open-orders</c> clears it,
    /// <c>Engine:CancelOpenOrdersOnExit</c>).</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool CancelOpenOrdersOnExit { get; init; } = true;

    /// <summary>The order journal file; <see langword="null"/> lets the engine pick a per-run file
    /// (<c>--journal</c>, <c>Engine:JournalPath</c>).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? JournalPath { get; init; }

    /// <summary>Whether Prometheus metrics are served (<c>--no-metrics</c> clears it, <c>Metrics:Enabled</c>).</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool MetricsEnabled { get; init; } = true;

    /// <summary>The loopback port of <c>/metrics</c>, 0 for any free port (<c>--metrics-port</c>, <c>Metrics:Port</c>).</summary>
    /// <value>Default 9464.</value>
    public int MetricsPort { get; init; } = 9464;

    /// <summary>How the engine's state is shown (<c>--dashboard</c>, <c>Dashboard:Mode</c>). The binder resolves
    /// <see cref="DashboardMode.Auto"/>, so a bound value is <see cref="DashboardMode.Live"/>,
    /// <see cref="DashboardMode.Plain"/> or <see cref="DashboardMode.Off"/>.</summary>
    /// <value>Default <see cref="DashboardMode.Auto"/>.</value>
    public DashboardMode Dashboard { get; init; } = DashboardMode.Auto;

    /// <summary>The dashboard refresh period, 50 ms to 10 s (<c>--refresh</c>, <c>Dashboard:RefreshInterval</c>).</summary>
    /// <value>Default 250 ms.</value>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The loopback port of the embedded simulator, 0 for any free port (<c>--sim-port</c>, <c>Simulator:Port</c>).</summary>
    /// <value>Default 0.</value>
    public int SimPort { get; init; }

    /// <summary>The risk gate's limits (configuration section <c>Risk</c>).</summary>
    /// <value>Default every limit off.</value>
    public RiskLimits Risk { get; init; } = new();

    /// <summary>The exchange's REST base address (<c>--rest-url</c>, <c>Exchange:RestAddress</c>). Defaults per exchange:
    /// <see cref="BinanceRestAddress"/>, <see cref="TestnetRestAddress"/>; <see langword="null"/> for
    /// <see cref="ExchangeKind.Sim"/> means the embedded simulator's, a value means a simulator already running there.</summary>
    public Uri? RestAddress { get; init; }

    /// <summary>The exchange's market-stream base address (<c>--stream-url</c>, <c>Exchange:StreamAddress</c>). Defaults
    /// per exchange like <see cref="RestAddress"/>.</summary>
    public Uri? StreamAddress { get; init; }

    /// <summary>Every setting as <c>name=value</c> on one line; the API key and secret show only whether they are set.</summary>
    /// <returns>The settings, secrets redacted.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Exchange={Exchange} Live={Live} RestAddress={RestAddress?.ToString() ?? "(simulator)"} StreamAddress={StreamAddress?.ToString() ?? "(simulator)"}");
        text.Append(CultureInfo.InvariantCulture, $" ApiKey={Redacted(ApiKey)} ApiSecret={Redacted(ApiSecret)}");
        text.Append(CultureInfo.InvariantCulture, $" Symbols={string.Join(',', Symbols)} Strategy={Strategy} BarInterval={DurationText.Format(BarInterval)}");
        text.Append(CultureInfo.InvariantCulture, $" Duration={(Duration is { } d ? DurationText.Format(d) : "unlimited")} OrderQuoteAmount={OrderQuoteAmount}");
        text.Append(CultureInfo.InvariantCulture, $" CancelOpenOrdersOnExit={CancelOpenOrdersOnExit} JournalPath={JournalPath ?? "(per run)"}");
        text.Append(CultureInfo.InvariantCulture, $" MetricsEnabled={MetricsEnabled} MetricsPort={MetricsPort} Dashboard={Dashboard}");
        text.Append(CultureInfo.InvariantCulture, $" RefreshInterval={DurationText.Format(RefreshInterval)} SimPort={SimPort} Risk={RiskText(Risk)}");
        return text.ToString();
    }

    private static string Redacted(string? secret) => secret is null ? "(none)" : "(set)";

    // Only the limits that are on; RiskLimits' own ToString shows collection type names.
    private static string RiskText(RiskLimits risk)
    {
        var parts = new List<string>();
        Add(parts, nameof(RiskLimits.MaxPosition), risk.MaxPosition);
        Add(parts, nameof(RiskLimits.MaxOrderNotional), risk.MaxOrderNotional);
        Add(parts, nameof(RiskLimits.MaxOpenNotional), risk.MaxOpenNotional);
        Add(parts, nameof(RiskLimits.MaxOpenOrders), risk.MaxOpenOrders);
        Add(parts, nameof(RiskLimits.MaxOpenOrdersPerSymbol), risk.MaxOpenOrdersPerSymbol);
        Add(parts, nameof(RiskLimits.MaxOrdersPerSecond), risk.MaxOrdersPerSecond);
        Add(parts, nameof(RiskLimits.MaxDrawdown), risk.MaxDrawdown);
        Add(parts, nameof(RiskLimits.MaxDailyLoss), risk.MaxDailyLoss);
        foreach (var (symbol, limit) in risk.MaxPositionBySymbol)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"MaxPosition[{symbol}]={limit}"));
        }

        if (risk.MaxDrawdown is not null || risk.MaxDailyLoss is not null)
        {
            parts.Add($"KillSwitchMode={risk.KillSwitchMode} ResumeOnNewDay={risk.ResumeOnNewDay}");
        }

        return parts.Count == 0 ? "(no limits)" : "{" + string.Join(' ', parts) + "}";
    }

    private static void Add<T>(List<string> parts, string name, T? value)
        where T : struct, IFormattable
    {
        if (value is { } v)
        {
            parts.Add(name + "=" + v.ToString(null, CultureInfo.InvariantCulture));
        }
    }
}

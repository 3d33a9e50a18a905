using Microsoft.Extensions.Configuration;
using RxTrader.Core;
using RxTrader.Host.Configuration;
using RxTrader.Trading.Risk;

namespace RxTrader.Host.Tests.Configuration;

public sealed class RunSettingsBinderTests
{
    private const string Key = "kAbCdEfGhIjKlMnOpQrStUvWxYz0123456789kAbCdEfGhIjKlMnOpQrStUvWxYz";
    private const string Secret = "sAbCdEfGhIjKlMnOpQrStUvWxYz0123456789sAbCdEfGhIjKlMnOpQrStUvWxYz";

    [Fact]
    public void Bind_Nothing_Defaults()
    {
        var (settings, errors) = Bind();

        errors.ShouldBeEmpty();
        settings.ShouldNotBeNull();
        settings.Exchange.ShouldBe(ExchangeKind.Sim);
        settings.Symbols.ShouldBe([new Symbol("BTCUSDT"), new Symbol("ETHUSDT"), new Symbol("BNBUSDT")]);
        settings.StrategyName.ShouldBe("ema-cross");
        settings.StrategyParameters.ShouldBeEmpty();
        settings.Strategy.ShouldNotBeNull();
        settings.BarInterval.ShouldBe(TimeSpan.FromSeconds(1));
        settings.Duration.ShouldBeNull();
        settings.Live.ShouldBeFalse();
        settings.ApiKey.ShouldBeNull();
        settings.ApiSecret.ShouldBeNull();
        settings.OrderQuoteAmount.ShouldBe(100m);
        settings.CancelOpenOrdersOnExit.ShouldBeTrue();
        settings.JournalPath.ShouldBeNull();
        settings.MetricsEnabled.ShouldBeTrue();
        settings.MetricsPort.ShouldBe(9464);
        settings.Dashboard.ShouldBe(DashboardMode.Plain);
        settings.RefreshInterval.ShouldBe(TimeSpan.FromMilliseconds(250));
        settings.SimPort.ShouldBe(0);
        settings.ToString().ShouldContain("Risk=(no limits)");
        settings.RestAddress.ShouldBeNull();
        settings.StreamAddress.ShouldBeNull();
    }

    [Fact]
    public void Bind_ShippedAppSettings_SameAsDefaults()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        File.Exists(file).ShouldBeTrue();
        var settings = new ConfigurationBuilder().AddJsonFile(file).Build();

        var (bound, errors) = RunSettingsBinder.Bind(settings, Empty(), outputIsTerminal: false);

        errors.ShouldBeEmpty();
        bound!.ToString().ShouldBe(Bind().Settings!.ToString());
    }

    [Fact]
    public void Bind_EveryKey_Bound()
    {
        var (settings, errors) = Bind(new()
        {
            ["Exchange:Kind"] = "TESTNET",
            ["Exchange:RestAddress"] = "http://127.0.0.1:5000",
            ["Exchange:StreamAddress"] = "ws://127.0.0.1:5000",
            ["Engine:Symbols"] = "solusdt, btcusdt",
            ["Engine:BarInterval"] = "5m",
            ["Engine:Duration"] = "30s",
            ["Engine:OrderQuoteAmount"] = "25.5",
            ["Engine:CancelOpenOrdersOnExit"] = "false",
            ["Engine:JournalPath"] = "/tmp/j.db",
            ["Strategy:Name"] = "rsi-reversion",
            ["Strategy:Parameters:period"] = "14",
            ["Metrics:Enabled"] = "false",
            ["Metrics:Port"] = "0",
            ["Dashboard:Mode"] = "off",
            ["Dashboard:RefreshInterval"] = "1s",
            ["Simulator:Port"] = "8080",
        }, Keys());

        errors.ShouldBeEmpty();
        settings!.Exchange.ShouldBe(ExchangeKind.Testnet);
        settings.RestAddress.ShouldBe(new Uri("http://127.0.0.1:5000"));
        settings.StreamAddress.ShouldBe(new Uri("ws://127.0.0.1:5000"));
        settings.Symbols.ShouldBe([new Symbol("SOLUSDT"), new Symbol("BTCUSDT")]);
        settings.BarInterval.ShouldBe(TimeSpan.FromMinutes(5));
        settings.Duration.ShouldBe(TimeSpan.FromSeconds(30));
        settings.OrderQuoteAmount.ShouldBe(25.5m);
        settings.CancelOpenOrdersOnExit.ShouldBeFalse();
        settings.JournalPath.ShouldBe("/tmp/j.db");
        settings.StrategyName.ShouldBe("rsi-reversion");
        settings.StrategyParameters["period"].ShouldBe("14");
        settings.MetricsEnabled.ShouldBeFalse();
        settings.MetricsPort.ShouldBe(0);
        settings.Dashboard.ShouldBe(DashboardMode.Off);
        settings.RefreshInterval.ShouldBe(TimeSpan.FromSeconds(1));
        settings.SimPort.ShouldBe(8080);
        settings.ApiKey.ShouldBe(Key);
        settings.ApiSecret.ShouldBe(Secret);
    }

    [Theory]
    [InlineData(true, DashboardMode.Live)]
    [InlineData(false, DashboardMode.Plain)]
    public void Bind_AutoDashboard_ResolvedByTerminal(bool terminal, DashboardMode expected) =>
        Bind(terminal: terminal).Settings!.Dashboard.ShouldBe(expected);

    [Theory]
    [InlineData("Exchange:Kind", "kraken", "--exchange (Exchange:Kind)")]
    [InlineData("Exchange:Kind", "1", "--exchange (Exchange:Kind)")]
    [InlineData("Exchange:Live", "yes", "--live (Exchange:Live)")]
    [InlineData("Engine:Symbols", "btc-usdt", "--symbols (Engine:Symbols)")]
    [InlineData("Engine:Symbols", "btcusdt,btcusdt", "--symbols (Engine:Symbols)")]
    [InlineData("Engine:Symbols", "btcusdt,,ethusdt", "--symbols (Engine:Symbols)")]
    [InlineData("Engine:Symbols", "ABCDEFGHIJKLMNOPQRSTU", "--symbols (Engine:Symbols)")]
    [InlineData("Engine:Symbols", "bitcöin", "--symbols (Engine:Symbols)")]
    [InlineData("Engine:BarInterval", "7x", "--bar (Engine:BarInterval)")]
    [InlineData("Engine:BarInterval", "500ms", "--bar (Engine:BarInterval)")]
    [InlineData("Engine:BarInterval", "2d", "--bar (Engine:BarInterval)")]
    [InlineData("Engine:Duration", "soon", "--duration (Engine:Duration)")]
    [InlineData("Engine:Duration", "100d", "--duration (Engine:Duration)")]
    [InlineData("Engine:OrderQuoteAmount", "0", "--order-size (Engine:OrderQuoteAmount)")]
    [InlineData("Engine:OrderQuoteAmount", "-5", "--order-size (Engine:OrderQuoteAmount)")]
    [InlineData("Engine:OrderQuoteAmount", "1,5", "--order-size (Engine:OrderQuoteAmount)")]
    [InlineData("Engine:CancelOpenOrdersOnExit", "maybe", "--keep-open-orders (Engine:CancelOpenOrdersOnExit)")]
    [InlineData("Metrics:Enabled", "on", "--no-metrics (Metrics:Enabled)")]
    [InlineData("Metrics:Port", "65536", "--metrics-port (Metrics:Port)")]
    [InlineData("Metrics:Port", "-1", "--metrics-port (Metrics:Port)")]
    [InlineData("Dashboard:Mode", "fancy", "--dashboard (Dashboard:Mode)")]
    [InlineData("Dashboard:RefreshInterval", "10ms", "--refresh (Dashboard:RefreshInterval)")]
    [InlineData("Dashboard:RefreshInterval", "11s", "--refresh (Dashboard:RefreshInterval)")]
    [InlineData("Simulator:Port", "http", "--sim-port (Simulator:Port)")]
    [InlineData("Exchange:RestAddress", "ftp://host", "--rest-url (Exchange:RestAddress)")]
    [InlineData("Exchange:StreamAddress", "http://host", "--stream-url (Exchange:StreamAddress)")]
    public void Bind_BadValue_MessageNamesOptionKeyAndValue(string key, string value, string names)
    {
        var (settings, errors) = Bind(new() { [key] = value });

        settings.ShouldBeNull();
        var message = errors.ShouldHaveSingleItem();
        message.ShouldContain(names);
        message.ShouldContain($"'{value}'");
    }

    [Fact]
    public void Bind_ThousandSymbols_Accepted()
    {
        var symbols = string.Join(',', Enumerable.Range(0, 1000).Select(static i => $"S{i}USDT"));

        Bind(new() { ["Engine:Symbols"] = symbols }).Settings!.Symbols.Count.ShouldBe(1000);
    }

    [Fact]
    public void Bind_MoreThanThousandSymbols_Refused()
    {
        var symbols = string.Join(',', Enumerable.Range(0, 1001).Select(static i => $"S{i}USDT"));

        Bind(new() { ["Engine:Symbols"] = symbols }).Errors.ShouldHaveSingleItem().ShouldContain("at most 1000");
    }

    [Fact]
    public void Bind_SymbolsAsList_RefusedWithTheStringForm()
    {
        var (_, errors) = Bind(new() { ["Engine:Symbols:0"] = "BTCUSDT" });

        errors.ShouldHaveSingleItem().ShouldContain("comma-separated string");
    }

    [Fact]
    public void Bind_UnknownStrategy_MessageFromCatalog()
    {
        var (settings, errors) = Bind(new() { ["Strategy:Name"] = "moon" });

        settings.ShouldBeNull();
        var message = errors.ShouldHaveSingleItem();
        message.ShouldContain("'moon'");
        message.ShouldContain("--strategy (Strategy:Name)");
        message.ShouldContain("ema-cross");
    }

    [Fact]
    public void Bind_BadParameter_MessageNamesParameter()
    {
        var (_, errors) = Bind(new() { ["Strategy:Parameters:fast"] = "abc" });

        var message = errors.ShouldHaveSingleItem();
        message.ShouldContain("fast=abc");
        message.ShouldContain("--param");
    }

    [Theory]
    [InlineData("Engin:Symbols")]
    [InlineData("Engine:Symbol")]
    [InlineData("Risk:MaxPositon")]
    public void Bind_UnknownKey_Refused(string key) =>
        Bind(new() { [key] = "1" }).Errors.ShouldHaveSingleItem().ShouldContain($"unknown setting '{key.Split(':')[0]}");

    [Fact]
    public void Bind_BinanceWithoutLive_IsPaperTradingAndNeedsNoKeys()
    {
        var (settings, errors) = Bind(new() { ["Exchange:Kind"] = "binance" });

        errors.ShouldBeEmpty();
        settings.ShouldNotBeNull().Live.ShouldBeFalse();
        settings.ApiKey.ShouldBeNull();
        settings.RestAddress.ShouldBe(RunSettings.BinanceRestAddress);
        settings.StreamAddress.ShouldBe(RunSettings.BinanceStreamAddress);
    }

    [Fact]
    public void Bind_BinanceLiveWithoutKeys_RefusedNamingTheVariablesAndThePaperWayOut()
    {
        var (settings, errors) = Bind(new() { ["Exchange:Kind"] = "binance", ["Exchange:Live"] = "true" });

        settings.ShouldBeNull();
        var message = errors.ShouldHaveSingleItem();
        message.ShouldContain("RXTRADER_API_KEY");
        message.ShouldContain("Without --live");
    }

    [Fact]
    public void Bind_BinanceLive_DefaultAddresses()
    {
        var settings = Bind(new() { ["Exchange:Kind"] = "binance", ["Exchange:Live"] = "true" }, Keys()).Settings!;

        settings.Live.ShouldBeTrue();
        settings.RestAddress.ShouldBe(new Uri("https://api.binance.com"));
        settings.StreamAddress.ShouldBe(new Uri("wss://stream.binance.com:9443"));
    }

    [Fact]
    public void Bind_Testnet_DefaultAddresses()
    {
        var settings = Bind(new() { ["Exchange:Kind"] = "testnet" }, Keys()).Settings!;

        settings.RestAddress.ShouldBe(new Uri("https://testnet.binance.vision"));
        settings.StreamAddress.ShouldBe(new Uri("wss://stream.testnet.binance.vision"));
    }

    [Theory]
    [InlineData("testnet")]
    [InlineData("binance")]
    public void Bind_ExchangeWithoutKeys_RefusedNamingWhereKeysComeFrom(string exchange)
    {
        var (_, errors) = Bind(new() { ["Exchange:Kind"] = exchange, ["Exchange:Live"] = "true" });

        var message = errors.ShouldHaveSingleItem();
        message.ShouldContain("RXTRADER_API_KEY");
        message.ShouldContain("Binance:ApiKey");
    }

    [Fact]
    public void Bind_KeyOnlyWithoutSecret_Refused() =>
        Bind(new() { ["Exchange:Kind"] = "testnet" }, new() { ["API_KEY"] = Key }).Errors.ShouldHaveSingleItem().ShouldContain("RXTRADER_API_SECRET");

    [Fact]
    public void Bind_UserSecretKeys_Used()
    {
        var settings = Bind(new() { ["Exchange:Kind"] = "testnet" }, new() { ["Binance:ApiKey"] = Key, ["Binance:ApiSecret"] = Secret }).Settings!;

        settings.ApiKey.ShouldBe(Key);
        settings.ApiSecret.ShouldBe(Secret);
    }

    [Fact]
    public void Bind_EnvironmentVariableKey_WinsOverUserSecret() =>
        Bind(new() { ["Exchange:Kind"] = "testnet" }, new() { ["Binance:ApiKey"] = "fromusersecrets", ["API_KEY"] = Key, ["API_SECRET"] = Secret })
            .Settings!.ApiKey.ShouldBe(Key);

    [Fact]
    public void Bind_Sim_IgnoresKeys() => Bind(secrets: Keys()).Settings!.ApiKey.ShouldBeNull();

    [Fact]
    public void Bind_MalformedKey_MessageWithoutTheValue()
    {
        var badKey = "has space" + Key;

        var (_, errors) = Bind(new() { ["Exchange:Kind"] = "testnet" }, new() { ["API_KEY"] = badKey, ["API_SECRET"] = Secret });

        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(e => !e.Contains(badKey, StringComparison.Ordinal) && !e.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_SimWithOnlyOneAddress_Refused() =>
        Bind(new() { ["Exchange:RestAddress"] = "http://127.0.0.1:1" }).Errors.ShouldHaveSingleItem().ShouldContain("--stream-url");

    [Fact]
    public void Bind_SeveralProblems_OneMessageEach() =>
        Bind(new() { ["Engine:BarInterval"] = "x", ["Metrics:Port"] = "y", ["Dashboard:Mode"] = "z" }).Errors.Count.ShouldBe(3);

    [Fact]
    public void Bind_Risk_EveryLimitBound()
    {
        var risk = Bind(new()
        {
            ["Risk:MaxPosition"] = "2",
            ["Risk:MaxPositionBySymbol:btcusdt"] = "0.5",
            ["Risk:MaxOrderNotional"] = "1000",
            ["Risk:MaxOpenNotional"] = "5000",
            ["Risk:MaxOpenOrders"] = "10",
            ["Risk:MaxOpenOrdersPerSymbol"] = "3",
            ["Risk:MaxOrdersPerSecond"] = "5",
            ["Risk:MaxDrawdown"] = "0.1",
            ["Risk:MaxDailyLoss"] = "250",
            ["Risk:KillSwitchMode"] = "reducing",
            ["Risk:ResumeOnNewDay"] = "true",
        }).Settings!.Risk;

        risk.MaxPosition.ShouldBe(2m);
        risk.MaxPositionOf(new Symbol("BTCUSDT")).ShouldBe(0.5m);
        risk.MaxOrderNotional.ShouldBe(1000m);
        risk.MaxOpenNotional.ShouldBe(5000m);
        risk.MaxOpenOrders.ShouldBe(10);
        risk.MaxOpenOrdersPerSymbol.ShouldBe(3);
        risk.MaxOrdersPerSecond.ShouldBe(5);
        risk.MaxDrawdown.ShouldBe(0.1m);
        risk.MaxDailyLoss.ShouldBe(250m);
        risk.KillSwitchMode.ShouldBe(TradingMode.Reducing);
        risk.ResumeOnNewDay.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Risk:MaxPosition", "-1")]
    [InlineData("Risk:MaxDrawdown", "2")]
    [InlineData("Risk:MaxDrawdown", "0")]
    [InlineData("Risk:MaxOrdersPerSecond", "0")]
    [InlineData("Risk:MaxOpenOrders", "1.5")]
    [InlineData("Risk:KillSwitchMode", "Active")]
    [InlineData("Risk:ResumeOnNewDay", "sometimes")]
    [InlineData("Risk:MaxPositionBySymbol:BTCUSDT", "-3")]
    public void Bind_BadRiskLimit_MessageNamesKeyAndValue(string key, string value)
    {
        var message = Bind(new() { [key] = value }).Errors.ShouldHaveSingleItem();

        message.ShouldContain(key);
        message.ShouldContain($"'{value}'");
    }

    [Fact]
    public void ToString_SecretsSet_NeverShowsThem()
    {
        var settings = Bind(new() { ["Exchange:Kind"] = "testnet" }, Keys()).Settings!;

        var text = settings.ToString();

        text.ShouldNotContain(Key);
        text.ShouldNotContain(Secret);
        text.ShouldContain("ApiKey=(set)");
        text.ShouldContain("ApiSecret=(set)");
    }

    internal static IConfiguration Empty() => new ConfigurationBuilder().Build();

    private static Dictionary<string, string?> Keys() => new() { ["API_KEY"] = Key, ["API_SECRET"] = Secret };

    private static (RunSettings? Settings, IReadOnlyList<string> Errors) Bind(
        Dictionary<string, string?>? keys = null, Dictionary<string, string?>? secrets = null, bool terminal = false) =>
        RunSettingsBinder.Bind(
            new ConfigurationBuilder().AddInMemoryCollection(keys ?? []).Build(),
            new ConfigurationBuilder().AddInMemoryCollection(secrets ?? []).Build(),
            terminal);
}

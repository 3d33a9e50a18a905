using System.Reactive;
using RxTrader.Binance.Rest;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Tests.Rest;

public sealed class BinanceRestClientMarketDataTests
{
    private static readonly Symbol BtcUsdt = new("BTCUSDT");

    private static T Ok<T>(RestResult<T> result) =>
        result.ShouldBeOfType<RestResult<T>.Ok>().Value;

    [Fact]
    public async Task Ping_EmptyObject_Ok()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/ping", CannedResponse.Json("{}"));
        Ok(await h.Client.PingAsync()).ShouldBe(Unit.Default);
        h.Server.Requests.ShouldBe(["GET /api/v3/ping"]);
    }

    [Fact]
    public async Task GetServerTime_MeasuresTheClockOffsetFromTheMidpoint()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/time", CannedResponse.Json(Payloads.ServerTime));
        h.Client.Clock.Offset.ShouldBeNull();
        h.Client.Clock.Now.ShouldBe(h.Now);

        var serverTime = Ok(await h.Client.GetServerTimeAsync());

        serverTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_005_000));
        // Virtual time does not move during the loopback call: zero round trip, so the offset is exact.
        h.Client.Clock.RoundTrip.ShouldBe(TimeSpan.Zero);
        h.Client.Clock.Offset.ShouldBe(TimeSpan.FromSeconds(5));
        h.Advance(TimeSpan.FromSeconds(1));
        h.Client.Clock.Now.ShouldBe(h.Now + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task GetExchangeInfo_MapsRateLimitsSymbolsAndFilters()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/exchangeInfo", CannedResponse.Json(Payloads.ExchangeInfo));

        var info = Ok(await h.Client.GetExchangeInfoAsync());

        info.ServerTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1565246363776));
        info.RateLimits.ShouldBe([
            new ExchangeRateLimit("REQUEST_WEIGHT", TimeSpan.FromMinutes(1), 6000),
            new ExchangeRateLimit("ORDERS", TimeSpan.FromSeconds(10), 50),
            new ExchangeRateLimit("RAW_REQUESTS", TimeSpan.FromMinutes(5), 61000)]);
        info.Symbols.Length.ShouldBe(3);
        var eth = info.Symbols[0];
        eth.ShouldBe(new SymbolInfo(
            new Symbol("ETHBTC"),
            SymbolStatus.Trading,
            "ETH",
            8,
            "BTC",
            6,
            new SymbolFilters(
                new PriceFilter(0.000001m, 100000m, 0.000001m),
                new QuantityFilter(0.001m, 100000m, 0.001m),
                new QuantityFilter(0m, 2500.5m, 0m),
                new NotionalFilter(10m, 10000m, ApplyMinToMarket: false, ApplyMaxToMarket: false, 5),
                new MinNotionalFilter(0.001m, ApplyToMarket: true, 5))));
        eth.IsTrading.ShouldBeTrue();
        // Decimal strings keep their scale exactly.
        eth.Filters.Price!.Value.TickSize.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("0.00000100");
    }

    [Fact]
    public async Task GetExchangeInfo_LegacyMinNotionalAndUnknownStatus_Mapped()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/exchangeInfo", CannedResponse.Json(Payloads.ExchangeInfo));

        var info = Ok(await h.Client.GetExchangeInfoAsync());

        var bnb = info.Symbols[1];
        bnb.Status.ShouldBe(SymbolStatus.Break);
        bnb.IsTrading.ShouldBeFalse();
        bnb.Filters.ShouldBe(new SymbolFilters(null, null, null, Notional: null, new MinNotionalFilter(0.0001m, false, 1)));
        info.Symbols[2].Status.ShouldBe(SymbolStatus.Unknown);
        info.Symbols[2].Filters.ShouldBe(SymbolFilters.None);
    }

    [Fact]
    public async Task GetExchangeInfo_SymbolSelection_SentAsSymbolOrJsonArray()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/exchangeInfo", CannedResponse.Json(Payloads.ExchangeInfo));

        await h.Client.GetExchangeInfoAsync([BtcUsdt]);
        await h.Client.GetExchangeInfoAsync([BtcUsdt, new Symbol("ethbtc")]);

        h.Server.Requests.ShouldBe([
            "GET /api/v3/exchangeInfo?symbol=BTCUSDT",
            "GET /api/v3/exchangeInfo?symbols=%5B%22BTCUSDT%22%2C%22ETHBTC%22%5D"]);
    }

    [Fact]
    public async Task GetDepth_MapsLevelsBestFirstAndSendsTheLimit()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/depth", CannedResponse.Json(Payloads.Depth));

        var depth = Ok(await h.Client.GetDepthAsync(BtcUsdt, 500));

        depth.Symbol.ShouldBe(BtcUsdt);
        depth.LastUpdateId.ShouldBe(1027024);
        depth.Bids.ShouldBe([new BookLevel(4m, 431m), new BookLevel(3.99m, 1.5m)]);
        depth.Asks.ShouldBe([new BookLevel(4.000002m, 12m)]);
        h.Server.Requests.ShouldBe(["GET /api/v3/depth?symbol=BTCUSDT&limit=500"]);
    }

    [Fact]
    public async Task GetKlines_MapsTheTwelveColumns()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/klines", CannedResponse.Json(Payloads.Klines));

        var candles = Ok(await h.Client.GetKlinesAsync(BtcUsdt, "1w", limit: 2,
            startTime: DateTimeOffset.FromUnixTimeMilliseconds(1499040000000)));

        candles[0].ShouldBe(new Candle(
            BtcUsdt,
            TimeSpan.FromDays(7),
            DateTimeOffset.FromUnixTimeMilliseconds(1499040000000),
            DateTimeOffset.FromUnixTimeMilliseconds(1499644799999),
            0.01634790m,
            0.80000000m,
            0.01575800m,
            0.01577100m,
            148976.11427815m,
            2434.19055334m,
            308,
            1756.87402397m,
            28.46694368m,
            IsClosed: true));
        h.Server.Requests.ShouldBe(["GET /api/v3/klines?symbol=BTCUSDT&interval=1w&limit=2&startTime=1499040000000"]);
    }

    [Fact]
    public async Task GetKlines_IsClosedComparesTheCloseTimeWithTheServerClock()
    {
        await using var h = await RestHarness.StartAsync(app =>
        {
            new ScriptedRoute(CannedResponse.Json(Payloads.Klines)).MapTo(app, "/api/v3/klines");
            // The exchange clock is far behind the local one: inside the second candle.
            new ScriptedRoute(CannedResponse.Json("""{"serverTime": 1500000000000}""")).MapTo(app, "/api/v3/time");
        });

        Ok(await h.Client.GetKlinesAsync(BtcUsdt, "1w")).Select(c => c.IsClosed).ShouldBe([true, true]);
        Ok(await h.Client.GetServerTimeAsync());
        Ok(await h.Client.GetKlinesAsync(BtcUsdt, "1w")).Select(c => c.IsClosed).ShouldBe([true, false]);
    }

    [Fact]
    public async Task GetBookTicker_MapsWithUpdateIdZero()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/ticker/bookTicker", CannedResponse.Json(Payloads.BookTicker));

        var ticker = Ok(await h.Client.GetBookTickerAsync(new Symbol("LTCBTC")));

        ticker.ShouldBe(new BookTicker(new Symbol("LTCBTC"), 0, 4m, 431m, 4.000002m, 9m));
        h.Server.Requests.ShouldBe(["GET /api/v3/ticker/bookTicker?symbol=LTCBTC"]);
    }

    [Fact]
    public async Task GetTicker_MapsEveryField()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/ticker/24hr", CannedResponse.Json(Payloads.Ticker24h));

        var ticker = Ok(await h.Client.GetTickerAsync(new Symbol("BNBBTC")));

        ticker.ShouldBe(new Ticker(
            new Symbol("BNBBTC"), DateTimeOffset.FromUnixTimeMilliseconds(1499869899040), -94.999998m, -95.96m, 0.29628482m, 0.10002m, 4.000002m, 200m, 4m, 100m, 4.000002m, 100m,
            99m, 100m, 0.1m, 8913.3m, 15.3m,
            DateTimeOffset.FromUnixTimeMilliseconds(1499783499040),
            DateTimeOffset.FromUnixTimeMilliseconds(1499869899040),
            28385, 28460, 76));
        h.Server.Requests.ShouldBe(["GET /api/v3/ticker/24hr?symbol=BNBBTC"]);
    }

    [Fact]
    public void Endpoints_BadArguments_ThrowAtCallTime()
    {
        using var client = new BinanceRestClient(new BinanceRestOptions(), new Streams.Time.SchedulerTimeProvider(new Microsoft.Reactive.Testing.TestScheduler()));
        Should.Throw<ArgumentException>(() => client.GetDepthAsync(default));
        Should.Throw<ArgumentOutOfRangeException>(() => client.GetDepthAsync(BtcUsdt, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => client.GetDepthAsync(BtcUsdt, 5001));
        Should.Throw<ArgumentException>(() => client.GetKlinesAsync(BtcUsdt, "1M"));
        Should.Throw<ArgumentException>(() => client.GetKlinesAsync(BtcUsdt, "2m"));
        Should.Throw<ArgumentNullException>(() => client.GetKlinesAsync(BtcUsdt, null!));
        Should.Throw<ArgumentOutOfRangeException>(() => client.GetKlinesAsync(BtcUsdt, "1m", limit: 1001));
        Should.Throw<ArgumentException>(() => client.GetBookTickerAsync(default));
        Should.Throw<ArgumentException>(() => client.GetTickerAsync(default));
    }
}

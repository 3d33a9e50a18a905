using Newtonsoft.Json.Linq;
using RxTrader.Core.Instruments;

namespace RxTrader.Binance.Rest;

/// <summary>Maps a <c>GET /api/v3/exchangeInfo</c> body to an <see cref="ExchangeInfo"/>.</summary>
/// <remarks>Unknown symbol statuses map to <see cref="SymbolStatus.Unknown"/>; filter types other than the five the
/// domain models are skipped. <c>NOTIONAL</c> and the legacy <c>MIN_NOTIONAL</c> map to their own members.</remarks>
internal static class ExchangeInfoMapper
{
    public static ExchangeInfo Map(JToken body)
    {
        var root = WireJson.Object(body, "exchangeInfo");
        var limits = WireJson.Array(root["rateLimits"], "rateLimits");
        var symbols = WireJson.Array(root["symbols"], "symbols");
        return new ExchangeInfo(
            WireJson.Time(root["serverTime"], "serverTime"),
            [.. limits.Select((t, i) => RateLimit(WireJson.Object(t, $"rateLimits[{i}]"), $"rateLimits[{i}]"))],
            [.. symbols.Select((t, i) => Symbol(WireJson.Object(t, $"symbols[{i}]")))]);
    }

    private static ExchangeRateLimit RateLimit(JObject o, string what)
    {
        var unit = WireJson.String(o["interval"], $"{what}.interval") switch
        {
            "SECOND" => TimeSpan.FromSeconds(1),
            "MINUTE" => TimeSpan.FromMinutes(1),
            "HOUR" => TimeSpan.FromHours(1),
            "DAY" => TimeSpan.FromDays(1),
            var other => throw new FormatException($"{what}.interval: unknown interval \"{other}\"."),
        };
        return new ExchangeRateLimit(
            WireJson.String(o["rateLimitType"], $"{what}.rateLimitType"),
            unit * WireJson.Int(o["intervalNum"], $"{what}.intervalNum"),
            WireJson.Int(o["limit"], $"{what}.limit"));
    }

    private static SymbolInfo Symbol(JObject o)
    {
        var symbol = WireJson.Symbol(o["symbol"], "symbols[].symbol");
        var what = $"symbols[{symbol}]";
        return new SymbolInfo(
            symbol,
            Status(WireJson.String(o["status"], $"{what}.status")),
            WireJson.String(o["baseAsset"], $"{what}.baseAsset"),
            WireJson.Int(o["baseAssetPrecision"], $"{what}.baseAssetPrecision"),
            WireJson.String(o["quoteAsset"], $"{what}.quoteAsset"),
            WireJson.Int(o["quoteAssetPrecision"] ?? o["quotePrecision"], $"{what}.quoteAssetPrecision"),
            Filters(WireJson.Array(o["filters"], $"{what}.filters"), what));
    }

    private static SymbolStatus Status(string status) => status switch
    {
        "TRADING" => SymbolStatus.Trading,
        "END_OF_DAY" => SymbolStatus.EndOfDay,
        "HALT" => SymbolStatus.Halt,
        "BREAK" => SymbolStatus.Break,
        "CANCEL_ONLY" => SymbolStatus.CancelOnly,
        _ => SymbolStatus.Unknown,
    };

    private static SymbolFilters Filters(JArray filters, string symbol)
    {
        PriceFilter? price = null;
        QuantityFilter? lot = null, marketLot = null;
        NotionalFilter? notional = null;
        MinNotionalFilter? minNotional = null;
        for (var i = 0; i < filters.Count; i++)
        {
            var f = WireJson.Object(filters[i], $"{symbol}.filters[{i}]");
            var type = WireJson.String(f["filterType"], $"{symbol}.filters[{i}].filterType");
            var what = $"{symbol}.{type}";
            switch (type)
            {
                case "PRICE_FILTER":
                    price = new PriceFilter(D(f, "minPrice", what), D(f, "maxPrice", what), D(f, "tickSize", what));
                    break;
                case "LOT_SIZE":
                    lot = Quantity(f, what);
                    break;
                case "MARKET_LOT_SIZE":
                    marketLot = Quantity(f, what);
                    break;
                case "NOTIONAL":
                    notional = new NotionalFilter(
                        D(f, "minNotional", what),
                        D(f, "maxNotional", what),
                        WireJson.Bool(f["applyMinToMarket"], $"{what}.applyMinToMarket"),
                        WireJson.Bool(f["applyMaxToMarket"], $"{what}.applyMaxToMarket"),
                        WireJson.Int(f["avgPriceMins"], $"{what}.avgPriceMins"));
                    break;
                case "MIN_NOTIONAL":
                    minNotional = new MinNotionalFilter(
                        D(f, "minNotional", what),
                        WireJson.Bool(f["applyToMarket"], $"{what}.applyToMarket"),
                        WireJson.Int(f["avgPriceMins"], $"{what}.avgPriceMins"));
                    break;
                default:
                    break;
            }
        }

        return new SymbolFilters(price, lot, marketLot, notional, minNotional);
    }

    private static QuantityFilter Quantity(JObject f, string what) =>
        new(D(f, "minQty", what), D(f, "maxQty", what), D(f, "stepSize", what));

    private static decimal D(JObject f, string name, string what) => WireJson.Decimal(f[name], $"{what}.{name}");
}

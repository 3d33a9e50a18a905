using Newtonsoft.Json.Linq;

namespace RxTrader.Binance.Rest;

/// <summary>Maps a <c>GET /api/v3/ticker/24hr</c> (FULL) body to a <see cref="Ticker24h"/>.</summary>
internal static class Ticker24hMapper
{
    public static Ticker24h Map(JToken body)
    {
        var o = WireJson.Object(body, "ticker/24hr");
        return new Ticker24h(
            WireJson.Symbol(o["symbol"], "symbol"),
            D(o, "priceChange"),
            D(o, "priceChangePercent"),
            D(o, "weightedAvgPrice"),
            D(o, "prevClosePrice"),
            D(o, "lastPrice"),
            D(o, "lastQty"),
            D(o, "bidPrice"),
            D(o, "bidQty"),
            D(o, "askPrice"),
            D(o, "askQty"),
            D(o, "openPrice"),
            D(o, "highPrice"),
            D(o, "lowPrice"),
            D(o, "volume"),
            D(o, "quoteVolume"),
            WireJson.Time(o["openTime"], "openTime"),
            WireJson.Time(o["closeTime"], "closeTime"),
            WireJson.Long(o["firstId"], "firstId"),
            WireJson.Long(o["lastId"], "lastId"),
            WireJson.Long(o["count"], "count"));
    }

    private static decimal D(JObject o, string name) => WireJson.Decimal(o[name], name);
}

using Newtonsoft.Json.Linq;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Rest;

/// <summary>Maps a <c>GET /api/v3/ticker/24hr</c> (FULL) body to the same <see cref="Ticker"/> the <c>@ticker</c> stream gives.</summary>
/// <remarks>REST carries no event time: <see cref="Ticker.EventTime"/> is the window's close time, the moment the statistics describe.</remarks>
internal static class TickerMapper
{
    public static Ticker Map(JToken body)
    {
        var o = WireJson.Object(body, "ticker/24hr");
        var closeTime = WireJson.Time(o["closeTime"], "closeTime");
        return new Ticker(
            WireJson.Symbol(o["symbol"], "symbol"),
            closeTime,
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
            closeTime,
            WireJson.Long(o["firstId"], "firstId"),
            WireJson.Long(o["lastId"], "lastId"),
            WireJson.Long(o["count"], "count"));
    }

    private static decimal D(JObject o, string name) => WireJson.Decimal(o[name], name);
}

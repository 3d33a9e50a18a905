using Newtonsoft.Json.Linq;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Rest;

/// <summary>Maps a <c>GET /api/v3/ticker/bookTicker</c> body to a <see cref="BookTicker"/>.</summary>
/// <remarks>The REST shape has no update id (the stream's <c>u</c>); <see cref="BookTicker.UpdateId"/> is 0, which
/// no stream update carries, so consumers can tell a polled ticker from a streamed one.</remarks>
internal static class BookTickerMapper
{
    public static BookTicker Map(JToken body)
    {
        var root = WireJson.Object(body, "bookTicker");
        return new BookTicker(
            WireJson.Symbol(root["symbol"], "symbol"),
            UpdateId: 0,
            WireJson.Decimal(root["bidPrice"], "bidPrice"),
            WireJson.Decimal(root["bidQty"], "bidQty"),
            WireJson.Decimal(root["askPrice"], "askPrice"),
            WireJson.Decimal(root["askQty"], "askQty"));
    }
}

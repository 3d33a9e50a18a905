namespace RxTrader.Binance.Tests.Feed;

/// <summary>Combined-stream frames for the feed tests.</summary>
internal static class Payloads
{
    public static string Trade(long id, string symbol = "BTCUSDT") =>
        $$$"""{"stream":"{{{symbol.ToLowerInvariant()}}}@trade","data":{"e":"trade","E":1672515782136,"s":"{{{symbol}}}","t":{{{id}}},"p":"0.001","q":"100","T":1672515782136,"m":true,"M":true}}""";

    public static string BookTicker(long id, string symbol = "BTCUSDT") =>
        $$$"""{"stream":"{{{symbol.ToLowerInvariant()}}}@bookTicker","data":{"u":{{{id}}},"s":"{{{symbol}}}","b":"25.35","B":"31.21","a":"25.36","A":"40.66"}}""";

    public const string ServerShutdown = """{"stream":"!serverShutdown","data":{"e":"serverShutdown","E":1770123456789}}""";
}

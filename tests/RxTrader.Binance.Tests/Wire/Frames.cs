using System.Text;

namespace RxTrader.Binance.Tests.Wire;

/// <summary>Hand-written frames from the wire spec, and a helper to wrap them in the combined form.</summary>
internal static class Frames
{
    public const string Trade =
        """{"e":"trade","E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.001","q":"100","T":1672515782136,"m":true,"M":true}""";

    public const string AggTrade =
        """{"e":"aggTrade","E":1672515782136,"s":"BNBBTC","a":12345,"p":"0.001","q":"100","f":100,"l":105,"T":1672515782136,"m":true,"M":true}""";

    public const string Kline =
        """{"e":"kline","E":1672515782136,"s":"BNBBTC","k":{"t":1672515780000,"T":1672515839999,"s":"BNBBTC","i":"1m","f":100,"L":200,"o":"0.0010","c":"0.0020","h":"0.0025","l":"0.0015","v":"1000","n":100,"x":false,"q":"1.0000","V":"500","Q":"0.500","B":"123456"}}""";

    public const string MiniTicker =
        """{"e":"24hrMiniTicker","E":1672515782136,"s":"BNBBTC","c":"0.0025","o":"0.0010","h":"0.0025","l":"0.0010","v":"10000","q":"18"}""";

    public const string Ticker =
        """{"e":"24hrTicker","E":1672515782136,"s":"BNBBTC","p":"-0.0015","P":"-37.50","w":"0.0018","x":"0.0009","c":"0.0025","Q":"10","b":"0.0024","B":"10","a":"0.0026","A":"100","o":"0.0010","h":"0.0025","l":"0.0010","v":"10000","q":"18","O":0,"C":86400000,"F":0,"L":18150,"n":18151}""";

    public const string BookTicker =
        """{"u":400900217,"s":"BNBUSDT","b":"25.35190000","B":"31.21000000","a":"25.36520000","A":"40.66000000"}""";

    public const string PartialDepth = """{"lastUpdateId":160,"bids":[["0.0024","10"]],"asks":[["0.0026","100"],["0.0027","5"]]}""";

    public const string DepthUpdate =
        """{"e":"depthUpdate","E":1672515782136,"s":"BNBBTC","U":157,"u":160,"b":[["0.0024","10"]],"a":[["0.0026","100"],["0.0027","0"]]}""";

    public const string ServerShutdown = """{"e":"serverShutdown","E":1770123456789}""";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Combined(string stream, string data) => $$"""{"stream":"{{stream}}","data":{{data}}}""";
}

namespace RxTrader.Binance.Tests.Rest;

/// <summary>Response bodies from the wire reference (binance-wire.md §2.3, §2.5, §3.1).</summary>
internal static class Payloads
{
    public const string ServerTime = """{"serverTime": 1700000005000}""";

    public const string Depth = """
        {"lastUpdateId": 1027024,
         "bids": [["4.00000000", "431.00000000"], ["3.99000000", "1.50000000"]],
         "asks": [["4.00000200", "12.00000000"]]}
        """;

    public const string Klines = """
        [[1499040000000,"0.01634790","0.80000000","0.01575800","0.01577100","148976.11427815",
          1499644799999,"2434.19055334",308,"1756.87402397","28.46694368","0"],
         [1499644800000,"0.01577100","0.01600000","0.01500000","0.01590000","10.5",
          1500249599999,"0.16",3,"5.25","0.08","0"]]
        """;

    public const string BookTicker = """
        {"symbol":"LTCBTC","bidPrice":"4.00000000","bidQty":"431.00000000","askPrice":"4.00000200","askQty":"9.00000000"}
        """;

    public const string Ticker24h = """
        {"symbol": "BNBBTC", "priceChange": "-94.99999800", "priceChangePercent": "-95.960",
         "weightedAvgPrice": "0.29628482", "prevClosePrice": "0.10002000", "lastPrice": "4.00000200",
         "lastQty": "200.00000000", "bidPrice": "4.00000000", "bidQty": "100.00000000",
         "askPrice": "4.00000200", "askQty": "100.00000000", "openPrice": "99.00000000",
         "highPrice": "100.00000000", "lowPrice": "0.10000000", "volume": "8913.30000000",
         "quoteVolume": "15.30000000", "openTime": 1499783499040, "closeTime": 1499869899040,
         "firstId": 28385, "lastId": 28460, "count": 76}
        """;

    public const string ExchangeInfo = """
        {
          "timezone": "UTC",
          "serverTime": 1565246363776,
          "rateLimits": [
            {"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1, "limit": 6000},
            {"rateLimitType": "ORDERS",         "interval": "SECOND", "intervalNum": 10, "limit": 50},
            {"rateLimitType": "RAW_REQUESTS",   "interval": "MINUTE", "intervalNum": 5, "limit": 61000}
          ],
          "exchangeFilters": [],
          "symbols": [{
            "symbol": "ETHBTC",
            "status": "TRADING",
            "baseAsset": "ETH", "baseAssetPrecision": 8,
            "quoteAsset": "BTC", "quotePrecision": 8, "quoteAssetPrecision": 6,
            "orderTypes": ["LIMIT","MARKET"],
            "filters": [
              {"filterType": "PRICE_FILTER", "minPrice": "0.00000100", "maxPrice": "100000.00000000", "tickSize": "0.00000100"},
              {"filterType": "PERCENT_PRICE", "multiplierUp": "5", "multiplierDown": "0.2", "avgPriceMins": 5},
              {"filterType": "LOT_SIZE", "minQty": "0.00100000", "maxQty": "100000.00000000", "stepSize": "0.00100000"},
              {"filterType": "MARKET_LOT_SIZE", "minQty": "0.00000000", "maxQty": "2500.50000000", "stepSize": "0.00000000"},
              {"filterType": "MIN_NOTIONAL", "minNotional": "0.00100000", "applyToMarket": true, "avgPriceMins": 5},
              {"filterType": "NOTIONAL", "minNotional": "10.00000000", "applyMinToMarket": false,
               "maxNotional": "10000.00000000", "applyMaxToMarket": false, "avgPriceMins": 5}
            ],
            "permissions": [],
            "permissionSets": [["SPOT", "MARGIN"]]
          }, {
            "symbol": "BNBBTC",
            "status": "BREAK",
            "baseAsset": "BNB", "baseAssetPrecision": 8,
            "quoteAsset": "BTC", "quotePrecision": 8, "quoteAssetPrecision": 8,
            "filters": [
              {"filterType": "MIN_NOTIONAL", "minNotional": "0.00010000", "applyToMarket": false, "avgPriceMins": 1}
            ]
          }, {
            "symbol": "NEWUSDT",
            "status": "PRE_TRADING",
            "baseAsset": "NEW", "baseAssetPrecision": 2,
            "quoteAsset": "USDT", "quotePrecision": 8, "quoteAssetPrecision": 8,
            "filters": []
          }]
        }
        """;

    public const string InvalidSymbol = """{"code": -1121, "msg": "Invalid symbol."}""";

    public const string TooMuchWeight = """{"code":-1003,"msg":"Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."}""";
}

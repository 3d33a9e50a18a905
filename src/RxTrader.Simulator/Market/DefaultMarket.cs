using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Market;

/// <summary>The default universe: BTCUSDT, ETHUSDT and BNBUSDT with exchangeInfo-like filters and model settings
/// that give plausible bars.</summary>
public static class DefaultMarket
{
    /// <summary>BTCUSDT: tick 0.01, step 0.00001, min notional 5.</summary>
    public static SymbolRules BtcUsdt { get; } = Rules("BTC", lotStep: 0.00001m);

    /// <summary>ETHUSDT: tick 0.01, step 0.0001, min notional 5.</summary>
    public static SymbolRules EthUsdt { get; } = Rules("ETH", lotStep: 0.0001m);

    /// <summary>BNBUSDT: tick 0.01, step 0.001, min notional 5.</summary>
    public static SymbolRules BnbUsdt { get; } = Rules("BNB", lotStep: 0.001m);

    /// <summary>The rules of the three default symbols.</summary>
    public static IReadOnlyList<SymbolRules> AllRules { get; } = [BtcUsdt, EthUsdt, BnbUsdt];

    /// <summary>The model settings of the three default symbols: BTCUSDT near 60 000, ETHUSDT near 3 000 and
    /// BNBUSDT near 600 USDT, about 5 trade arrivals per second each, 20 levels per side (1 USDT, 0.10 and 0.01 apart),
    /// sized so that five-minute volumes are in the range of the real pairs'.</summary>
    public static IReadOnlyList<SymbolModelOptions> Symbols { get; } =
    [
        new()
        {
            Rules = BtcUsdt, InitialPrice = 60_000m, LevelSpacingTicks = 100,
            MinLevelQuantity = 0.005m, MaxLevelQuantity = 0.3m, MinTradeQuantity = 0.0001m, MaxTradeQuantity = 0.05m,
        },
        new()
        {
            Rules = EthUsdt, InitialPrice = 3_000m, LevelSpacingTicks = 10,
            MinLevelQuantity = 0.05m, MaxLevelQuantity = 5m, MinTradeQuantity = 0.002m, MaxTradeQuantity = 1m,
        },
        new()
        {
            Rules = BnbUsdt, InitialPrice = 600m, LevelSpacingTicks = 1,
            MinLevelQuantity = 0.1m, MaxLevelQuantity = 20m, MinTradeQuantity = 0.01m, MaxTradeQuantity = 5m,
        },
    ];

    private static SymbolRules Rules(string baseAsset, decimal lotStep) => new()
    {
        Symbol = new Symbol(baseAsset + "USDT"),
        BaseAsset = baseAsset,
        QuoteAsset = "USDT",
        Filters = new SymbolFilters(
            Price: new PriceFilter(0.01m, 1_000_000m, 0.01m),
            LotSize: new QuantityFilter(lotStep, 9_000m, lotStep),
            MarketLotSize: new QuantityFilter(0m, 1_000m, 0m),
            Notional: new NotionalFilter(5m, MaxNotional: 9_000_000m, ApplyMinToMarket: true, ApplyMaxToMarket: false, 5)),
        MaxNumOrders = 200,
    };
}

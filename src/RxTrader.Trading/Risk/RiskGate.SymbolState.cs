using RxTrader.Core.Instruments;

namespace RxTrader.Trading.Risk;

public sealed partial class RiskGate
{
    /// <summary>What the gate knows of one symbol: its description with the roundings prepared from it, and the
    /// health of its data sources. One dictionary entry, so a check looks the symbol up once.</summary>
    private sealed class SymbolState
    {
        public SymbolInfo? Info { get; private set; }

        public StepRounding Price { get; private set; }

        public StepRounding Lot { get; private set; }

        public StepRounding MarketLot { get; private set; }

        /// <summary>Whether market orders round onto a second step (MARKET_LOT_SIZE) other than LOT_SIZE's.</summary>
        public bool HasMarketStep { get; private set; }

        /// <summary>Whether the two quantity steps may not nest, so a market quantity is checked against LOT_SIZE's
        /// step again after both roundings.</summary>
        public bool StepsMayNotNest { get; private set; }

        public SymbolHealth? Health { get; set; }

        public void Describe(SymbolInfo info)
        {
            Info = info;
            var filters = info.Filters;
            Price = StepRounding.For(filters.Price?.TickSize ?? 0m, info.QuoteAssetPrecision);
            var lotStep = filters.LotSize?.StepSize ?? 0m;
            Lot = StepRounding.For(lotStep, info.BaseAssetPrecision);
            var marketStep = filters.MarketLotSize?.StepSize ?? 0m;
            HasMarketStep = marketStep > 0m && marketStep != lotStep;
            MarketLot = StepRounding.For(marketStep, info.BaseAssetPrecision);
            StepsMayNotNest = HasMarketStep && lotStep > 0m && marketStep % lotStep != 0m;
        }
    }
}

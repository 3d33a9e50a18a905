using Microsoft.Reactive.Testing;
using RxTrader.Core.Instruments;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Tests.Market;

public sealed class MarketModelOptionsTests
{
    private static readonly SymbolModelOptions Bnb = DefaultMarket.Symbols[2];

    public static TheoryData<string> BadSymbols => new()
    {
        nameof(SymbolModelOptions.InitialPrice),
        nameof(SymbolModelOptions.MeanTradesPerSecond),
        nameof(SymbolModelOptions.Clustering),
        nameof(SymbolModelOptions.ClusterDecay),
        nameof(SymbolModelOptions.Depth),
        nameof(SymbolModelOptions.ExtraLevels),
        nameof(SymbolModelOptions.LevelSpacingTicks),
        nameof(SymbolModelOptions.MinLevelQuantity),
        nameof(SymbolModelOptions.MaxLevelQuantity),
        nameof(SymbolModelOptions.MinTradeQuantity),
        nameof(SymbolModelOptions.MaxTradeQuantity),
        nameof(SymbolModelOptions.InitialRegime),
        nameof(SymbolModelOptions.Calm),
        nameof(SymbolModelOptions.Normal),
        nameof(SymbolModelOptions.Volatile),
        "Volatility",
        "RateMultiplier",
        "SwitchProbabilityPerSecond",
        "NaNRate",
        "TooLowPrice",
    };

    [Theory]
    [MemberData(nameof(BadSymbols))]
    public void Constructor_OutOfRangeSymbolOption_Throws(string what)
    {
        var bad = what switch
        {
            nameof(SymbolModelOptions.InitialPrice) => Bnb with { InitialPrice = 0m },
            nameof(SymbolModelOptions.MeanTradesPerSecond) => Bnb with { MeanTradesPerSecond = 0 },
            nameof(SymbolModelOptions.Clustering) => Bnb with { Clustering = 1 },
            nameof(SymbolModelOptions.ClusterDecay) => Bnb with { ClusterDecay = TimeSpan.Zero },
            nameof(SymbolModelOptions.Depth) => Bnb with { Depth = 0 },
            nameof(SymbolModelOptions.ExtraLevels) => Bnb with { ExtraLevels = -1 },
            nameof(SymbolModelOptions.LevelSpacingTicks) => Bnb with { LevelSpacingTicks = 0 },
            nameof(SymbolModelOptions.MinLevelQuantity) => Bnb with { MinLevelQuantity = 0m },
            nameof(SymbolModelOptions.MaxLevelQuantity) => Bnb with { MaxLevelQuantity = 0.05m },
            nameof(SymbolModelOptions.MinTradeQuantity) => Bnb with { MinTradeQuantity = -1m },
            nameof(SymbolModelOptions.MaxTradeQuantity) => Bnb with { MaxTradeQuantity = 0.001m },
            nameof(SymbolModelOptions.InitialRegime) => Bnb with { InitialRegime = (MarketRegime)7 },
            nameof(SymbolModelOptions.Calm) => Bnb with { Calm = Bnb.Calm with { SpreadTicks = 0 } },
            nameof(SymbolModelOptions.Normal) => Bnb with { Normal = Bnb.Normal with { Volatility = -1 } },
            nameof(SymbolModelOptions.Volatile) => Bnb with { Volatile = Bnb.Volatile with { SpreadTicks = -2 } },
            "Volatility" => Bnb with { Calm = Bnb.Calm with { Volatility = double.NaN } },
            "RateMultiplier" => Bnb with { Calm = Bnb.Calm with { RateMultiplier = 0 } },
            "SwitchProbabilityPerSecond" => Bnb with { Calm = Bnb.Calm with { SwitchProbabilityPerSecond = 1.5 } },
            "NaNRate" => Bnb with { MeanTradesPerSecond = double.PositiveInfinity },
            _ => Bnb with { InitialPrice = 0.05m },
        };

        Should.Throw<ArgumentOutOfRangeException>(() => Create(new MarketModelOptions { Symbols = [bad] }));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        var scheduler = new TestScheduler();
        using var engine = new MatchingEngine(scheduler);
        Should.Throw<ArgumentNullException>(() => new MarketModel(null!, scheduler));
        Should.Throw<ArgumentNullException>(() => new MarketModel(engine, null!));
        Should.Throw<ArgumentNullException>(() => Create(new MarketModelOptions { Symbols = null! }));
        Should.Throw<ArgumentNullException>(() => Create(new MarketModelOptions { Symbols = [null!] }));
        Should.Throw<ArgumentNullException>(() => Create(new MarketModelOptions { Symbols = [Bnb with { Calm = null! }] }));
        Should.Throw<ArgumentOutOfRangeException>(() => Create(new MarketModelOptions { Symbols = [] }));
        Should.Throw<ArgumentOutOfRangeException>(() => Create(new MarketModelOptions { RefreshInterval = TimeSpan.Zero }));
        Should.Throw<ArgumentOutOfRangeException>(() => Create(new MarketModelOptions { BurstTimePerTrade = TimeSpan.Zero }));
        Should.Throw<ArgumentException>(() => Create(new MarketModelOptions { Symbols = [Bnb, Bnb] }));
        Should.Throw<ArgumentException>(() => Create(new MarketModelOptions
        {
            Symbols = [Bnb with { Rules = Bnb.Rules with { Filters = Bnb.Rules.Filters with { Price = null } } }],
        }));
        Should.Throw<ArgumentException>(() => Create(new MarketModelOptions
        {
            Symbols = [Bnb with { Rules = Bnb.Rules with { Filters = Bnb.Rules.Filters with { LotSize = new QuantityFilter(0m, 0m, 0m) } } }],
        }));
    }

    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        var options = new MarketModelOptions();
        options.Seed.ShouldBe(1);
        options.RefreshInterval.ShouldBe(TimeSpan.FromMilliseconds(250));
        options.BurstTimePerTrade.ShouldBe(TimeSpan.FromMilliseconds(10));
        options.Symbols.Select(s => (s.Rules.Symbol.Value, s.InitialPrice)).ShouldBe([("BTCUSDT", 60_000m), ("ETHUSDT", 3_000m), ("BNBUSDT", 600m)]);
        var symbol = new SymbolModelOptions { Rules = DefaultMarket.BnbUsdt, InitialPrice = 600m };
        (symbol.MeanTradesPerSecond, symbol.Clustering, symbol.ClusterDecay, symbol.Depth, symbol.ExtraLevels, symbol.LevelSpacingTicks)
            .ShouldBe((5.0, 0.7, TimeSpan.FromSeconds(2), 20, 5, 1));
        (symbol.MinLevelQuantity, symbol.MaxLevelQuantity, symbol.MinTradeQuantity, symbol.MaxTradeQuantity).ShouldBe((0.1m, 10m, 0.01m, 1m));
        symbol.InitialRegime.ShouldBe(MarketRegime.Normal);
        symbol.For(MarketRegime.Calm).ShouldBe(new RegimeOptions { Volatility = 0.00002, RateMultiplier = 0.5 });
        symbol.For(MarketRegime.Normal).ShouldBe(new RegimeOptions { Volatility = 0.00006, SpreadTicks = 1, RateMultiplier = 1, SwitchProbabilityPerSecond = 0.01 });
        symbol.For(MarketRegime.Volatile).ShouldBe(new RegimeOptions { Volatility = 0.0002, SpreadTicks = 3, RateMultiplier = 3, SwitchProbabilityPerSecond = 0.03 });
        DefaultMarket.BtcUsdt.Filters.ShouldBe(new SymbolFilters(
            new PriceFilter(0.01m, 1_000_000m, 0.01m),
            new QuantityFilter(0.00001m, 9_000m, 0.00001m),
            new QuantityFilter(0m, 1_000m, 0m),
            new NotionalFilter(5m, 9_000_000m, true, false, 5)));
    }

    private static MarketModel Create(MarketModelOptions options)
    {
        var scheduler = new TestScheduler();
        return new MarketModel(new MatchingEngine(scheduler), scheduler, options);
    }
}

using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Tests.Market;

/// <summary>A market model over an engine on virtual time, with every engine event recorded.</summary>
internal sealed class MarketFixture : IDisposable
{
    public static readonly Symbol Bnb = DefaultMarket.BnbUsdt.Symbol;

    private readonly IDisposable _subscription;

    public MarketFixture(MarketModelOptions options)
    {
        Scheduler.AdvanceTo(EngineFixture.MarbleStart.Ticks);
        Engine = new MatchingEngine(Scheduler);
        _subscription = Engine.Events.Subscribe(Events.Add);
        Model = new MarketModel(Engine, Scheduler, options);
    }

    public TestScheduler Scheduler { get; } = new();

    public MatchingEngine Engine { get; }

    public MarketModel Model { get; }

    public List<ExchangeEvent> Events { get; } = [];

    public IEnumerable<Core.MarketData.Trade> Trades => Events.OfType<PublicTradeExecuted>().Select(e => e.Trade);

    /// <summary>Only BNBUSDT, with the given changes.</summary>
    public static MarketModelOptions Bnb1(Func<SymbolModelOptions, SymbolModelOptions>? change = null, int seed = 1) => new()
    {
        Seed = seed,
        Symbols = [(change ?? (static s => s))(DefaultMarket.Symbols[2])],
    };

    /// <summary>Regimes that never switch.</summary>
    public static SymbolModelOptions Frozen(SymbolModelOptions s) => s with
    {
        Calm = s.Calm with { SwitchProbabilityPerSecond = 0 },
        Normal = s.Normal with { SwitchProbabilityPerSecond = 0 },
        Volatile = s.Volatile with { SwitchProbabilityPerSecond = 0 },
    };

    public void AdvanceSeconds(double seconds) => Scheduler.AdvanceBy(TimeSpan.FromSeconds(seconds).Ticks);

    public void Dispose()
    {
        Model.Dispose();
        _subscription.Dispose();
        Engine.Dispose();
    }
}

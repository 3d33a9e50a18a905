using RxTrader.Trading.Risk;

namespace RxTrader.Engine.Dashboard;

/// <summary>Everything the live dashboard shows, read at one instant. Immutable; taken a few times a second.</summary>
/// <param name="Time">When it was taken (engine scheduler).</param>
/// <param name="Uptime">Time since the engine started.</param>
/// <param name="Symbols">One row per traded symbol, in configuration order.</param>
/// <param name="Feed">The market-data connection.</param>
/// <param name="Orders">Signals and orders.</param>
/// <param name="Mode">The risk gate's trading mode.</param>
/// <param name="ActiveTasks">Composed tasks running (market stream, pipelines, monitors).</param>
public sealed record EngineSnapshot(
    DateTimeOffset Time,
    TimeSpan Uptime,
    IReadOnlyList<SymbolSnapshot> Symbols,
    FeedSnapshot Feed,
    OrdersSnapshot Orders,
    TradingMode Mode,
    int ActiveTasks);

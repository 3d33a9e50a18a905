using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Strategies;

namespace RxTrader.Engine.Dashboard;

/// <summary>One symbol's row on the dashboard.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="LastPrice">The last trade price, or <see langword="null"/> before the first trade.</param>
/// <param name="CurrentBar">The bar being built (open, not yet closed), or <see langword="null"/>.</param>
/// <param name="Indicators">The strategy's readings after the last closed bar.</param>
/// <param name="LastSignal">The last signal, or <see langword="null"/>.</param>
/// <param name="Position">Net position quantity.</param>
/// <param name="RealizedPnl">Realized PnL in the quote asset.</param>
/// <param name="UnrealizedPnl">Unrealized PnL against the last price.</param>
public sealed record SymbolSnapshot(
    Symbol Symbol,
    decimal? LastPrice,
    Candle? CurrentBar,
    IReadOnlyList<IndicatorReading> Indicators,
    Signal? LastSignal,
    decimal Position,
    decimal RealizedPnl,
    decimal UnrealizedPnl);

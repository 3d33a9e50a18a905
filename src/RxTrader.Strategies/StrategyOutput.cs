using RxTrader.Core;

namespace RxTrader.Strategies;

/// <summary>A strategy's view after one closed bar: its indicator readings and, when it decided, a signal.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Time">The bar's close time (data time, never a clock).</param>
/// <param name="Close">The bar's close price.</param>
/// <param name="Indicators">The strategy's indicator readings after this bar, in a fixed order.</param>
/// <param name="Signal">The signal decided on this bar, or <see langword="null"/>.</param>
public sealed record StrategyOutput(Symbol Symbol, DateTimeOffset Time, decimal Close, IReadOnlyList<IndicatorReading> Indicators, Signal? Signal);

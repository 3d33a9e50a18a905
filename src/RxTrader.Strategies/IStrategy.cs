namespace RxTrader.Strategies;

/// <summary>
/// A trading strategy: a pure transform of one symbol's market streams into per-bar outputs and signals. It does
/// no I/O and reads no clock (times come from the data), so the same instance logic runs live, in replay and in
/// virtual time, and one created instance serves one symbol.
/// </summary>
public interface IStrategy
{
    /// <summary>The catalog name the strategy was created under (for example <c>ema-cross</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Composes the strategy over <paramref name="input"/>. The result emits one <see cref="StrategyOutput"/> per
    /// closed bar (indicator readings, and a <see cref="Signal"/> when the strategy decides), completes when the
    /// candles complete and forwards their error.
    /// </summary>
    /// <param name="input">The symbol's streams.</param>
    /// <returns>The outputs, in bar order.</returns>
    IObservable<StrategyOutput> Run(StrategyInput input);
}

using System.Reactive.Linq;

namespace RxTrader.Strategies.Examples;

/// <summary>The composition the bar strategies share: fresh state per subscription, one output per closed bar.</summary>
internal static class BarPipeline
{
    /// <summary>Runs a new <see cref="BarState"/> per subscription over the closed candles of <paramref name="input"/>.</summary>
    /// <remarks>
    /// <see cref="Observable.Defer{TResult}(Func{IObservable{TResult}})"/> makes the state per subscription;
    /// <c>Select</c> turns an exception from the state into OnError and disposes the candles. The trades are never
    /// subscribed: bar strategies do no per-tick work. Candles with <c>IsClosed</c> false are skipped because an
    /// in-progress update would count a bar more than once.
    /// </remarks>
    public static IObservable<StrategyOutput> Run(StrategyInput input, Func<BarState> createState) =>
        Observable.Defer(() => input.Candles.Where(static candle => candle.IsClosed).Select(createState().OnBar));
}

using System.Reactive.Linq;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Indicators;

/// <summary>The composition every indicator operator shares: a calculator per subscription, output when ready.</summary>
internal static class IndicatorPipeline
{
    /// <summary>Runs a fresh <typeparamref name="TIndicator"/> per subscription over prices.</summary>
    /// <remarks>
    /// <see cref="Observable.Defer{TResult}(Func{IObservable{TResult}})"/> makes the state per subscription (cold);
    /// <c>Where</c> turns an exception from <c>Update</c> into OnError and disposes the source. No allocation per element.
    /// </remarks>
    public static IObservable<TValue> Apply<TIndicator, TValue>(IObservable<double> source, Func<TIndicator> create)
        where TIndicator : IPriceIndicator<TValue> =>
        Observable.Defer(() =>
        {
            var indicator = create();
            return source.Where(indicator.Update).Select(_ => indicator.Current);
        });

    /// <summary>The closes of closed candles as doubles: in-progress updates would count a bar more than once.</summary>
    public static IObservable<double> ClosedCloses(IObservable<Candle> source) =>
        source.Where(static candle => candle.IsClosed).Select(static candle => (double)candle.Close);
}

using System.Reactive.Linq;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Indicators;

/// <summary>The average true range operator.</summary>
public static class AtrExtensions
{
    /// <summary>Emits the <see cref="AverageTrueRange"/> of closed candles.</summary>
    /// <param name="source">The candles.</param>
    /// <param name="period">The number of true ranges averaged; positive.</param>
    /// <returns>The averages, one per closed candle from the <c>period + 1</c>-th on.</returns>
    /// <remarks>
    /// OnNext: a candle with <see cref="Candle.IsClosed"/> false is ignored (in-progress updates would count a bar more
    /// than once); a closed one updates this subscription's own calculator with its high, low and close (converted to
    /// double), and the value is emitted once the calculator is ready (nothing during the warm-up). A negative price or a
    /// high below the low ends the sequence with OnError carrying the calculator's <see cref="ArgumentOutOfRangeException"/>.
    /// OnError and OnCompleted pass through. Disposal unsubscribes from the source.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static IObservable<double> Atr(this IObservable<Candle> source, int period = 14)
    {
        ArgumentNullException.ThrowIfNull(source);
        IndicatorGuard.Period(period, nameof(period));
        return Observable.Defer(() =>
        {
            var atr = new AverageTrueRange(period);
            return source
                .Where(candle => candle.IsClosed && atr.Update((double)candle.High, (double)candle.Low, (double)candle.Close))
                .Select(_ => atr.Current);
        });
    }
}

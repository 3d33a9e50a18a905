using System.Reactive.Linq;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Indicators;

/// <summary>The volume-weighted average price operator.</summary>
public static class VwapExtensions
{
    /// <summary>Emits the <see cref="VolumeWeightedAveragePrice"/> of closed candles.</summary>
    /// <param name="source">The candles.</param>
    /// <param name="sessionLength">
    /// Null (the default) for one accumulation from the first candle on; else the session length, counted from the Unix
    /// epoch on <see cref="Candle.OpenTime"/> (one day resets at every UTC midnight); positive.
    /// </param>
    /// <returns>The VWAP after each closed candle, once the accumulated volume is positive.</returns>
    /// <remarks>
    /// OnNext: a candle with <see cref="Candle.IsClosed"/> false is ignored (in-progress updates would count a bar more
    /// than once); a closed one updates this subscription's own calculator with its open time, high, low, close and volume
    /// (converted to double), and the value is emitted once the accumulated volume is positive. A negative price or volume
    /// ends the sequence with OnError carrying the calculator's <see cref="ArgumentOutOfRangeException"/>. OnError and
    /// OnCompleted pass through. Disposal unsubscribes from the source.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sessionLength"/> is not positive.</exception>
    public static IObservable<double> Vwap(this IObservable<Candle> source, TimeSpan? sessionLength = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        VolumeWeightedAveragePrice.Validate(sessionLength);
        return Observable.Defer(() =>
        {
            var vwap = new VolumeWeightedAveragePrice(sessionLength);
            return source
                .Where(c => c.IsClosed && vwap.Update(c.OpenTime, (double)c.High, (double)c.Low, (double)c.Close, (double)c.Volume))
                .Select(_ => vwap.Current);
        });
    }
}

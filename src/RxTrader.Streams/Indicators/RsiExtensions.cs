using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Indicators;

/// <summary>The relative strength index operator.</summary>
public static class RsiExtensions
{
    /// <summary>Emits the <see cref="RelativeStrengthIndex"/> of the prices.</summary>
    /// <param name="source">The prices.</param>
    /// <param name="period">The number of price changes averaged; positive.</param>
    /// <returns>The index values, one per price from price number <paramref name="period"/> + 1 on.</returns>
    /// <remarks>
    /// OnNext: updates this subscription's own calculator and emits its value once it is ready (nothing during the
    /// warm-up). A NaN, infinite or negative price ends the sequence with OnError carrying the calculator's
    /// <see cref="ArgumentOutOfRangeException"/>. OnError and OnCompleted pass through. Disposal unsubscribes from the source.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static IObservable<double> Rsi(this IObservable<double> source, int period)
    {
        ArgumentNullException.ThrowIfNull(source);
        IndicatorGuard.Period(period, nameof(period));
        return IndicatorPipeline.Apply<RelativeStrengthIndex, double>(source, () => new RelativeStrengthIndex(period));
    }

    /// <summary>Emits the <see cref="RelativeStrengthIndex"/> of the closes of closed candles.</summary>
    /// <param name="source">The candles.</param>
    /// <param name="period">The number of price changes averaged; positive.</param>
    /// <returns>The index values.</returns>
    /// <remarks>
    /// As <see cref="Rsi(IObservable{double}, int)"/> over <see cref="Candle.Close"/> (converted to double), except that
    /// candles with <see cref="Candle.IsClosed"/> false are ignored: in-progress updates would count a bar more than once.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static IObservable<double> Rsi(this IObservable<Candle> source, int period)
    {
        ArgumentNullException.ThrowIfNull(source);
        return IndicatorPipeline.ClosedCloses(source).Rsi(period);
    }
}

using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Indicators;

/// <summary>The MACD operator.</summary>
public static class MacdExtensions
{
    /// <summary>Emits the <see cref="MovingAverageConvergenceDivergence"/> of the prices.</summary>
    /// <param name="source">The prices.</param>
    /// <param name="fastPeriod">The fast EMA period; positive and less than <paramref name="slowPeriod"/>.</param>
    /// <param name="slowPeriod">The slow EMA period.</param>
    /// <param name="signalPeriod">The signal EMA period; positive.</param>
    /// <returns>The readings, one per price from price number <c>slowPeriod + signalPeriod - 1</c> on.</returns>
    /// <remarks>
    /// OnNext: updates this subscription's own calculator and emits its value once it is ready (nothing during the
    /// warm-up). A NaN, infinite or negative price ends the sequence with OnError carrying the calculator's
    /// <see cref="ArgumentOutOfRangeException"/>. OnError and OnCompleted pass through. Disposal unsubscribes from the source.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A period is not positive, or fast is not less than slow.</exception>
    public static IObservable<MacdValue> Macd(this IObservable<double> source, int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        ArgumentNullException.ThrowIfNull(source);
        MovingAverageConvergenceDivergence.Validate(fastPeriod, slowPeriod, signalPeriod);
        return IndicatorPipeline.Apply<MovingAverageConvergenceDivergence, MacdValue>(
            source, () => new MovingAverageConvergenceDivergence(fastPeriod, slowPeriod, signalPeriod));
    }

    /// <summary>Emits the <see cref="MovingAverageConvergenceDivergence"/> of the closes of closed candles.</summary>
    /// <param name="source">The candles.</param>
    /// <param name="fastPeriod">The fast EMA period; positive and less than <paramref name="slowPeriod"/>.</param>
    /// <param name="slowPeriod">The slow EMA period.</param>
    /// <param name="signalPeriod">The signal EMA period; positive.</param>
    /// <returns>The readings.</returns>
    /// <remarks>
    /// As <see cref="Macd(IObservable{double}, int, int, int)"/> over <see cref="Candle.Close"/> (converted to double), except
    /// that candles with <see cref="Candle.IsClosed"/> false are ignored: in-progress updates would count a bar more than once.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A period is not positive, or fast is not less than slow.</exception>
    public static IObservable<MacdValue> Macd(this IObservable<Candle> source, int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        ArgumentNullException.ThrowIfNull(source);
        return IndicatorPipeline.ClosedCloses(source).Macd(fastPeriod, slowPeriod, signalPeriod);
    }
}

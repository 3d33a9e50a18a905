using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Indicators;

/// <summary>The Bollinger Bands operator.</summary>
public static class BollingerExtensions
{
    /// <summary>Emits the <see cref="BollingerBands"/> of the prices.</summary>
    /// <param name="source">The prices.</param>
    /// <param name="period">The window length; positive.</param>
    /// <param name="multiplier">The number of (population) standard deviations to the bands; positive and finite.</param>
    /// <returns>The readings, one per price from the <paramref name="period"/>-th on.</returns>
    /// <remarks>
    /// OnNext: updates this subscription's own calculator and emits its value once it is ready (nothing during the
    /// warm-up). A NaN, infinite or negative price ends the sequence with OnError carrying the calculator's
    /// <see cref="ArgumentOutOfRangeException"/>. OnError and OnCompleted pass through. Disposal unsubscribes from the source.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> or <paramref name="multiplier"/> is out of range.</exception>
    public static IObservable<BollingerValue> Bollinger(this IObservable<double> source, int period = 20, double multiplier = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        BollingerBands.Validate(period, multiplier);
        return IndicatorPipeline.Apply<BollingerBands, BollingerValue>(source, () => new BollingerBands(period, multiplier));
    }

    /// <summary>Emits the <see cref="BollingerBands"/> of the closes of closed candles.</summary>
    /// <param name="source">The candles.</param>
    /// <param name="period">The window length; positive.</param>
    /// <param name="multiplier">The number of (population) standard deviations to the bands; positive and finite.</param>
    /// <returns>The readings.</returns>
    /// <remarks>
    /// As <see cref="Bollinger(IObservable{double}, int, double)"/> over <see cref="Candle.Close"/> (converted to double),
    /// except that candles with <see cref="Candle.IsClosed"/> false are ignored: in-progress updates would count a bar more than once.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> or <paramref name="multiplier"/> is out of range.</exception>
    public static IObservable<BollingerValue> Bollinger(this IObservable<Candle> source, int period = 20, double multiplier = 2)
    {
        ArgumentNullException.ThrowIfNull(source);
        return IndicatorPipeline.ClosedCloses(source).Bollinger(period, multiplier);
    }
}

using System.Globalization;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Strategies.Examples;

/// <summary>
/// RSI mean reversion (<c>rsi-reversion</c>): buy when the RSI of the closes comes back up out of the oversold zone,
/// sell when it comes back down out of the overbought zone.
/// </summary>
/// <remarks>
/// <para>
/// Reading: <c>rsi(period)</c>, <see langword="null"/> until the <see cref="RelativeStrengthIndex"/> has seen
/// <c>period + 1</c> closes.
/// </para>
/// <para>
/// Signals compare the RSI of a bar with the RSI of the bar before: <see cref="Side.Buy"/> when it was below
/// <c>oversold</c> and is now at or above it, <see cref="Side.Sell"/> when it was above <c>overbought</c> and is now
/// at or below it. Staying in a zone, or on the far side of it, emits nothing; the first bar with an RSI has no
/// previous one, so there is no signal during the warm-up nor on the bar that ends it.
/// </para>
/// </remarks>
public sealed class RsiReversionStrategy : IStrategy
{
    /// <summary>The catalog name.</summary>
    public const string CatalogName = "rsi-reversion";

    private readonly string _rsiName;
    private readonly string _crossedUp;
    private readonly string _crossedDown;

    /// <summary>Creates the strategy.</summary>
    /// <param name="period">The RSI period; at least 2.</param>
    /// <param name="oversold">The oversold level; above 0 and below <paramref name="overbought"/>.</param>
    /// <param name="overbought">The overbought level; below 100.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="period"/> is below 2, a level is not inside (0, 100) (NaN included), or
    /// <paramref name="oversold"/> is not below <paramref name="overbought"/>.
    /// </exception>
    public RsiReversionStrategy(int period = 14, double oversold = 30, double overbought = 70)
    {
        StrategyGuard.Period(period, nameof(period));
        Level(oversold, nameof(oversold));
        Level(overbought, nameof(overbought));
        if (oversold >= overbought)
        {
            throw new ArgumentOutOfRangeException(nameof(oversold), oversold, $"The oversold level must be below the overbought one ({overbought.ToString(CultureInfo.InvariantCulture)}).");
        }

        Period = period;
        Oversold = oversold;
        Overbought = overbought;
        _rsiName = string.Create(CultureInfo.InvariantCulture, $"rsi({period})");
        _crossedUp = string.Create(CultureInfo.InvariantCulture, $"{_rsiName} crossed up through {oversold}");
        _crossedDown = string.Create(CultureInfo.InvariantCulture, $"{_rsiName} crossed down through {overbought}");
    }

    /// <summary>The RSI period.</summary>
    public int Period { get; }

    /// <summary>The oversold level.</summary>
    public double Oversold { get; }

    /// <summary>The overbought level.</summary>
    public double Overbought { get; }

    /// <inheritdoc/>
    public string Name => CatalogName;

    /// <inheritdoc/>
    /// <remarks>
    /// OnNext: one output per closed candle (candles with <see cref="Candle.IsClosed"/> false are ignored), at the
    /// bar's close time and close price, with a signal on a crossing. A negative close ends the sequence with OnError
    /// carrying the calculator's <see cref="ArgumentOutOfRangeException"/>. OnError and OnCompleted of the candles pass
    /// through. Disposal unsubscribes from the candles. The trades are never subscribed. Each subscription starts
    /// with a fresh RSI.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public IObservable<StrategyOutput> Run(StrategyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return BarPipeline.Run(input, () => new State(this, input.Symbol));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CatalogName}(period={Period},oversold={Oversold},overbought={Overbought})");

    private static void Level(double level, string paramName)
    {
        // Written so that NaN fails too.
        if (!(level > 0 && level < 100))
        {
            throw new ArgumentOutOfRangeException(paramName, level, "The level must be above 0 and below 100.");
        }
    }

    private sealed class State(RsiReversionStrategy strategy, Symbol symbol) : BarState
    {
        private readonly RelativeStrengthIndex _rsi = new(strategy.Period);
        private double _previous = double.NaN;

        public override StrategyOutput OnBar(Candle candle)
        {
            Signal? signal = null;
            double? reading = null;
            if (_rsi.Update((double)candle.Close))
            {
                var rsi = _rsi.Current;
                reading = rsi;

                // NaN before the first value: both comparisons are false.
                if (_previous < strategy.Oversold && rsi >= strategy.Oversold)
                {
                    signal = new Signal(symbol, Side.Buy, candle.CloseTime, candle.Close, CatalogName, strategy._crossedUp);
                }
                else if (_previous > strategy.Overbought && rsi <= strategy.Overbought)
                {
                    signal = new Signal(symbol, Side.Sell, candle.CloseTime, candle.Close, CatalogName, strategy._crossedDown);
                }

                _previous = rsi;
            }

            IndicatorReading[] readings = [new(strategy._rsiName, reading)];
            return new StrategyOutput(symbol, candle.CloseTime, candle.Close, readings, signal);
        }
    }
}

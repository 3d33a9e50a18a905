using System.Globalization;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Strategies.Examples;

/// <summary>
/// The EMA crossover (<c>ema-cross</c>): be long while the fast exponential moving average of the closes is above the
/// slow one.
/// </summary>
/// <remarks>
/// <para>
/// Readings, in order: <c>ema(fast)</c> and <c>ema(slow)</c>, each <see langword="null"/> until its
/// <see cref="ExponentialMovingAverage"/> has seen <c>period</c> closes.
/// </para>
/// <para>
/// Signals: <see cref="Side.Buy"/> on the bar where fast − slow turns positive after having been negative,
/// <see cref="Side.Sell"/> where it turns negative after having been positive. A bar where the two are equal
/// changes nothing (touching is not crossing), and the first bar with both averages only sets the starting side,
/// so there is no signal during the warm-up nor on the bar that ends it.
/// </para>
/// </remarks>
public sealed class EmaCrossStrategy : IStrategy
{
    /// <summary>The catalog name.</summary>
    public const string CatalogName = "ema-cross";

    private readonly string _fastName;
    private readonly string _slowName;
    private readonly string _crossedAbove;
    private readonly string _crossedBelow;

    /// <summary>Creates the strategy.</summary>
    /// <param name="fast">The fast EMA period; at least 2 and below <paramref name="slow"/>.</param>
    /// <param name="slow">The slow EMA period.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period is below 2, or <paramref name="fast"/> is not below <paramref name="slow"/>.</exception>
    public EmaCrossStrategy(int fast = 9, int slow = 21)
    {
        StrategyGuard.Period(fast, nameof(fast));
        StrategyGuard.Period(slow, nameof(slow));
        if (fast >= slow)
        {
            throw new ArgumentOutOfRangeException(nameof(fast), fast, $"The fast period must be below the slow one ({slow}).");
        }

        Fast = fast;
        Slow = slow;
        _fastName = string.Create(CultureInfo.InvariantCulture, $"ema({fast})");
        _slowName = string.Create(CultureInfo.InvariantCulture, $"ema({slow})");
        _crossedAbove = $"{_fastName} crossed above {_slowName}";
        _crossedBelow = $"{_fastName} crossed below {_slowName}";
    }

    /// <summary>The fast EMA period.</summary>
    public int Fast { get; }

    /// <summary>The slow EMA period.</summary>
    public int Slow { get; }

    /// <inheritdoc/>
    public string Name => CatalogName;

    /// <inheritdoc/>
    /// <remarks>
    /// OnNext: one output per closed candle (candles with <see cref="Candle.IsClosed"/> false are ignored), at the
    /// bar's close time and close price, with a signal on a crossing. A negative close ends the sequence with OnError
    /// carrying the calculator's <see cref="ArgumentOutOfRangeException"/>. OnError and OnCompleted of the candles pass
    /// through. Disposal unsubscribes from the candles. The trades are never subscribed. Each subscription starts
    /// with fresh averages.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public IObservable<StrategyOutput> Run(StrategyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return BarPipeline.Run(input, () => new State(this, input.Symbol));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CatalogName}(fast={Fast},slow={Slow})");

    private sealed class State(EmaCrossStrategy strategy, Symbol symbol) : BarState
    {
        private readonly ExponentialMovingAverage _fast = new(strategy.Fast);
        private readonly ExponentialMovingAverage _slow = new(strategy.Slow);

        // The sign of fast - slow on the last bar where they differed; 0 until then.
        private int _side;

        public override StrategyOutput OnBar(Candle candle)
        {
            var close = (double)candle.Close;
            var fastReady = _fast.Update(close);
            var slowReady = _slow.Update(close);
            Signal? signal = null;
            if (slowReady)
            {
                var side = Math.Sign(_fast.Current - _slow.Current);
                if (side != 0)
                {
                    if (_side != 0 && side != _side)
                    {
                        signal = side > 0
                            ? new Signal(symbol, Side.Buy, candle.CloseTime, candle.Close, CatalogName, strategy._crossedAbove)
                            : new Signal(symbol, Side.Sell, candle.CloseTime, candle.Close, CatalogName, strategy._crossedBelow);
                    }

                    _side = side;
                }
            }

            IndicatorReading[] readings =
            [
                new(strategy._fastName, fastReady ? _fast.Current : null),
                new(strategy._slowName, slowReady ? _slow.Current : null),
            ];
            return new StrategyOutput(symbol, candle.CloseTime, candle.Close, readings, signal);
        }
    }
}

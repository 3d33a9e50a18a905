using System.Globalization;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Strategies.Examples;

/// <summary>
/// The Bollinger breakout (<c>bollinger-breakout</c>): buy when the close breaks out above the upper band, sell when
/// it then falls back below the middle band.
/// </summary>
/// <remarks>
/// <para>
/// Readings, in order: <c>bb.lower</c>, <c>bb.middle</c>, <c>bb.upper</c>, all <see langword="null"/> until the
/// <see cref="BollingerBands"/> have seen <c>period</c> closes.
/// </para>
/// <para>
/// Signals: <see cref="Side.Buy"/> on the bar whose close is above its upper band when the previous close was at or
/// below the previous upper band (a breakout); then, and only then, <see cref="Side.Sell"/> on the first bar whose
/// close is below its middle band (the exit). The exit is armed by the entry because the close dips through the
/// middle band far more often than it breaks out, and a sell while flat says nothing. While in a breakout a further
/// breakout emits nothing. The first bar with bands has no previous one, so there is no signal during the warm-up
/// nor on the bar that ends it.
/// </para>
/// </remarks>
public sealed class BollingerBreakoutStrategy : IStrategy
{
    /// <summary>The catalog name.</summary>
    public const string CatalogName = "bollinger-breakout";

    private const string LowerName = "bb.lower";
    private const string MiddleName = "bb.middle";
    private const string UpperName = "bb.upper";

    private readonly string _brokeAbove;
    private readonly string _fellBelow;

    /// <summary>Creates the strategy.</summary>
    /// <param name="period">The band window; at least 2.</param>
    /// <param name="width">The number of standard deviations from the middle to the bands; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2, or <paramref name="width"/> is not positive and finite (NaN included).</exception>
    public BollingerBreakoutStrategy(int period = 20, double width = 2)
    {
        StrategyGuard.Period(period, nameof(period));
        if (!(width > 0 && width < double.PositiveInfinity))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "The width must be positive and finite.");
        }

        Period = period;
        Width = width;
        var bands = string.Create(CultureInfo.InvariantCulture, $"bb({period},{width})");
        _brokeAbove = $"close broke above the {bands} upper band";
        _fellBelow = $"close fell below the {bands} middle band";
    }

    /// <summary>The band window.</summary>
    public int Period { get; }

    /// <summary>The number of standard deviations from the middle to the bands.</summary>
    public double Width { get; }

    /// <inheritdoc/>
    public string Name => CatalogName;

    /// <inheritdoc/>
    /// <remarks>
    /// OnNext: one output per closed candle (candles with <see cref="Candle.IsClosed"/> false are ignored), at the
    /// bar's close time and close price, with a signal on a breakout or its exit. A negative close ends the sequence
    /// with OnError carrying the calculator's <see cref="ArgumentOutOfRangeException"/>. OnError and OnCompleted of
    /// the candles pass through. Disposal unsubscribes from the candles. The trades are never subscribed. Each
    /// subscription starts with fresh bands and no breakout.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public IObservable<StrategyOutput> Run(StrategyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return BarPipeline.Run(input, () => new State(this, input.Symbol));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CatalogName}(period={Period},width={Width})");

    private sealed class State(BollingerBreakoutStrategy strategy, Symbol symbol) : BarState
    {
        private readonly BollingerBands _bands = new(strategy.Period, strategy.Width);

        // NaN before the first bands: the breakout comparison is false.
        private double _previousClose = double.NaN;
        private double _previousUpper = double.NaN;
        private bool _inBreakout;

        public override StrategyOutput OnBar(Candle candle)
        {
            var close = (double)candle.Close;
            if (!_bands.Update(close))
            {
                IndicatorReading[] warmingUp = [new(LowerName, null), new(MiddleName, null), new(UpperName, null)];
                return new StrategyOutput(symbol, candle.CloseTime, candle.Close, warmingUp, null);
            }

            var bands = _bands.Current;
            Signal? signal = null;
            if (!_inBreakout)
            {
                if (_previousClose <= _previousUpper && close > bands.Upper)
                {
                    _inBreakout = true;
                    signal = new Signal(symbol, Side.Buy, candle.CloseTime, candle.Close, CatalogName, strategy._brokeAbove);
                }
            }
            else if (close < bands.Middle)
            {
                _inBreakout = false;
                signal = new Signal(symbol, Side.Sell, candle.CloseTime, candle.Close, CatalogName, strategy._fellBelow);
            }

            _previousClose = close;
            _previousUpper = bands.Upper;
            IndicatorReading[] readings = [new(LowerName, bands.Lower), new(MiddleName, bands.Middle), new(UpperName, bands.Upper)];
            return new StrategyOutput(symbol, candle.CloseTime, candle.Close, readings, signal);
        }
    }
}

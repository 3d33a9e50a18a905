using System.Globalization;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Host.Indicators;

/// <summary>One requested indicator of the <c>indicators</c> verb: its CSV column names, and its calculator from
/// RxTrader.Streams fed one bar at a time. A value is written empty while the calculator warms up.</summary>
internal abstract class IndicatorColumns
{
    /// <summary>The column names, in order.</summary>
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>Feeds the next bar.</summary>
    public abstract void Update(in Candle bar);

    /// <summary>Writes <c>,value</c> per column (an empty value while warming up).</summary>
    public abstract void WriteValues(TextWriter writer);

    /// <summary>The invariant, round-trip text of a value.</summary>
    protected static void Write(TextWriter writer, bool ready, double value)
    {
        writer.Write(',');
        if (ready)
        {
            writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A calculator over the close price (EMA, SMA, RSI).</summary>
    internal sealed class OnClose(string header, IPriceIndicator<double> indicator) : IndicatorColumns
    {
        public override IReadOnlyList<string> Headers { get; } = [header];

        public override void Update(in Candle bar) => indicator.Update((double)bar.Close);

        public override void WriteValues(TextWriter writer) => Write(writer, indicator.IsReady, indicator.Current);
    }

    /// <summary>MACD: the macd, signal and histogram columns.</summary>
    internal sealed class Macd(string suffix, MovingAverageConvergenceDivergence indicator) : IndicatorColumns
    {
        public override IReadOnlyList<string> Headers { get; } = ["macd" + suffix, "macd_signal" + suffix, "macd_histogram" + suffix];

        public override void Update(in Candle bar) => indicator.Update((double)bar.Close);

        public override void WriteValues(TextWriter writer)
        {
            var value = indicator.Current;
            Write(writer, indicator.IsReady, value.Macd);
            Write(writer, indicator.IsReady, value.Signal);
            Write(writer, indicator.IsReady, value.Histogram);
        }
    }

    /// <summary>Bollinger Bands: the lower, middle and upper columns.</summary>
    internal sealed class Bollinger(string suffix, BollingerBands indicator) : IndicatorColumns
    {
        public override IReadOnlyList<string> Headers { get; } = ["bb_lower" + suffix, "bb_middle" + suffix, "bb_upper" + suffix];

        public override void Update(in Candle bar) => indicator.Update((double)bar.Close);

        public override void WriteValues(TextWriter writer)
        {
            var value = indicator.Current;
            Write(writer, indicator.IsReady, value.Lower);
            Write(writer, indicator.IsReady, value.Middle);
            Write(writer, indicator.IsReady, value.Upper);
        }
    }

    /// <summary>ATR over high, low and close.</summary>
    internal sealed class Atr(string header, AverageTrueRange indicator) : IndicatorColumns
    {
        public override IReadOnlyList<string> Headers { get; } = [header];

        public override void Update(in Candle bar) => indicator.Update((double)bar.High, (double)bar.Low, (double)bar.Close);

        public override void WriteValues(TextWriter writer) => Write(writer, indicator.IsReady, indicator.Current);
    }

    /// <summary>VWAP accumulated from the first bar (no session reset).</summary>
    internal sealed class Vwap(VolumeWeightedAveragePrice indicator) : IndicatorColumns
    {
        public override IReadOnlyList<string> Headers { get; } = ["vwap"];

        public override void Update(in Candle bar) => indicator.Update((double)bar.High, (double)bar.Low, (double)bar.Close, (double)bar.Volume);

        public override void WriteValues(TextWriter writer) => Write(writer, indicator.IsReady, indicator.Current);
    }
}

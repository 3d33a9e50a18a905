using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Candles;

/// <summary>The mutable bar of one symbol inside one subscription; guarded by the aggregator's gate.</summary>
/// <remarks>Fields, not properties: this is the per-trade hot path and never leaves the assembly.</remarks>
internal sealed class CandleBar(Symbol symbol)
{
    public readonly Symbol Symbol = symbol;

    /// <summary>Whether a bar (with trades, or flat) is in progress.</summary>
    public bool IsOpen;

    /// <summary>The current bar's open tick.</summary>
    public long OpenTicks;

    /// <summary>Trades before this tick are late: their bar was emitted as closed (or skipped).</summary>
    public long FinalTicks = long.MinValue;

    /// <summary>Exchange ticks of the earliest and latest trade, which decide open and close.</summary>
    public long FirstTicks;
    public long LastTicks;

    public decimal Open;
    public decimal High;
    public decimal Low;
    public decimal Close;
    public decimal Volume;
    public decimal QuoteVolume;
    public decimal TakerBuyVolume;
    public decimal TakerBuyQuoteVolume;
    public long TradeCount;

    /// <summary>Starts an empty bar at <paramref name="openTicks"/>, flat at the last close.</summary>
    public void StartFlat(long openTicks)
    {
        IsOpen = true;
        OpenTicks = openTicks;
        FinalTicks = openTicks;
        Open = High = Low = Close;
        Volume = QuoteVolume = TakerBuyVolume = TakerBuyQuoteVolume = 0m;
        TradeCount = 0;
    }

    /// <summary>Ends the bar without starting another (no flat bars follow).</summary>
    public void Stop(long endTicks)
    {
        IsOpen = false;
        FinalTicks = endTicks;
    }

    /// <summary>Adds a trade of this bar: open is the earliest by time, close the latest (ties: arrival order).</summary>
    public void Add(decimal price, decimal quantity, long ticks, bool isBuyerMaker)
    {
        if (TradeCount == 0)
        {
            Open = High = Low = Close = price;
            FirstTicks = LastTicks = ticks;
        }
        else
        {
            if (price > High)
            {
                High = price;
            }
            else if (price < Low)
            {
                Low = price;
            }

            if (ticks < FirstTicks)
            {
                FirstTicks = ticks;
                Open = price;
            }

            if (ticks >= LastTicks)
            {
                LastTicks = ticks;
                Close = price;
            }
        }

        var quote = price * quantity;
        Volume += quantity;
        QuoteVolume += quote;
        TradeCount++;
        if (!isBuyerMaker)
        {
            TakerBuyVolume += quantity;
            TakerBuyQuoteVolume += quote;
        }
    }

    public Candle ToCandle(TimeSpan interval, bool isClosed)
    {
        var openTime = new DateTimeOffset(OpenTicks, TimeSpan.Zero);
        return new Candle(
            Symbol,
            interval,
            openTime,
            openTime + interval - TimeSpan.FromMilliseconds(1),
            Open,
            High,
            Low,
            Close,
            Volume,
            QuoteVolume,
            TradeCount,
            TakerBuyVolume,
            TakerBuyQuoteVolume,
            isClosed);
    }
}

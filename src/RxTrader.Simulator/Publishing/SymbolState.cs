using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Simulator.Publishing;

/// <summary>Everything the hub keeps about one symbol: book mirror, bounded history, and its event-driven channels.</summary>
internal sealed class SymbolState
{
    public const int IntervalCount = 16;
    private const int Minute = 1;

    public SymbolState(Symbol symbol, MarketStreamHubOptions options)
    {
        Symbol = symbol;
        Trades = new Ring<Trade>(options.TradeHistory);
        AggregateTrades = new Ring<AggregateTrade>(options.AggregateTradeHistory);
        Klines = new KlineSeries[IntervalCount];
        for (var i = 0; i < IntervalCount; i++)
        {
            Klines[i] = new KlineSeries((KlineInterval)(i + 1), options.KlineHistory);
        }
    }

    public Symbol Symbol { get; }

    public BookMirror Book { get; } = new();

    public Ring<Trade> Trades { get; }

    public Ring<AggregateTrade> AggregateTrades { get; }

    public KlineSeries[] Klines { get; }

    /// <summary>Whether klines exist: from the first trade on.</summary>
    public bool HasKlines => Klines[Minute].HasOpen;

    /// <summary>Feeds a trade to the 1 s and 1 m candles; the longer intervals take each minute as it closes, so a
    /// trade costs two candle updates instead of sixteen.</summary>
    public void AddToKlines(long time, long tradeId, decimal price, decimal quantity, bool isBuyerMaker)
    {
        Klines[0].Add(time, tradeId, price, quantity, isBuyerMaker);
        FoldClosedMinutes(Klines[Minute].Add(time, tradeId, price, quantity, isBuyerMaker));
    }

    /// <summary>Closes every candle that ended before <paramref name="now"/>.</summary>
    public void RollKlines(long now)
    {
        Klines[0].RollTo(now);
        FoldClosedMinutes(Klines[Minute].RollTo(now));
        for (var i = Minute + 1; i < IntervalCount; i++)
        {
            Klines[i].RollTo(now);
        }
    }

    /// <summary>The open candle of <paramref name="interval"/>, including the current minute.</summary>
    public KlineBar CurrentKline(KlineInterval interval)
    {
        var index = (int)interval - 1;
        return index <= Minute ? Klines[index].Current : Klines[index].CurrentWith(Klines[Minute].Current);
    }

    private void FoldClosedMinutes(int closed)
    {
        var minutes = Klines[Minute];
        closed = Math.Min(closed, minutes.ClosedCount);
        for (var k = minutes.ClosedCount - closed; k < minutes.ClosedCount; k++)
        {
            ref readonly var minute = ref minutes.Closed(k);
            for (var i = Minute + 1; i < IntervalCount; i++)
            {
                Klines[i].Merge(minute);
            }
        }
    }

    /// <summary>24 h in one-minute buckets (1440 buckets).</summary>
    public RollingWindow Day { get; } = new(60_000, 1440);

    /// <summary>5 min in one-second buckets (300 buckets).</summary>
    public RollingWindow FiveMinutes { get; } = new(1_000, 300);

    public bool HasTraded { get; set; }

    public decimal LastPrice { get; set; }

    public decimal LastQuantity { get; set; }

    public long LastTradeTime { get; set; }

    public long AggregateTradeId { get; set; }

    /// <summary>The trades of the current operation not yet folded into an aggregate trade.</summary>
    public Trade PendingFirst { get; set; }

    public Trade PendingLast { get; set; }

    public decimal PendingQuantity { get; set; }

    public bool HasPending { get; set; }

    /// <summary>The top of book last published on bookTicker.</summary>
    public (decimal, decimal, decimal, decimal) LastTop { get; set; }

    public StreamChannel? TradeChannel { get; set; }

    public StreamChannel? AggregateTradeChannel { get; set; }

    public StreamChannel? BookTickerChannel { get; set; }

    public StreamChannel?[] DiffDepthChannels { get; } = new StreamChannel?[2];

    /// <summary>The last trade id included in a <c>!miniTicker@arr</c> event.</summary>
    public long LastArrayTradeId { get; set; } = -1;
}

using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Simulator.Publishing;

/// <summary>Everything the hub keeps about one symbol: book mirror, bounded history, and its event-driven channels.</summary>
internal sealed class SymbolState
{
    public const int IntervalCount = 16;

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

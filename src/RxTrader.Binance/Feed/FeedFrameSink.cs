using System.Reactive.Subjects;
using RxTrader.Binance.Wire;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Feed;

/// <summary>
/// Receives decoded payloads on the receive thread, records latency and pushes them into the per-kind subjects,
/// whose only observers are bounded hand-offs (O(1), no subscriber code on this thread).
/// </summary>
internal sealed class FeedFrameSink : IMarketFrameSink, IDisposable
{
    private readonly FeedStatistics _statistics;

    public FeedFrameSink(FeedStatistics statistics)
    {
        _statistics = statistics;
    }

    public Subject<Trade> Trades { get; } = new();

    public Subject<AggregateTrade> AggregateTrades { get; } = new();

    public Subject<Candle> Candles { get; } = new();

    public Subject<MiniTicker> MiniTickers { get; } = new();

    public Subject<Ticker> Tickers { get; } = new();

    public Subject<BookTicker> BookTickers { get; } = new();

    public Subject<DepthSnapshot> DepthSnapshots { get; } = new();

    public Subject<DepthUpdate> DepthUpdates { get; } = new();

    /// <summary>The scheduler time the current frame was received; set before each decode.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Set when the current frame was a <c>serverShutdown</c> notice.</summary>
    public bool ShutdownNotice { get; set; }

    public void OnTrade(in Trade trade)
    {
        Latency(trade.EventTime, trade.TradeTime);
        Trades.OnNext(trade);
    }

    public void OnAggregateTrade(in AggregateTrade trade)
    {
        Latency(trade.EventTime, trade.TradeTime);
        AggregateTrades.OnNext(trade);
    }

    public void OnCandle(in Candle candle) => Candles.OnNext(candle);

    public void OnMiniTicker(in MiniTicker ticker)
    {
        _statistics.EventLatency.Record(ReceivedAt - ticker.EventTime);
        MiniTickers.OnNext(ticker);
    }

    public void OnTicker(in Ticker ticker)
    {
        _statistics.EventLatency.Record(ReceivedAt - ticker.EventTime);
        Tickers.OnNext(ticker);
    }

    public void OnBookTicker(in BookTicker ticker) => BookTickers.OnNext(ticker);

    public void OnDepthSnapshot(in DepthSnapshot snapshot) => DepthSnapshots.OnNext(snapshot);

    public void OnDepthUpdate(in DepthUpdate update)
    {
        _statistics.EventLatency.Record(ReceivedAt - update.EventTime);
        DepthUpdates.OnNext(update);
    }

    /// <summary>The control reply of the current frame, if it was one; reset before each decode.</summary>
    public ControlReply? Reply { get; set; }

    // Replies are counted by the decoder; errors (e.g. an unknown stream name) are counted here too.
    public void OnControlReply(ControlReply reply)
    {
        Reply = reply;
        if (reply.Kind == ControlReplyKind.Error)
        {
            _statistics.AddControlError();
        }
    }

    public void OnServerShutdown(in ServerShutdown notice) => ShutdownNotice = true;

    /// <summary>Completes every stream (feed disposal).</summary>
    public void Complete()
    {
        Trades.OnCompleted();
        AggregateTrades.OnCompleted();
        Candles.OnCompleted();
        MiniTickers.OnCompleted();
        Tickers.OnCompleted();
        BookTickers.OnCompleted();
        DepthSnapshots.OnCompleted();
        DepthUpdates.OnCompleted();
    }

    public void Dispose()
    {
        Trades.Dispose();
        AggregateTrades.Dispose();
        Candles.Dispose();
        MiniTickers.Dispose();
        Tickers.Dispose();
        BookTickers.Dispose();
        DepthSnapshots.Dispose();
        DepthUpdates.Dispose();
    }

    private void Latency(DateTimeOffset eventTime, DateTimeOffset tradeTime)
    {
        _statistics.EventLatency.Record(ReceivedAt - eventTime);
        _statistics.TradeLag.Record(ReceivedAt - tradeTime);
    }
}

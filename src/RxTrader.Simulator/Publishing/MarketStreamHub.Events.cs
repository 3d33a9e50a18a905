using RxTrader.Core.MarketData;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Publishing;

public sealed partial class MarketStreamHub
{
    /// <summary>Takes one engine event; internal so the benchmark can feed events without the engine.</summary>
    internal void OnEngineEvent(ExchangeEvent e)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            switch (e)
            {
                case PublicTradeExecuted trade:
                    OnTrade(trade.Trade);
                    break;
                case DepthChanged depth:
                    OnDepth(depth.Update);
                    break;
                default:
                    break;
            }
        }
    }

    private void OnTrade(in Trade trade)
    {
        var state = GetState(trade.Symbol);
        var time = WireJson.Ms(trade.TradeTime);
        state.Trades.Add(trade);
        (state.HasTraded, state.LastPrice, state.LastQuantity, state.LastTradeTime) = (true, trade.Price, trade.Quantity, time);
        state.AddToKlines(time, trade.TradeId, trade.Price, trade.Quantity, trade.IsBuyerMaker);

        state.Day.Add(time, trade.TradeId, trade.Price, trade.Quantity);
        state.FiveMinutes.Add(time, trade.TradeId, trade.Price, trade.Quantity);

        // One aggregate per run of trades of one operation at one price: same time, same aggressor, consecutive ids.
        if (state.HasPending)
        {
            var last = state.PendingLast;
            if (last.Price != trade.Price || last.IsBuyerMaker != trade.IsBuyerMaker
                || last.TradeTime != trade.TradeTime || last.TradeId + 1 != trade.TradeId)
            {
                FlushAggregate(state);
            }
        }

        if (!state.HasPending)
        {
            (state.HasPending, state.PendingFirst, state.PendingQuantity) = (true, trade, 0m);
        }

        state.PendingLast = trade;
        state.PendingQuantity += trade.Quantity;

        if (state.TradeChannel is { } channel)
        {
            channel.Publish(Encode((Time: NowMs(), Trade: trade), static (w, s) => StreamPayloads.Trade(w, s.Time, s.Trade)));
        }
    }

    private void FlushAggregate(SymbolState state)
    {
        if (!state.HasPending)
        {
            return;
        }

        state.HasPending = false;
        var first = state.PendingFirst;
        var aggregate = new AggregateTrade(first.Symbol, ++state.AggregateTradeId, first.Price, state.PendingQuantity,
            first.TradeId, state.PendingLast.TradeId, first.TradeTime, first.EventTime, first.IsBuyerMaker);
        state.AggregateTrades.Add(aggregate);
        if (state.AggregateTradeChannel is { } channel)
        {
            channel.Publish(Encode((Time: NowMs(), Trade: aggregate),
                static (w, s) => StreamPayloads.AggregateTrade(w, s.Time, s.Trade)));
        }
    }

    private void OnDepth(in DepthUpdate update)
    {
        var state = GetState(update.Symbol);
        FlushAggregate(state); // The depth diff ends the operation that printed the trades.
        if (!state.Book.Apply(update))
        {
            return;
        }

        foreach (var channel in state.DiffDepthChannels)
        {
            if (channel is null)
            {
                continue;
            }

            if (channel.PendingBids!.Count == 0 && channel.PendingAsks!.Count == 0 && channel.FirstUpdateId == 0)
            {
                channel.FirstUpdateId = update.FirstUpdateId;
            }

            channel.LastUpdateId = update.FinalUpdateId;
            foreach (var level in update.Bids)
            {
                channel.PendingBids[level.Price] = level.Quantity;
            }

            foreach (var level in update.Asks)
            {
                channel.PendingAsks![level.Price] = level.Quantity;
            }
        }

        var top = state.Book.Top();
        if (top != state.LastTop)
        {
            state.LastTop = top;
            state.BookTickerChannel?.Publish(Encode(state, static (w, s) => StreamPayloads.BookTicker(w, s)));
        }
    }

    private void OnTick(StreamChannel channel, long now)
    {
        var state = channel.State;
        var stream = channel.Stream;
        switch (stream.Kind)
        {
            case PublicStreamKind.DiffDepth:
                if (channel.FirstUpdateId != 0)
                {
                    channel.Publish(Encode((Time: now, Channel: channel),
                        static (w, s) => StreamPayloads.DiffDepth(w, s.Time, s.Channel.State!.Symbol.Value, s.Channel)));
                    channel.PendingBids!.Clear();
                    channel.PendingAsks!.Clear();
                    channel.FirstUpdateId = 0;
                }

                break;
            case PublicStreamKind.PartialDepth:
                channel.Publish(Encode((Book: state!.Book, stream.Levels),
                    static (w, s) => StreamPayloads.PartialDepth(w, s.Book, s.Levels)));
                break;
            case PublicStreamKind.Kline:
                TickKline(channel, state!, now);
                break;
            case PublicStreamKind.MiniTicker when state!.HasTraded:
                var mini = state.Day.Compute(now);
                channel.Publish(Encode((Time: now, Symbol: state.Symbol.Value, Stats: mini),
                    static (w, s) => StreamPayloads.MiniTicker(w, s.Time, s.Symbol, s.Stats)));
                break;
            case PublicStreamKind.Ticker when state!.HasTraded:
                var stats = state.Day.Compute(now);
                channel.Publish(Encode((Time: now, State: state, Stats: stats),
                    static (w, s) => StreamPayloads.Ticker(w, s.Time, s.State, s.Stats, s.State.Day.WindowMs)));
                break;
            case PublicStreamKind.AveragePrice when state!.HasTraded:
                channel.Publish(Encode((Time: now, State: state, Price: AveragePrice(state, now)),
                    static (w, s) => StreamPayloads.AveragePrice(w, s.Time, s.State, s.Price)));
                break;
            case PublicStreamKind.AllMiniTickers:
                TickAllMiniTickers(channel, now);
                break;
            default:
                break;
        }
    }

    private void TickKline(StreamChannel channel, SymbolState state, long now)
    {
        if (!state.HasKlines)
        {
            return; // No trade yet: nothing to report.
        }

        state.RollKlines(now);
        var series = state.Klines[(int)channel.Stream.Interval - 1];
        if (series.ClosedCount > 0 && series.Closed(series.ClosedCount - 1).OpenTime > channel.LastClosedOpen)
        {
            var closed = series.Closed(series.ClosedCount - 1);
            channel.LastClosedOpen = closed.OpenTime;
            channel.Publish(Encode((Time: now, Symbol: state.Symbol.Value, series.Interval, Bar: closed),
                static (w, s) => StreamPayloads.Kline(w, s.Time, s.Symbol, s.Interval, s.Bar, closed: true)));
        }

        channel.Publish(Encode((Time: now, Symbol: state.Symbol.Value, series.Interval, Bar: state.CurrentKline(series.Interval)),
            static (w, s) => StreamPayloads.Kline(w, s.Time, s.Symbol, s.Interval, s.Bar, closed: false)));
    }

    private void TickAllMiniTickers(StreamChannel channel, long now)
    {
        var changed = 0;
        foreach (var state in _symbols.Values)
        {
            changed += state.HasTraded && state.Trades.Count > 0 && state.Trades[state.Trades.Count - 1].TradeId != state.LastArrayTradeId ? 1 : 0;
        }

        if (changed == 0)
        {
            return;
        }

        channel.Publish(Encode((Hub: this, Time: now), static (w, s) =>
        {
            w.WriteStartArray();
            foreach (var state in s.Hub._symbols.Values)
            {
                if (!state.HasTraded || state.Trades[state.Trades.Count - 1].TradeId == state.LastArrayTradeId)
                {
                    continue;
                }

                state.LastArrayTradeId = state.Trades[state.Trades.Count - 1].TradeId;
                StreamPayloads.MiniTicker(w, s.Time, state.Symbol.Value, state.Day.Compute(s.Time));
            }

            w.WriteEndArray();
        }));
    }

    private static decimal AveragePrice(SymbolState state, long now)
    {
        var window = state.FiveMinutes.Compute(now);
        return window.Volume == 0m ? state.LastPrice : window.QuoteVolume / window.Volume;
    }
}

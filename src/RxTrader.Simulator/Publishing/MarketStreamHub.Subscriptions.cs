using RxTrader.Binance.Wire;

namespace RxTrader.Simulator.Publishing;

public sealed partial class MarketStreamHub
{
    // Called under the gate.
    private StreamChannel Attach(PublicStreamName stream, IObserver<ReadOnlyMemory<byte>> observer)
    {
        if (!_channels.TryGetValue(stream.Name, out var channel))
        {
            var state = stream.Kind == PublicStreamKind.AllMiniTickers ? null : GetState(stream.Symbol);
            channel = new StreamChannel(stream, state);
            _channels.Add(stream.Name, channel);
            Start(channel);
        }

        channel.Add(observer);
        return channel;
    }

    private void Detach(StreamChannel channel, IObserver<ReadOnlyMemory<byte>> observer)
    {
        lock (_gate)
        {
            channel.Remove(observer);
            if (channel.Observers.Length > 0 || !_channels.Remove(channel.Stream.Name))
            {
                return;
            }

            StopTimer(channel);
            var state = channel.State;
            switch (channel.Stream.Kind)
            {
                case PublicStreamKind.Trade:
                    state!.TradeChannel = null;
                    break;
                case PublicStreamKind.AggregateTrade:
                    state!.AggregateTradeChannel = null;
                    break;
                case PublicStreamKind.BookTicker:
                    state!.BookTickerChannel = null;
                    break;
                case PublicStreamKind.DiffDepth:
                    state!.DiffDepthChannels[(int)channel.Stream.Speed] = null;
                    break;
                default:
                    break;
            }
        }
    }

    private void Start(StreamChannel channel)
    {
        var state = channel.State;
        var stream = channel.Stream;
        switch (stream.Kind)
        {
            case PublicStreamKind.Trade:
                state!.TradeChannel = channel;
                return;
            case PublicStreamKind.AggregateTrade:
                state!.AggregateTradeChannel = channel;
                return;
            case PublicStreamKind.BookTicker:
                state!.BookTickerChannel = channel;
                return;
            case PublicStreamKind.DiffDepth:
                state!.DiffDepthChannels[(int)stream.Speed] = channel;
                channel.PendingBids = new SortedList<decimal, decimal>(state.Book.Bids.Comparer);
                channel.PendingAsks = new SortedList<decimal, decimal>();
                channel.PeriodMs = stream.Speed == DepthUpdateSpeed.Every100Ms ? 100 : 1000;
                break;
            case PublicStreamKind.PartialDepth:
                channel.PeriodMs = stream.Speed == DepthUpdateSpeed.Every100Ms ? 100 : 1000;
                break;
            case PublicStreamKind.Kline:
                channel.PeriodMs = stream.Interval == KlineInterval.OneSecond ? 1000 : 2000;
                state!.RollKlines(NowMs());
                var series = state.Klines[(int)stream.Interval - 1];
                if (series.ClosedCount > 0)
                {
                    // Candles closed before the subscription are history, not news.
                    channel.LastClosedOpen = series.Closed(series.ClosedCount - 1).OpenTime;
                }

                break;
            default:
                channel.PeriodMs = 1000;
                break;
        }

        ScheduleTick(channel);
    }

    private static void StopTimer(StreamChannel channel)
    {
        channel.Generation++;
        channel.Timer?.Dispose();
        channel.Timer = null;
    }

    /// <summary>Schedules the next tick at the next multiple of the period, so klines close on their boundary.</summary>
    /// <remarks>Scheduled as a relative delay: Rx's absolute-time path on real schedulers re-queues timers whenever it
    /// thinks the system clock jumped, which a loaded machine triggers; the relative path runs on the scheduler's own
    /// timer.</remarks>
    private void ScheduleTick(StreamChannel channel)
    {
        var now = NowMs();
        var due = ((Math.DivRem(now, channel.PeriodMs, out var rem) + (rem < 0 ? 0 : 1)) * channel.PeriodMs);
        channel.Timer = _scheduler.Schedule(
            (Hub: this, Channel: channel, Generation: channel.Generation),
            TimeSpan.FromMilliseconds(due - now),
            static (_, s) =>
            {
                s.Hub.Tick(s.Channel, s.Generation);
                return System.Reactive.Disposables.Disposable.Empty;
            });
    }

    private void Tick(StreamChannel channel, long generation)
    {
        lock (_gate)
        {
            if (generation != channel.Generation || _disposed)
            {
                return;
            }

            OnTick(channel, NowMs());
            ScheduleTick(channel);
        }
    }
}

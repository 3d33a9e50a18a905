using System.Reactive.Concurrency;
using System.Reactive.Linq;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Candles;

/// <summary>Builds time bars (klines) from trades.</summary>
public static class CandleAggregation
{
    /// <summary>Aggregates trades of any number of symbols into epoch-aligned OHLCV bars, like Binance klines.</summary>
    /// <typeparam name="TTrade">The trade type; value types run without boxing.</typeparam>
    /// <param name="trades">Trades of one or more symbols, in roughly increasing exchange time.</param>
    /// <param name="interval">The bar length: whole milliseconds, at least 1 ms, dividing a day or a whole number of days.</param>
    /// <param name="scheduler">Runs the close timers; its clock is compared with trade (exchange) times.</param>
    /// <param name="options">Close delay, partial updates, empty-interval policy, fill cap, counters; default <see cref="CandleOptions"/>.</param>
    /// <returns>Closed bars (and in-progress bars if <see cref="CandleOptions.EmitPartial"/>), per symbol in time order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trades"/> or <paramref name="scheduler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not a valid bar length.</exception>
    /// <remarks>
    /// <para><b>Bars.</b> A trade at time <c>t</c> belongs to the bar opening at <c>floor(t / interval) * interval</c>
    /// since the Unix epoch; <c>CloseTime = OpenTime + interval - 1 ms</c>. Whole-day intervals are epoch aligned
    /// too (Binance aligns <c>1w</c> to Mondays instead). Open is the price of the earliest trade by time, close the
    /// latest (ties: arrival order); volume is Σ quantity, quote volume Σ price × quantity, taker-buy sums count
    /// trades whose buyer was not the maker. Each symbol has its own bar; one subscription serves any number.</para>
    /// <para><b>OnNext.</b> A trade of the open bar is aggregated, wherever it falls inside the bar. A trade of a later
    /// bar first emits the open bar as closed (the exchange clock says it is over), then the empty intervals between
    /// (see below), then opens its bar. A trade earlier than the open bar (its bar was emitted as closed, or skipped)
    /// is dropped and counted in <see cref="CandleCounters.LateTrades"/>: an emitted closed bar is final. With
    /// <see cref="CandleOptions.EmitPartial"/> every aggregated trade then emits its bar with <c>IsClosed = false</c>.</para>
    /// <para><b>Timer.</b> A bar is also closed on <paramref name="scheduler"/> when its end plus
    /// <see cref="CandleOptions.CloseDelay"/> passes, without waiting for another trade; scheduler time and trade
    /// time are both UTC and compared directly.</para>
    /// <para><b>Empty intervals.</b> No bar precedes a symbol's first trade. Under <see cref="EmptyIntervalPolicy.Flat"/>
    /// (default) every later interval without trades is a flat bar at the previous close with zero volume, emitted
    /// when it closes: one per interval as the scheduler's time passes. When a trade (or a late timer) jumps several
    /// intervals at once, only the last <see cref="CandleOptions.MaxFilledIntervals"/> empty intervals are emitted,
    /// the older ones are counted in <see cref="CandleCounters.SkippedIntervals"/>, so a long silence never causes an
    /// unbounded synchronous burst. Under <see cref="EmptyIntervalPolicy.Skip"/> empty intervals emit nothing.</para>
    /// <para><b>OnCompleted.</b> Each symbol's in-progress bar that has trades is emitted with <c>IsClosed = false</c>
    /// (in the order the symbols first traded), then OnCompleted; an in-progress flat bar is not emitted.</para>
    /// <para><b>OnError.</b> Passed on at once; in-progress bars are dropped and timers cancelled.</para>
    /// <para><b>Disposal.</b> Cancels the timer and the upstream subscription; nothing is emitted afterwards.</para>
    /// <para>Steady state allocates nothing per trade; the timer allocates once per interval.</para>
    /// </remarks>
    public static IObservable<Candle> ToCandles<TTrade>(
        this IObservable<TTrade> trades,
        TimeSpan interval,
        IScheduler scheduler,
        CandleOptions? options = null)
        where TTrade : ITradeTick
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(scheduler);
        CandleTime.Validate(interval);
        var settings = options ?? new CandleOptions();
        return Observable.Create<Candle>(observer =>
            new CandleAggregator<TTrade>(observer, interval, scheduler, settings).Run(trades));
    }
}

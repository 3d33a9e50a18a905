using System.Collections.Immutable;
using Microsoft.Reactive.Testing;
using RxTrader.Binance.Fallback;
using RxTrader.Binance.Rest;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Tests.Fallback;

/// <summary>A fallback source answering synchronously from scripts, recording the virtual time of each call.</summary>
internal sealed class ScriptedFallbackSource(TestScheduler scheduler) : IFallbackMarketDataSource
{
    public int CurrentMinuteWeight { get; set; }

    public bool IsBlocked { get; set; }

    public List<long> KlineCalls { get; } = [];

    public List<long> BookTickerCalls { get; } = [];

    public List<Symbol> Symbols { get; } = [];

    public List<CancellationToken> Tokens { get; } = [];

    public Func<Symbol, long, RestResult<ImmutableArray<Candle>>> Klines { get; set; } =
        static (_, _) => new RestResult<ImmutableArray<Candle>>.Ok([]);

    public Func<Symbol, long, RestResult<BookTicker>> BookTicker { get; set; } =
        static (symbol, time) => new RestResult<BookTicker>.Ok(FallbackData.Book(symbol, time));

    /// <summary>When set, answers book-ticker calls instead of <see cref="BookTicker"/> (e.g. a task completed later).</summary>
    public Func<Symbol, long, Task<RestResult<BookTicker>>>? BookTickerTask { get; set; }

    public Task<RestResult<ImmutableArray<Candle>>> GetKlinesAsync(
        Symbol symbol, string interval, int limit, CancellationToken cancellationToken)
    {
        KlineCalls.Add(scheduler.Clock);
        return Task.FromResult(Klines(symbol, scheduler.Clock));
    }

    public Task<RestResult<BookTicker>> GetBookTickerAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        BookTickerCalls.Add(scheduler.Clock);
        Symbols.Add(symbol);
        Tokens.Add(cancellationToken);
        return BookTickerTask?.Invoke(symbol, scheduler.Clock) ?? Task.FromResult(BookTicker(symbol, scheduler.Clock));
    }
}

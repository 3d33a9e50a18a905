using System.Collections.Immutable;
using RxTrader.Binance.Rest;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Fallback;

/// <summary>What a <see cref="MarketDataFallback"/> polls: candles and top of book over REST, and the weight in use.</summary>
/// <remarks><see cref="BinanceRestFallbackSource"/> adapts <see cref="BinanceRestClient"/>. Expected failures are
/// results, not exceptions; an exception or a faulted task is counted as <see cref="FallbackStatistics.PollsFaulted"/>.</remarks>
public interface IFallbackMarketDataSource
{
    /// <summary>The request weight counted as used in the current one-minute window.</summary>
    int CurrentMinuteWeight { get; }

    /// <summary>Whether requests are refused now (after a 429/418).</summary>
    bool IsBlocked { get; }

    /// <summary>Reads the latest candles, oldest first (weight 2).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="interval">The interval code, e.g. <c>1m</c>.</param>
    /// <param name="limit">The most candles.</param>
    /// <param name="cancellationToken">Cancelled when polling stops.</param>
    /// <returns>The candles, as a result.</returns>
    Task<RestResult<ImmutableArray<Candle>>> GetKlinesAsync(Symbol symbol, string interval, int limit, CancellationToken cancellationToken);

    /// <summary>Reads the best bid and ask (weight 2).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Cancelled when polling stops.</param>
    /// <returns>The top of book, as a result.</returns>
    Task<RestResult<BookTicker>> GetBookTickerAsync(Symbol symbol, CancellationToken cancellationToken);
}

using System.Collections.Immutable;
using RxTrader.Binance.Rest;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Fallback;

/// <summary>An <see cref="IFallbackMarketDataSource"/> over a <see cref="BinanceRestClient"/> (not owned: not disposed).</summary>
public sealed class BinanceRestFallbackSource : IFallbackMarketDataSource
{
    private readonly BinanceRestClient _client;

    /// <summary>Creates the adapter.</summary>
    /// <param name="client">The REST client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public BinanceRestFallbackSource(BinanceRestClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc/>
    public int CurrentMinuteWeight => _client.Weight.CurrentMinuteWeight;

    /// <inheritdoc/>
    public bool IsBlocked => _client.BlockedUntil is not null;

    /// <inheritdoc/>
    public Task<RestResult<ImmutableArray<Candle>>> GetKlinesAsync(
        Symbol symbol, string interval, int limit, CancellationToken cancellationToken) =>
        _client.GetKlinesAsync(symbol, interval, limit, cancellationToken: cancellationToken);

    /// <inheritdoc/>
    public Task<RestResult<BookTicker>> GetBookTickerAsync(Symbol symbol, CancellationToken cancellationToken) =>
        _client.GetBookTickerAsync(symbol, cancellationToken);
}

using System.Collections.Immutable;
using System.Globalization;
using System.Reactive;
using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Rest;

/// <summary>The public market-data endpoints (binance-wire §2.3). Weights are the documented ones.</summary>
public sealed partial class BinanceRestClient
{
    /// <summary>Tests connectivity (<c>GET /api/v3/ping</c>, weight 1).</summary>
    /// <param name="cancellationToken">Cancels the call; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>Ok with <see cref="Unit.Default"/> when the exchange answered <c>{}</c>.</returns>
    public Task<RestResult<Unit>> PingAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v3/ping", 1, static (body, _) =>
        {
            WireJson.Object(body, "ping");
            return Unit.Default;
        }, cancellationToken);

    /// <summary>Reads the exchange time (<c>GET /api/v3/time</c>, weight 1) and updates <see cref="Clock"/>.</summary>
    /// <param name="cancellationToken">Cancels the call; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The exchange time.</returns>
    public Task<RestResult<DateTimeOffset>> GetServerTimeAsync(CancellationToken cancellationToken = default)
    {
        var sentAt = _time.GetUtcNow();
        return GetAsync("api/v3/time", 1, (body, receivedAt) =>
        {
            var serverTime = WireJson.Time(WireJson.Object(body, "time")["serverTime"], "serverTime");
            Clock.Update(serverTime, sentAt, receivedAt);
            return serverTime;
        }, cancellationToken);
    }

    /// <summary>Reads the trading rules (<c>GET /api/v3/exchangeInfo</c>, weight 20).</summary>
    /// <param name="symbols">The symbols to describe; null or empty for all.</param>
    /// <param name="cancellationToken">Cancels the call; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The rate limits and the symbols with their filters.</returns>
    public Task<RestResult<ExchangeInfo>> GetExchangeInfoAsync(
        IReadOnlyCollection<Symbol>? symbols = null, CancellationToken cancellationToken = default)
    {
        var query = symbols switch
        {
            null or { Count: 0 } => string.Empty,
            { Count: 1 } => "?symbol=" + symbols.First().Value,
            _ => "?symbols=" + Uri.EscapeDataString("[" + string.Join(',', symbols.Select(s => $"\"{s.Value}\"")) + "]"),
        };
        return GetAsync("api/v3/exchangeInfo" + query, 20, static (body, _) => ExchangeInfoMapper.Map(body), cancellationToken);
    }

    /// <summary>Reads an order-book snapshot (<c>GET /api/v3/depth</c>, weight 5/25/50/250 by limit).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="limit">Levels per side, 1 to 5000.</param>
    /// <param name="cancellationToken">Cancels the call; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The snapshot, bids and asks best first.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 5000.</exception>
    public Task<RestResult<DepthSnapshot>> GetDepthAsync(Symbol symbol, int limit = 100, CancellationToken cancellationToken = default)
    {
        RequireSymbol(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 5000);
        var weight = limit switch { <= 100 => 5, <= 500 => 25, <= 1000 => 50, _ => 250 };
        return GetAsync(
            string.Create(CultureInfo.InvariantCulture, $"api/v3/depth?symbol={symbol.Value}&limit={limit}"),
            weight,
            (body, _) => DepthMapper.Map(body, symbol),
            cancellationToken);
    }

    /// <summary>Reads candles (<c>GET /api/v3/klines</c>, weight 2), oldest first.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="interval">A fixed-length interval code: <c>1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w</c>.</param>
    /// <param name="limit">The most candles, 1 to 1000; null for the exchange default (500).</param>
    /// <param name="startTime">The earliest open time; null for none.</param>
    /// <param name="endTime">The latest open time; null for none.</param>
    /// <param name="cancellationToken">Cancels the call; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The candles. A candle is closed when its close time is before the estimated exchange time
    /// (<see cref="ServerClock.Now"/>) at the answer; the last one is usually still open.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is default or <paramref name="interval"/> unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to 1000.</exception>
    public Task<RestResult<ImmutableArray<Candle>>> GetKlinesAsync(
        Symbol symbol,
        string interval,
        int? limit = null,
        DateTimeOffset? startTime = null,
        DateTimeOffset? endTime = null,
        CancellationToken cancellationToken = default)
    {
        RequireSymbol(symbol);
        ArgumentNullException.ThrowIfNull(interval);
        // A Candle needs a fixed length, so the calendar month (1M) is refused like an unknown code.
        if (!KlineIntervals.TryParse(interval.AsSpan(), out var code) || !code.TryGetDuration(out var length))
        {
            throw new ArgumentException($"Unknown or variable-length kline interval '{interval}'.", nameof(interval));
        }
        if (limit is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(l, 1, nameof(limit));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(l, 1000, nameof(limit));
        }

        var query = string.Create(CultureInfo.InvariantCulture, $"api/v3/klines?symbol={symbol.Value}&interval={interval}")
            + (limit is { } n ? string.Create(CultureInfo.InvariantCulture, $"&limit={n}") : string.Empty)
            + (startTime is { } s ? string.Create(CultureInfo.InvariantCulture, $"&startTime={s.ToUnixTimeMilliseconds()}") : string.Empty)
            + (endTime is { } e ? string.Create(CultureInfo.InvariantCulture, $"&endTime={e.ToUnixTimeMilliseconds()}") : string.Empty);
        return GetAsync(query, 2, (body, _) => KlineMapper.Map(body, symbol, length, Clock.Now), cancellationToken);
    }

    /// <summary>Reads the best bid and ask (<c>GET /api/v3/ticker/bookTicker</c>, weight 2).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Cancels the call; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The top of book. The REST answer has no update id: <see cref="BookTicker.UpdateId"/> is 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is default.</exception>
    public Task<RestResult<BookTicker>> GetBookTickerAsync(Symbol symbol, CancellationToken cancellationToken = default)
    {
        RequireSymbol(symbol);
        return GetAsync("api/v3/ticker/bookTicker?symbol=" + symbol.Value, 2, static (body, _) => BookTickerMapper.Map(body), cancellationToken);
    }

    /// <summary>Reads the rolling 24-hour statistics (<c>GET /api/v3/ticker/24hr</c>, weight 2).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Cancels the call; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The statistics, as the <c>@ticker</c> stream gives them; the event time is the window's close time.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is default.</exception>
    public Task<RestResult<Ticker>> GetTickerAsync(Symbol symbol, CancellationToken cancellationToken = default)
    {
        RequireSymbol(symbol);
        return GetAsync("api/v3/ticker/24hr?symbol=" + symbol.Value, 2, static (body, _) => TickerMapper.Map(body), cancellationToken);
    }

    private static void RequireSymbol(Symbol symbol, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(symbol))] string? name = null)
    {
        if (symbol.IsDefault)
        {
            throw new ArgumentException("A symbol is required.", name);
        }
    }
}

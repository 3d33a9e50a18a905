using System.Globalization;
using Newtonsoft.Json.Linq;
using RxTrader.Binance.Rest;
using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Binance.Execution;

/// <summary>Cancel and the read-only calls: one signed request each (plus one after a <c>-1021</c> resync).</summary>
public sealed partial class BinanceExecutionVenue
{
    /// <inheritdoc />
    /// <remarks><c>DELETE /api/v3/order?origClientOrderId=</c>. The cancelled order is published on
    /// <see cref="OrderUpdates"/>. A cancel whose outcome is unknown is answered <c>Unknown</c> (cancels are safe to
    /// repeat: a second one is rejected with <c>-2011</c>).</remarks>
    public async Task<VenueOutcome<Order>> CancelAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        RequireOrder(symbol, clientOrderId);
        var result = await SignedAsync(
            HttpMethod.Delete, "api/v3/order", $"symbol={symbol.Value}&origClientOrderId={clientOrderId.Value}", 1,
            static (body, _) => Guard(() => OrderMapper.Order(body, "cancel")), cancellationToken).ConfigureAwait(false);
        return Outcome(result, publish: true);
    }

    /// <inheritdoc />
    /// <remarks><c>GET /api/v3/order?origClientOrderId=</c> (weight 4). The order is published on
    /// <see cref="OrderUpdates"/> when it is news.</remarks>
    public async Task<VenueOutcome<Order>> GetOrderAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        RequireOrder(symbol, clientOrderId);
        return Outcome(await QueryOrderAsync(symbol, clientOrderId, cancellationToken).ConfigureAwait(false), publish: true);
    }

    /// <inheritdoc />
    /// <remarks><c>GET /api/v3/openOrders</c> (weight 6 for one symbol, 80 for all).</remarks>
    public async Task<VenueOutcome<IReadOnlyList<Order>>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var result = await OpenOrdersAsync(symbol, cancellationToken).ConfigureAwait(false);
        return Outcome(result);
    }

    /// <inheritdoc />
    /// <remarks><c>GET /api/v3/myTrades?symbol=&amp;orderId=</c> (weight 5). The trades carry no client order id: it
    /// comes from the venue's memory, or from one <c>GET /api/v3/order?orderId=</c>.</remarks>
    public async Task<VenueOutcome<IReadOnlyList<Fill>>> GetFillsAsync(Symbol symbol, long exchangeOrderId, CancellationToken cancellationToken = default)
    {
        RequireSymbol(symbol);
        ArgumentOutOfRangeException.ThrowIfNegative(exchangeOrderId);
        ClientOrderId clientOrderId;
        if (_tracker.FindByExchangeId(exchangeOrderId) is { } known)
        {
            clientOrderId = known;
        }
        else
        {
            var order = await SignedAsync(
                HttpMethod.Get, "api/v3/order", string.Create(CultureInfo.InvariantCulture, $"symbol={symbol.Value}&orderId={exchangeOrderId}"), 4,
                static (body, _) => Guard(() => OrderMapper.Order(body, "order")), cancellationToken).ConfigureAwait(false);
            if (order is not RestResult<Order>.Ok found)
            {
                return Outcome(Retype<Order, IReadOnlyList<Fill>>(order));
            }

            clientOrderId = found.Value.ClientOrderId;
        }

        return Outcome(await TradesAsync(symbol, exchangeOrderId, clientOrderId, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <remarks><c>GET /api/v3/account</c> (weight 20); assets with zero free and locked are left out.</remarks>
    public async Task<VenueOutcome<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        var result = await SignedAsync(
            HttpMethod.Get, "api/v3/account", string.Empty, 20,
            static (body, _) => Guard(() => OrderMapper.Balances(body)), cancellationToken).ConfigureAwait(false);
        return Outcome(result);
    }

    private Task<RestResult<Order>> QueryOrderAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        SignedAsync(
            HttpMethod.Get, "api/v3/order", $"symbol={symbol.Value}&origClientOrderId={clientOrderId.Value}", 4,
            static (body, _) => Guard(() => OrderMapper.Order(body, "order")), cancellationToken);

    private Task<RestResult<IReadOnlyList<Order>>> OpenOrdersAsync(Symbol? symbol, CancellationToken cancellationToken) =>
        SignedAsync(
            HttpMethod.Get, "api/v3/openOrders", symbol is { } s ? "symbol=" + s.Value : string.Empty, symbol is null ? 80 : 6,
            static (body, _) => Guard<IReadOnlyList<Order>>(() => [.. WireJson.Array(body, "openOrders").Select((o, i) => OrderMapper.Order(o, $"openOrders[{i}]"))]),
            cancellationToken);

    private Task<RestResult<IReadOnlyList<Fill>>> TradesAsync(Symbol symbol, long exchangeOrderId, ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        SignedAsync(
            HttpMethod.Get, "api/v3/myTrades", string.Create(CultureInfo.InvariantCulture, $"symbol={symbol.Value}&orderId={exchangeOrderId}"), 5,
            (body, _) => Guard<IReadOnlyList<Fill>>(() => [.. WireJson.Array(body, "myTrades").Select((t, i) => OrderMapper.Trade(t, clientOrderId, i))]),
            cancellationToken);

    /// <summary>One signed request, sent once more after a <c>-1021</c> and a clock resync.</summary>
    private async Task<RestResult<T>> SignedAsync<T>(
        HttpMethod method, string path, string parameters, int weight, Func<JToken, DateTimeOffset, T> map, CancellationToken cancellationToken)
    {
        for (var resynced = false; ; resynced = true)
        {
            var result = await Rest.SendSignedAsync(
                method, path, parameters, _signer, Rest.Clock.Now.ToUnixTimeMilliseconds(), RecvWindowMs, weight, null, map, cancellationToken)
                .ConfigureAwait(false);
            if (resynced || result is not RestResult<T>.Rejected { Code: VenueErrorCodes.TimestampOutsideRecvWindow })
            {
                return result;
            }

            Statistics.AddClockResync();
            await SyncTimeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private VenueOutcome<Order> Outcome(RestResult<Order> result, bool publish)
    {
        if (publish && result is RestResult<Order>.Ok ok)
        {
            Publish(ok.Value, null);
        }

        return Outcome<Order>(result);
    }

    private static VenueOutcome<T> Outcome<T>(RestResult<T> result) => result switch
    {
        RestResult<T>.Ok ok => new VenueOutcome<T>.Accepted(ok.Value),
        RestResult<T>.Rejected rejected => new VenueOutcome<T>.Rejected(rejected.Code ?? 0, rejected.Message),
        RestResult<T>.RateLimited limited => new VenueOutcome<T>.Rejected(
            limited.Code ?? VenueErrorCodes.TooManyRequests, $"{limited.Message} (retry after {limited.RetryAt:O})"),
        RestResult<T>.Malformed malformed => new VenueOutcome<T>.Unknown(malformed.Message),
        RestResult<T>.Unknown unknown => new VenueOutcome<T>.Unknown(unknown.Message),
        _ => new VenueOutcome<T>.Unknown($"Unexpected result {result.GetType().Name}."),
    };

    private static RestResult<TOut> Retype<TIn, TOut>(RestResult<TIn> result) => result switch
    {
        RestResult<TIn>.Rejected r => new RestResult<TOut>.Rejected(r.HttpStatus, r.Code, r.Message),
        RestResult<TIn>.RateLimited l => new RestResult<TOut>.RateLimited(l.Reason, l.RetryAt, l.Code, l.Message),
        RestResult<TIn>.Malformed m => new RestResult<TOut>.Malformed(m.HttpStatus, m.Message),
        RestResult<TIn>.Unknown u => new RestResult<TOut>.Unknown(u.Reason, u.Message),
        _ => new RestResult<TOut>.Unknown(UnknownReason.Transport, "Unexpected result."),
    };

    private static void RequireOrder(Symbol symbol, ClientOrderId clientOrderId)
    {
        RequireSymbol(symbol);
        if (clientOrderId.IsDefault)
        {
            throw new ArgumentException("A client order id is required.", nameof(clientOrderId));
        }
    }

    private static void RequireSymbol(Symbol symbol)
    {
        if (symbol.IsDefault)
        {
            throw new ArgumentException("A symbol is required.", nameof(symbol));
        }
    }
}

using System.Globalization;
using System.Text;
using RxTrader.Binance.Rest;
using RxTrader.Core.Orders;

namespace RxTrader.Binance.Execution;

/// <summary>Placement and the resolution of unknown outcomes (README: "Outcome resolution").</summary>
public sealed partial class BinanceExecutionVenue
{
    /// <summary>Binance's code for a request that could not be read (used for requests refused before sending).</summary>
    private const int MalformedRequest = -1102;

    /// <summary>Binance's "unknown error" code, for an order proven not placed after its resends.</summary>
    private const int UnknownError = -1000;

    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private readonly Lock _inFlightGate = new();

    private long RecvWindowMs => (long)_options.RecvWindow.TotalMilliseconds;

    /// <inheritdoc />
    /// <remarks>
    /// <para>Sends <c>POST /api/v3/order</c> with <c>newOrderRespType=FULL</c> and the request's client order id.
    /// A <c>-1021</c> resyncs the clock and sends once more (safe: <c>-1021</c> means not placed).</para>
    /// <para>Outcomes: the answer → <c>Accepted</c> (fills published on <see cref="OrderUpdates"/>); a 4xx →
    /// <c>Rejected</c> with Binance's code; a 429/418 answer or the client-side limiter → <c>Rejected(-1003)</c>, not
    /// placed; a timeout, 5xx, dropped connection or unreadable answer → resolved by
    /// <c>GET /api/v3/order?origClientOrderId=</c> BEFORE anything is sent again: found → <c>Accepted</c>; not found once
    /// <c>timestamp + recvWindow</c> has passed on the exchange clock → sent again with the same client order id (at most
    /// <see cref="BinanceVenueOptions.MaxResends"/> times, then <c>Rejected</c> saying it was not placed);
    /// unresolved after <see cref="BinanceVenueOptions.MaxResolveAttempts"/> queries → <c>Unknown</c>.</para>
    /// <para>An invalid request is <c>Rejected(-1102)</c> without sending; a second submit of a client order id whose
    /// first submit is still in progress is <c>Rejected(-2010)</c> without sending.</para>
    /// </remarks>
    public async Task<VenueOutcome<Order>> PlaceAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Validate() is { } problem)
        {
            return new VenueOutcome<Order>.Rejected(MalformedRequest, problem);
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            return new VenueOutcome<Order>.Rejected(0, "Not sent: the venue is disposed.");
        }

        var id = request.ClientOrderId.Value;
        lock (_inFlightGate)
        {
            if (!_inFlight.Add(id))
            {
                return new VenueOutcome<Order>.Rejected(
                    VenueErrorCodes.NewOrderRejected, $"Not sent: a submit of client order id {id} is already in progress.");
            }
        }

        try
        {
            return await PlaceCoreAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_inFlightGate)
            {
                _inFlight.Remove(id);
            }
        }
    }

    private async Task<VenueOutcome<Order>> PlaceCoreAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        var parameters = NewOrderParameters(request);
        var firstSend = _scheduler.Now;
        for (var resend = 0; ; resend++)
        {
            var submit = await SubmitAsync(parameters, cancellationToken).ConfigureAwait(false);
            if (submit.Placed is { } placed)
            {
                return Accept(placed.Order, placed.Fills, firstSend);
            }

            if (submit.Refused is { } refused)
            {
                return refused;
            }

            Statistics.AddUnknownSubmit();
            var resolution = await ResolveAsync(request, submit.Deadline, cancellationToken).ConfigureAwait(false);
            switch (resolution)
            {
                case { Found: { } found }:
                    Statistics.AddResolvedFound();
                    return Accept(found, [], firstSend);
                case { NotPlaced: false }:
                    Statistics.AddUnresolved();
                    return new VenueOutcome<Order>.Unknown(
                        $"{submit.Uncertainty}; still unresolved after {_options.MaxResolveAttempts} queries by client order id ({resolution.LastProblem}).");
                default:
                    Statistics.AddResolvedNotPlaced();
                    break;
            }

            if (resend >= _options.MaxResends)
            {
                return new VenueOutcome<Order>.Rejected(
                    UnknownError, $"Not placed (proven by query after {submit.Uncertainty}); no resends left.");
            }

            Statistics.AddResend();
            await Task.Delay(_options.ResolveBackoff.BaseDelay(resend + 1), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One submit, plus one more after a <c>-1021</c> and a clock resync.</summary>
    private async Task<SubmitOutcome> SubmitAsync(string parameters, CancellationToken cancellationToken)
    {
        for (var resynced = false; ; resynced = true)
        {
            if (Rest.BlockedUntil is null && _limiter.TryAdmit(1, out var retryAt) is { } refusal)
            {
                Statistics.AddRefusedLocally();
                return SubmitOutcome.Refuse(VenueErrorCodes.TooManyRequests, $"{refusal} Retry after {retryAt:O}.");
            }

            var timestamp = Rest.Clock.Now.ToUnixTimeMilliseconds();
            var deadline = DateTimeOffset.FromUnixTimeMilliseconds(timestamp) + _options.RecvWindow;
            Statistics.AddSubmit();
            var result = await Rest.SendSignedAsync(
                HttpMethod.Post, "api/v3/order", parameters, _signer, timestamp, RecvWindowMs, 1, _limiter.Observe,
                static (body, _) => Guard(() =>
                {
                    var order = OrderMapper.Order(body, "order");
                    return new Placement(order, OrderMapper.PlacementFills(body, order));
                }),
                cancellationToken).ConfigureAwait(false);
            switch (result)
            {
                case RestResult<Placement>.Ok ok:
                    return new SubmitOutcome(ok.Value, null, null, deadline);
                case RestResult<Placement>.Rejected { Code: VenueErrorCodes.TimestampOutsideRecvWindow } when !resynced:
                    Statistics.AddClockResync();
                    await SyncTimeAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                case RestResult<Placement>.Rejected rejected:
                    return SubmitOutcome.Refuse(rejected.Code ?? 0, rejected.Message);
                case RestResult<Placement>.RateLimited limited:
                    // Not sent (local block or budget), or answered 429/418: Binance does not place such an order.
                    if (limited.Reason is RateLimitReason.Blocked or RateLimitReason.WeightBudget)
                    {
                        Statistics.AddRefusedLocally();
                    }

                    return SubmitOutcome.Refuse(limited.Code ?? VenueErrorCodes.TooManyRequests, $"{limited.Message} (not placed; retry after {limited.RetryAt:O})");
                case RestResult<Placement>.Malformed malformed:
                    return new SubmitOutcome(null, null, malformed.Message, deadline);
                case RestResult<Placement>.Unknown unknown:
                    return new SubmitOutcome(null, null, unknown.Message, deadline);
                default:
                    return new SubmitOutcome(null, null, $"Unexpected result {result.GetType().Name}", deadline);
            }
        }
    }

    /// <summary>
    /// Resolves a submit whose outcome is unknown by querying its client order id. "Not found" is trusted only when
    /// the query was sent after <paramref name="deadline"/> (the original's <c>timestamp + recvWindow</c>, past which
    /// the exchange refuses it) plus the clock margin; before that, the resolver waits until then and asks again.
    /// </summary>
    private async Task<Resolution> ResolveAsync(OrderRequest request, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var problem = "no query sent";
        var waited = false;
        for (var attempt = 1; attempt <= _options.MaxResolveAttempts; attempt++)
        {
            var safeAfter = deadline + _options.ClockMargin + ((Rest.Clock.RoundTrip ?? TimeSpan.Zero) / 2);
            var sentAt = Rest.Clock.Now;
            var query = await QueryOrderAsync(request.Symbol, request.ClientOrderId, cancellationToken).ConfigureAwait(false);
            switch (query)
            {
                case RestResult<Order>.Ok found:
                    return new Resolution(found.Value, false, problem);
                case RestResult<Order>.Rejected { Code: VenueErrorCodes.NoSuchOrder } when sentAt > safeAfter:
                    return new Resolution(null, true, problem);
                case RestResult<Order>.Rejected { Code: VenueErrorCodes.NoSuchOrder }:
                    // The original could still arrive: wait until it cannot, then ask again (once, not an attempt).
                    problem = "not found before the original request expired";
                    var wait = safeAfter - Rest.Clock.Now + TimeSpan.FromMilliseconds(1);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    }

                    if (!waited)
                    {
                        waited = true;
                        attempt--;
                    }

                    continue;
                case RestResult<Order>.RateLimited limited:
                    problem = limited.Message;
                    var untilUnblocked = limited.RetryAt - _scheduler.Now;
                    var backoff = _options.ResolveBackoff.BaseDelay(attempt);
                    await Task.Delay(untilUnblocked > backoff ? untilUnblocked : backoff, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                default:
                    problem = Describe(query);
                    await Task.Delay(_options.ResolveBackoff.BaseDelay(attempt), _time, cancellationToken).ConfigureAwait(false);
                    continue;
            }
        }

        return new Resolution(null, false, problem);
    }

    private VenueOutcome<Order> Accept(Order order, IReadOnlyList<Fill> fills, DateTimeOffset firstSend)
    {
        foreach (var fill in fills)
        {
            Publish(order, fill);
        }

        Publish(order, null);
        _tracker.Placed(order, firstSend, _scheduler.Now);
        return new VenueOutcome<Order>.Accepted(order);
    }

    private static string NewOrderParameters(OrderRequest request)
    {
        var builder = new StringBuilder(160)
            .Append("symbol=").Append(request.Symbol.Value)
            .Append("&side=").Append(request.Side == Core.Side.Buy ? "BUY" : "SELL")
            .Append("&type=").Append(OrderMapper.Wire(request.Type));
        if (request.TimeInForce is { } tif)
        {
            builder.Append("&timeInForce=").Append(OrderMapper.Wire(tif));
        }

        if (request.QuoteQuantity is { } quote)
        {
            builder.Append("&quoteOrderQty=").Append(Number(quote));
        }
        else
        {
            builder.Append("&quantity=").Append(Number(request.Quantity));
        }

        if (request.Price is { } price)
        {
            builder.Append("&price=").Append(Number(price));
        }

        return builder.Append("&newClientOrderId=").Append(request.ClientOrderId.Value)
            .Append("&newOrderRespType=FULL").ToString();
    }

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Turns mapping problems other than the wire readers' into <see cref="FormatException"/> (a malformed answer).</summary>
    private static T Guard<T>(Func<T> map)
    {
        try
        {
            return map();
        }
        catch (Exception e) when (e is OverflowException or ArgumentException or InvalidCastException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static string Describe<T>(RestResult<T> result) => result switch
    {
        RestResult<T>.Rejected r => $"rejected {r.Code}: {r.Message}",
        RestResult<T>.Malformed m => m.Message,
        RestResult<T>.Unknown u => u.Message,
        RestResult<T>.RateLimited l => l.Message,
        _ => result.GetType().Name,
    };

    /// <summary>A placement answer: the order and its immediate fills.</summary>
    private sealed record Placement(Order Order, IReadOnlyList<Fill> Fills);

    /// <summary>One submit's result: placed, refused (not placed), or uncertain with the deadline of the request.</summary>
    private sealed record SubmitOutcome(Placement? Placed, VenueOutcome<Order>? Refused, string? Uncertainty, DateTimeOffset Deadline)
    {
        public static SubmitOutcome Refuse(int code, string message) =>
            new(null, new VenueOutcome<Order>.Rejected(code, message), null, default);
    }

    /// <summary>What the queries found: the order, proof it was not placed, or neither.</summary>
    private sealed record Resolution(Order? Found, bool NotPlaced, string LastProblem);
}

using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RxTrader.Binance.Rest;

/// <summary>The request pipeline: local limits, timeout, transport errors, status mapping, body mapping.</summary>
public sealed partial class BinanceRestClient
{
    /// <summary>Sends a GET, retrying 429 answers up to <see cref="BinanceRestOptions.MaxRateLimitRetries"/> times
    /// (GETs are idempotent).</summary>
    private async Task<RestResult<T>> GetAsync<T>(
        string pathAndQuery, int weight, Func<JToken, DateTimeOffset, T> map, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await SendOnceAsync(pathAndQuery, weight, map, cancellationToken).ConfigureAwait(false);
            if (result is not RestResult<T>.RateLimited { Reason: RateLimitReason.TooManyRequests } limited
                || attempt > Options.MaxRateLimitRetries)
            {
                return result;
            }

            var untilUnblocked = limited.RetryAt - _time.GetUtcNow();
            var backoff = Options.RateLimitBackoff.BaseDelay(attempt);
            await Task.Delay(backoff > untilUnblocked ? backoff : untilUnblocked, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt. <paramref name="map"/> gets the parsed body and the local receive time.</summary>
    private Task<RestResult<T>> SendOnceAsync<T>(
        string pathAndQuery, int weight, Func<JToken, DateTimeOffset, T> map, CancellationToken cancellationToken) =>
        ExchangeAsync(
            "GET /" + pathAndQuery,
            weight,
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(Options.BaseAddress, pathAndQuery)),
            null,
            map,
            cancellationToken);

    /// <summary>
    /// Sends one request under the local checks (a ban in force, the weight budget) and the total timeout; the answer
    /// is interpreted, and transport trouble (timeout, connection, a client disposed meanwhile) is <c>Unknown</c>.
    /// </summary>
    /// <param name="what">The method and route, for messages (never the parameters: they may carry a signature).</param>
    /// <param name="weight">The request's documented weight.</param>
    /// <param name="createRequest">Builds the request (called once, inside the timeout).</param>
    /// <param name="observe">Reads the answer's headers beyond the weight (order counts), or null.</param>
    /// <param name="map">Maps a successful body.</param>
    /// <param name="cancellationToken">The caller's cancellation (throws).</param>
    private async Task<RestResult<T>> ExchangeAsync<T>(
        string what,
        int weight,
        Func<HttpRequestMessage> createRequest,
        Action<HttpResponseHeaders>? observe,
        Func<JToken, DateTimeOffset, T> map,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (BlockedUntil is { } blockedUntil)
        {
            return new RestResult<T>.RateLimited(
                RateLimitReason.Blocked, blockedUntil, null, $"Not sent: rate-limited by the exchange until {blockedUntil:O}.");
        }

        if (!Weight.TryReserve(weight, Options.WeightBudgetPerMinute, out var nextWindow))
        {
            return new RestResult<T>.RateLimited(
                RateLimitReason.WeightBudget,
                nextWindow,
                null,
                $"Not sent: weight {weight} would exceed the budget of {Options.WeightBudgetPerMinute} per minute.");
        }

        // One shared timer for every request's timeout; a linked source only when the caller can cancel.
        var timeout = _deadlines.Start();
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token) : null;
        var token = linked?.Token ?? timeout.Token;
        try
        {
            using var request = createRequest();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token)
                .ConfigureAwait(false);
            Weight.Observe(response.Headers);
            observe?.Invoke(response.Headers);
            var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            return Interpret(what, response, body, map);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: our total timeout, or one inside the handler (its connect timeout).
            return timeout.IsExpired
                ? new RestResult<T>.Unknown(UnknownReason.Timeout, $"{what}: no answer within {Options.RequestTimeout}.")
                : new RestResult<T>.Unknown(UnknownReason.Transport, $"{what}: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return new RestResult<T>.Unknown(UnknownReason.Transport, $"{what}: {e.HttpRequestError}: {e.Message}");
        }
        catch (IOException e)
        {
            return new RestResult<T>.Unknown(UnknownReason.Transport, $"{what}: {e.Message}");
        }
        catch (ObjectDisposedException e)
        {
            // The client was disposed while the request ran (an owner shutting down): no answer.
            return new RestResult<T>.Unknown(UnknownReason.Transport, $"{what}: {e.Message}");
        }
        finally
        {
            _deadlines.Complete(timeout);
        }
    }

    private RestResult<T> Interpret<T>(
        string what, HttpResponseMessage response, string body, Func<JToken, DateTimeOffset, T> map)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            try
            {
                return new RestResult<T>.Ok(map(WireJson.Parse(body), _time.GetUtcNow()));
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                return new RestResult<T>.Malformed(status, $"Malformed answer to {what}: {e.Message}");
            }
        }

        var isBinanceError = ErrorBody.TryParse(body, out var code, out var message);
        int? binanceCode = isBinanceError ? code : null;
        var text = isBinanceError ? message : $"HTTP {status} {response.ReasonPhrase}: {ErrorBody.Excerpt(body)}";
        if (response.StatusCode is HttpStatusCode.TooManyRequests or (HttpStatusCode)418)
        {
            var until = Block(response);
            var reason = status == 418 ? RateLimitReason.IpBanned : RateLimitReason.TooManyRequests;
            return new RestResult<T>.RateLimited(reason, until, binanceCode, text);
        }

        return status >= 500
            ? new RestResult<T>.Unknown(UnknownReason.ServerError, $"{what}: HTTP {status}: {(isBinanceError ? $"{code} {message}" : text)}")
            : new RestResult<T>.Rejected(status, binanceCode, text);
    }

    /// <summary>Blocks requests until <c>Retry-After</c> has passed (never shortening an existing block).</summary>
    private DateTimeOffset Block(HttpResponseMessage response)
    {
        var now = _time.GetUtcNow();
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => Options.DefaultRetryAfter,
        };
        var until = (now + (retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.Zero)).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _blockedUntilTicks);
        }
        while (until > current && Interlocked.CompareExchange(ref _blockedUntilTicks, until, current) != current);

        return new DateTimeOffset(Math.Max(until, current), TimeSpan.Zero);
    }
}

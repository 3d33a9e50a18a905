using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace RxTrader.Binance.Rest;

/// <summary>Signed (TRADE / USER_DATA) and API-key-only (USER_STREAM) requests: one attempt each, never retried here.</summary>
public sealed partial class BinanceRestClient
{
    /// <summary>
    /// Sends one SIGNED request: <paramref name="parameters"/> plus <c>recvWindow</c> and <c>timestamp</c>, signed
    /// with HMAC-SHA256 over the query string followed by the body. POST and PUT carry the parameters as a form body,
    /// GET and DELETE in the query. Never retried: the caller decides (an order must be resolved first).
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path, e.g. <c>api/v3/order</c>.</param>
    /// <param name="parameters">The encoded parameters <c>a=1&amp;b=2</c> (may be empty).</param>
    /// <param name="signer">The credentials.</param>
    /// <param name="timestampMs">The <c>timestamp</c> (exchange-clock Unix ms) to sign the request with.</param>
    /// <param name="recvWindowMs">The <c>recvWindow</c> in ms.</param>
    /// <param name="weight">The request's documented weight, for the local budget.</param>
    /// <param name="observe">Reads the answer's headers (order counts), or null.</param>
    /// <param name="map">Maps a successful body.</param>
    /// <param name="cancellationToken">The caller's cancellation (throws).</param>
    internal Task<RestResult<T>> SendSignedAsync<T>(
        HttpMethod method,
        string path,
        string parameters,
        RequestSigner signer,
        long timestampMs,
        long recvWindowMs,
        int weight,
        Action<HttpResponseHeaders>? observe,
        Func<JToken, DateTimeOffset, T> map,
        CancellationToken cancellationToken)
    {
        var total = (parameters.Length > 0 ? parameters + "&" : string.Empty)
            + string.Create(CultureInfo.InvariantCulture, $"recvWindow={recvWindowMs}&timestamp={timestampMs}");
        var signed = total + "&signature=" + signer.Sign(total);
        var inBody = method == HttpMethod.Post || method == HttpMethod.Put;
        return SendWithKeyAsync(method, path, inBody ? string.Empty : signed, inBody ? signed : null, signer.ApiKey, weight, observe, map, cancellationToken);
    }

    /// <summary>Sends one request that needs the API key but no signature (USER_STREAM: listenKey routes).</summary>
    internal Task<RestResult<T>> SendWithApiKeyAsync<T>(
        HttpMethod method, string path, string query, string apiKey, int weight, Func<JToken, DateTimeOffset, T> map, CancellationToken cancellationToken) =>
        SendWithKeyAsync(method, path, query, null, apiKey, weight, null, map, cancellationToken);

    private async Task<RestResult<T>> SendWithKeyAsync<T>(
        HttpMethod method,
        string path,
        string query,
        string? body,
        string apiKey,
        int weight,
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

        // The description names the route only: parameters (and the signature) stay out of messages and logs.
        var what = $"{method} /{path}";
        // One shared timer for every request's timeout; a linked source only when the caller can cancel.
        var timeout = _deadlines.Start();
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token) : null;
        var token = linked?.Token ?? timeout.Token;
        try
        {
            var uri = new Uri(Options.BaseAddress, query.Length > 0 ? path + "?" + query : path);
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", apiKey);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token)
                .ConfigureAwait(false);
            Weight.Observe(response.Headers);
            observe?.Invoke(response.Headers);
            var text = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            return Interpret(what, response, text, map);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
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
}

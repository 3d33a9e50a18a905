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

    private Task<RestResult<T>> SendWithKeyAsync<T>(
        HttpMethod method,
        string path,
        string query,
        string? body,
        string apiKey,
        int weight,
        Action<HttpResponseHeaders>? observe,
        Func<JToken, DateTimeOffset, T> map,
        CancellationToken cancellationToken) =>
        ExchangeAsync(
            $"{method} /{path}",
            weight,
            () =>
            {
                var request = new HttpRequestMessage(method, new Uri(Options.BaseAddress, query.Length > 0 ? path + "?" + query : path));
                request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", apiKey);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
                }

                return request;
            },
            observe,
            map,
            cancellationToken);
}

using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RxTrader.Simulator.UserData;

/// <summary>
/// Runs the WebSocket-API methods that mirror a REST endpoint (<c>order.place</c> → <c>POST /api/v3/order</c>, …)
/// through that endpoint's own request delegate on an in-memory request, so both APIs share one implementation:
/// validation, weights, errors and response shapes.
/// </summary>
/// <remarks>The route table is read on first use (every route group is mapped by then).</remarks>
internal sealed class WebSocketApiRestBridge(IEndpointRouteBuilder routes)
{
    /// <summary>The bridged methods: REST method, path and whether the method is SIGNED.</summary>
    public static readonly FrozenDictionary<string, (string Method, string Path, bool Signed)> Methods =
        new Dictionary<string, (string, string, bool)>(StringComparer.Ordinal)
        {
            ["order.place"] = ("POST", "/api/v3/order", true),
            ["order.test"] = ("POST", "/api/v3/order/test", true),
            ["order.status"] = ("GET", "/api/v3/order", true),
            ["order.cancel"] = ("DELETE", "/api/v3/order", true),
            ["openOrders.status"] = ("GET", "/api/v3/openOrders", true),
            ["openOrders.cancelAll"] = ("DELETE", "/api/v3/openOrders", true),
            ["allOrders"] = ("GET", "/api/v3/allOrders", true),
            ["myTrades"] = ("GET", "/api/v3/myTrades", true),
            ["account.status"] = ("GET", "/api/v3/account", true),
            ["account.rateLimits.orders"] = ("GET", "/api/v3/rateLimit/order", true),
            ["exchangeInfo"] = ("GET", "/api/v3/exchangeInfo", false),
            ["depth"] = ("GET", "/api/v3/depth", false),
            ["trades.recent"] = ("GET", "/api/v3/trades", false),
            ["klines"] = ("GET", "/api/v3/klines", false),
            ["avgPrice"] = ("GET", "/api/v3/avgPrice", false),
            ["ticker.24hr"] = ("GET", "/api/v3/ticker/24hr", false),
            ["ticker.price"] = ("GET", "/api/v3/ticker/price", false),
            ["ticker.book"] = ("GET", "/api/v3/ticker/bookTicker", false),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private FrozenDictionary<string, RequestDelegate>? _delegates;

    /// <summary>Runs <paramref name="method"/> <paramref name="path"/> with <paramref name="query"/> (already
    /// encoded, signed when the route is) as <paramref name="apiKey"/> from <paramref name="caller"/>'s address.</summary>
    /// <returns>The HTTP status and the JSON body, or null when the route does not exist.</returns>
    public async Task<(int Status, byte[] Body)?> InvokeAsync(string method, string path, string query, string? apiKey, HttpContext caller)
    {
        if (!Delegates().TryGetValue(method + " " + path, out var run))
        {
            return null;
        }

        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.QueryString = query.Length == 0 ? QueryString.Empty : new QueryString("?" + query);
        if (apiKey is not null)
        {
            http.Request.Headers["X-MBX-APIKEY"] = apiKey;
        }

        http.Connection.RemoteIpAddress = caller.Connection.RemoteIpAddress;
        using var body = new MemoryStream();
        http.Response.Body = body;
        await run(http).ConfigureAwait(false);
        return (http.Response.StatusCode, body.ToArray());
    }

    private FrozenDictionary<string, RequestDelegate> Delegates() =>
        _delegates ??= routes.DataSources
            .SelectMany(static d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(static e => e.RequestDelegate is not null && e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .SelectMany(static e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(m => (Key: m + " " + e.RoutePattern.RawText, Run: e.RequestDelegate!)))
            .DistinctBy(static x => x.Key)
            .ToFrozenDictionary(static x => x.Key, static x => x.Run, StringComparer.Ordinal);
}

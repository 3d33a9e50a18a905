using Microsoft.AspNetCore.Http;

namespace RxTrader.Binance.Tests.Infrastructure;

/// <summary>One scripted HTTP answer: status, body (sent as JSON) and extra headers.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The body, sent verbatim with <c>Content-Type: application/json;charset=UTF-8</c>.</param>
/// <param name="Headers">Extra response headers, e.g. <c>Retry-After</c>.</param>
public sealed record CannedResponse(int StatusCode, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A 200 answer with the given JSON.</summary>
    public static CannedResponse Json(string body, params (string Name, string Value)[] headers) =>
        new(200, body, headers.ToDictionary(h => h.Name, h => h.Value));

    /// <summary>An answer with the given status and JSON.</summary>
    public static CannedResponse Status(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));

    /// <summary>Writes the answer.</summary>
    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(Body);
    }
}

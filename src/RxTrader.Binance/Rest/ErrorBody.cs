using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RxTrader.Binance.Rest;

/// <summary>Reads the Binance error body <c>{"code": -1121, "msg": "Invalid symbol."}</c>.</summary>
internal static class ErrorBody
{
    /// <summary>Tries to read the body as a Binance error.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="code">The error code.</param>
    /// <param name="message">The error message.</param>
    /// <returns>Whether the body had both fields.</returns>
    public static bool TryParse(string body, out int code, out string message)
    {
        code = 0;
        message = string.Empty;
        try
        {
            if (WireJson.Parse(body) is JObject { } o && o["code"] is JValue { Value: long c } && o["msg"] is JValue { Value: string m })
            {
                code = (int)Math.Clamp(c, int.MinValue, int.MaxValue);
                message = m;
                return true;
            }
        }
        catch (JsonException)
        {
        }
        catch (FormatException)
        {
        }

        return false;
    }

    /// <summary>A short printable excerpt of a body that is not a Binance error (a WAF page, a proxy error).</summary>
    public static string Excerpt(string body)
    {
        var trimmed = body.Trim();
        return trimmed.Length == 0 ? "(empty body)" : trimmed.Length <= 200 ? trimmed : trimmed[..200] + "…";
    }
}

using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Rest;

/// <summary>Writes REST responses: JSON bodies with an exact length, Binance error bodies, limit headers.</summary>
internal static class RestResponse
{
    public const string JsonContentType = "application/json;charset=UTF-8";

    /// <summary>Writes <c>{"code":..,"msg":..}</c> into <paramref name="buffer"/>.</summary>
    public static void WriteError(JsonBuffer buffer, ExchangeError error)
    {
        var w = buffer.Writer;
        w.WriteStartObject();
        w.WriteNumber("code"u8, error.Code);
        w.WriteString("msg"u8, error.Message);
        w.WriteEndObject();
    }

    /// <summary>Copies the buffer to the response with <paramref name="status"/> and flushes.</summary>
    public static ValueTask<FlushResult> Send(HttpContext http, int status, JsonBuffer buffer)
    {
        var body = buffer.Written;
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        var pipe = response.BodyWriter;
        pipe.Write(body); // copies segment by segment: any size
        return pipe.FlushAsync(http.RequestAborted);
    }

    /// <summary>Answers an error outside an endpoint (unknown route, barrier), with the caller's used weight.</summary>
    public static async Task WriteErrorAsync(HttpContext http, SimulatorContext context, int status, ExchangeError error)
    {
        var used = context.Limits.UsedWeight(ClientIp(http), context.NowMs);
        SetWeightHeaders(http, used);
        var buffer = JsonBuffer.Rent();
        WriteError(buffer, error);
        await Send(http, status, buffer).ConfigureAwait(false);
    }

    public static void SetWeightHeaders(HttpContext http, int used)
    {
        var text = used.ToString(CultureInfo.InvariantCulture);
        var headers = http.Response.Headers;
        headers["X-MBX-USED-WEIGHT-1M"] = text;
        headers["X-MBX-USED-WEIGHT"] = text;
    }

    public static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

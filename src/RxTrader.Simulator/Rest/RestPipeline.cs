using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using RxTrader.Simulator.Faults;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Rest;

/// <summary>
/// Runs a <see cref="RestEndpoint"/>: reads the body, parses parameters, charges the weight (429/418 when over),
/// refuses duplicates (<c>-1101</c>) and unknown parameters (<c>-1104</c>), authenticates signed routes, runs
/// the handler and writes its answer with the weight headers.
/// </summary>
/// <remarks>Everything after the body read is synchronous and lock-free here; only the engine's own gate is taken,
/// never across I/O.</remarks>
internal static class RestPipeline
{
    private static readonly string[] SignedParameters = ["timestamp", "recvWindow", "signature"];

    /// <summary>Maps <paramref name="endpoint"/> on <paramref name="endpoints"/>.</summary>
    public static void Map(this IEndpointRouteBuilder endpoints, SimulatorContext context, RestEndpoint endpoint) =>
        endpoints.MapMethods(endpoint.Path, [endpoint.Method], http => RunAsync(http, context, endpoint));

    public static Task RunAsync(HttpContext http, SimulatorContext context, RestEndpoint endpoint)
    {
        var canHaveBody = http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
        return canHaveBody ? RunWithBodyAsync(http, context, endpoint) : Process(http, context, endpoint, string.Empty).AsTask();
    }

    private static async Task RunWithBodyAsync(HttpContext http, SimulatorContext context, RestEndpoint endpoint)
    {
        var max = context.Options.MaxRequestBodySize;
        if (http.Request.ContentLength > max)
        {
            await RestResponse.WriteErrorAsync(http, context, 413, ErrorBarrier.BodyTooLarge).ConfigureAwait(false);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(max + 1, 4096));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > max)
                    {
                        break;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await http.Request.Body.ReadAsync(buffer.AsMemory(length), http.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length > max)
            {
                await RestResponse.WriteErrorAsync(http, context, 413, ErrorBarrier.BodyTooLarge).ConfigureAwait(false);
                return;
            }

            var body = length == 0 ? string.Empty : Encoding.UTF8.GetString(buffer, 0, length);
            await Process(http, context, endpoint, body).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ValueTask Process(HttpContext http, SimulatorContext context, RestEndpoint endpoint, string body)
    {
        var query = http.Request.QueryString.Value;
        var parameters = RestParameters.Parse(string.IsNullOrEmpty(query) ? string.Empty : query[1..], body);
        var nowMs = context.NowMs;
        var buffer = JsonBuffer.Rent();
        var call = new RestCall(http, context, parameters, nowMs, buffer);

        var ip = RestResponse.ClientIp(http);
        var verdict = context.Limits.Charge(ip, endpoint.Weight(parameters), nowMs, out var used, out var retryAfterMs);
        verdict = context.Faults.Throttle(ip, nowMs, verdict, ref retryAfterMs);
        RestResponse.SetWeightHeaders(http, used);
        if (verdict != RateLimitVerdict.Allowed)
        {
            LimitBreached(call, verdict, retryAfterMs);
        }
        else if (parameters.Error is { } parseError)
        {
            call.Fail(parseError);
        }
        else if (UnreadParameters(parameters, endpoint) is { } unread)
        {
            call.Fail(unread);
        }
        else if (!endpoint.Signed || RequestAuthenticator.Authenticate(call))
        {
            endpoint.Handler(call);
        }

        if (call.Aborted)
        {
            return default;
        }

        if (call.Hold is { } hold && call.Error is null)
        {
            return new ValueTask(AnswerWhenDueAsync(http, context, hold));
        }

        if (call.Error is { } error)
        {
            buffer = JsonBuffer.Rent(); // drop anything the handler wrote before failing
            RestResponse.WriteError(buffer, error);
        }

        var flush = RestResponse.Send(http, call.Status, buffer);
        return flush.IsCompletedSuccessfully ? default : new ValueTask(flush.AsTask());
    }

    /// <summary>A withheld answer (timeout fault): 503 <c>-1007</c> when due, nothing when the client gave up.</summary>
    private static async Task AnswerWhenDueAsync(HttpContext http, SimulatorContext context, FaultHold hold)
    {
        if (!await context.Faults.HoldAsync(hold, http.RequestAborted).ConfigureAwait(false))
        {
            return;
        }

        var buffer = JsonBuffer.Rent();
        RestResponse.WriteError(buffer, FaultErrors.Timeout);
        await RestResponse.Send(http, 503, buffer).ConfigureAwait(false);
    }

    /// <summary>Answers a breached limit with 429 (or 418 when banned), <c>Retry-After</c> and <c>-1003</c>.</summary>
    public static void LimitBreached(RestCall call, RateLimitVerdict verdict, long retryAfterMs)
    {
        SetRetryAfter(call.Http, retryAfterMs);
        var limits = call.Simulator.Limits.Limits;
        switch (verdict)
        {
            case RateLimitVerdict.Banned:
                call.Fail(new ExchangeError(-1003, $"Way too much request weight used; IP banned until {call.NowMs + retryAfterMs}. Please use WebSocket Streams for live updates to avoid bans."), 418);
                break;
            case RateLimitVerdict.TooManyRequests:
                call.Fail(new ExchangeError(-1003, $"Too many requests; current limit is {limits.RawRequestsPer5Minutes} requests per 5 MINUTE."), 429);
                break;
            default:
                call.Fail(new ExchangeError(-1003, $"Too much request weight used; current limit is {limits.RequestWeightPerMinute} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."), 429);
                break;
        }
    }

    public static void SetRetryAfter(HttpContext http, long retryAfterMs) =>
        http.Response.Headers.RetryAfter = Math.Max(1, (retryAfterMs + 999) / 1000).ToString(CultureInfo.InvariantCulture);

    private static ExchangeError? UnreadParameters(RestParameters parameters, RestEndpoint endpoint)
    {
        var read = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            var name = parameters.NameAt(i);
            if (Array.IndexOf(endpoint.Parameters, name) >= 0 || (endpoint.Signed && Array.IndexOf(SignedParameters, name) >= 0))
            {
                read++;
            }
        }

        return read == parameters.Count
            ? null
            : new ExchangeError(-1104, $"Not all sent parameters were read; read '{read}' parameter(s) but was sent '{parameters.Count}'.");
    }
}

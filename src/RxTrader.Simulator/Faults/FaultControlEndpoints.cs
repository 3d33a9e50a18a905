using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Rest;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Faults;

/// <summary>
/// The HTTP control of the <see cref="FaultInjector"/>: <c>GET /sim/faults</c> (active faults and counters) and
/// <c>POST /sim/faults/&lt;name&gt;</c> (parameters in the query, a JSON object or a form body). Outside
/// <c>/api/</c>, no authentication (the server binds loopback only), never charged to the rate limits and never
/// affected by the faults. Bad requests answer 400 (unknown fault: 404) with a Binance-shaped body.
/// </summary>
internal static class FaultControlEndpoints
{
    public const string Root = "/sim/faults";

    private static readonly string[] ConnectionParameters = ["kind", "count"];

    private static readonly Dictionary<string, Func<FaultInjector, FaultParameters, int?>> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["drop"] = static (f, p) => Connections(p, (kind, count) => f.Drop(kind, count)),
        ["stall"] = static (f, p) => Connections(p, (kind, count) => f.Stall(kind, count)),
        ["unstall"] = static (f, p) => Connections(p, (kind, count) => f.Unstall(kind, count)),
        ["malformed"] = static (f, p) =>
        {
            p.Only("kind", "count", "frame");
            var frame = p.Enum<MalformedFrame>("frame") ?? MalformedFrame.InvalidJson;
            return Connections(p, (kind, count) => f.SendMalformedFrame(frame, kind, count), checkNames: false);
        },
        ["delay"] = static (f, p) =>
        {
            p.Only("kind", "count", "delayMs");
            var delay = p.Milliseconds("delayMs", 0);
            if (delay is null && p.Error is null)
            {
                p.Fail(ExchangeErrors.MandatoryParameter("delayMs"));
            }

            return Connections(p, (kind, count) => f.DelayFrames(delay!.Value, kind, count), checkNames: false);
        },
        ["shutdown"] = static (f, p) => Connections(p, (kind, count) => f.ServerShutdown(kind, count)),
        ["skip-depth"] = static (f, p) => DepthFault(p, (events, count) => f.SkipDepthEvents(events, count)),
        ["duplicate-depth"] = static (f, p) => DepthFault(p, (events, count) => f.DuplicateDepthEvents(events, count)),
        ["reorder-depth"] = static (f, p) =>
        {
            p.Only("count");
            var count = p.Int("count", 1);
            int? affected = null;
            _ = Run(p, () => affected = f.ReorderDepthEvents(count));
            return affected;
        },
        ["fail-orders"] = static (f, p) =>
        {
            p.Only("count", "error");
            var count = p.Int("count", 0) ?? 1;
            var failure = p.Enum<OrderFailure>("error") ?? OrderFailure.Disconnected;
            return Run(p, () => f.FailNextOrders(count, failure));
        },
        ["timeout-orders"] = static (f, p) =>
        {
            p.Only("count", "answerAfterMs");
            var count = p.Int("count", 0) ?? 1;
            var after = p.Milliseconds("answerAfterMs", 0);
            return Run(p, () => f.TimeOutNextOrders(count, after));
        },
        ["drop-orders"] = static (f, p) =>
        {
            p.Only("count", "afterPlacing");
            var count = p.Int("count", 0) ?? 1;
            var afterPlacing = p.Bool("afterPlacing") ?? false;
            return Run(p, () => f.DropNextOrders(count, afterPlacing));
        },
        ["rate-limit-storm"] = static (f, p) =>
        {
            p.Only("requests", "durationMs", "retryAfterMs");
            var requests = p.Int("requests", 1);
            var duration = p.Milliseconds("durationMs", 1);
            var retryAfter = p.Milliseconds("retryAfterMs", 1);
            return Run(p, () => f.StartRateLimitStorm(requests, duration, retryAfter));
        },
        ["clock-skew"] = static (f, p) =>
        {
            p.Only("offsetMs");
            var offset = p.Milliseconds("offsetMs", long.MinValue);
            if (offset is null && p.Error is null)
            {
                p.Fail(ExchangeErrors.MandatoryParameter("offsetMs"));
            }

            return Run(p, () => f.SetClockSkew(offset!.Value));
        },
        ["reset"] = static (f, p) =>
        {
            p.Only();
            return Run(p, f.Reset);
        },
    };

    public static void MapFaultControl(this IEndpointRouteBuilder endpoints, SimulatorContext context)
    {
        endpoints.MapGet(Root, http => SendAsync(http, 200, w => WriteState(w, context.Faults.State)));
        endpoints.MapPost(Root + "/{name}", http => CommandAsync(http, context.Faults));
    }

    private static async Task CommandAsync(HttpContext http, FaultInjector faults)
    {
        var name = http.Request.RouteValues["name"] as string ?? string.Empty;
        if (!Commands.TryGetValue(name, out var command))
        {
            var error = new ExchangeError(-1020, $"Unknown fault '{name}'; one of: {string.Join(", ", Commands.Keys)}.");
            await SendAsync(http, 404, w => Error(w, error)).ConfigureAwait(false);
            return;
        }

        var parameters = await FaultParameters.ReadAsync(http.Request).ConfigureAwait(false);
        var affected = parameters.Error is null ? command(faults, parameters) : null;
        if (parameters.Error is { } failed)
        {
            await SendAsync(http, 400, w => Error(w, failed)).ConfigureAwait(false);
            return;
        }

        var state = faults.State;
        await SendAsync(http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("fault"u8, name.ToLowerInvariant());
            if (affected is { } n)
            {
                w.WriteNumber("connections"u8, n);
            }

            w.WritePropertyName("state"u8);
            WriteState(w, state);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static int? Connections(FaultParameters p, Func<ConnectionKind?, int?, int> act, bool checkNames = true)
    {
        if (checkNames)
        {
            p.Only(ConnectionParameters);
        }

        var kind = p.Enum<ConnectionKind>("kind");
        var count = p.Int("count", 1);
        int? affected = null;
        _ = Run(p, () => affected = act(kind, count));
        return affected;
    }

    /// <summary>A depth fault: <c>events</c> per connection (default 1) on at most <c>count</c> market-stream connections.</summary>
    private static int? DepthFault(FaultParameters p, Func<int, int?, int> act)
    {
        p.Only("events", "count");
        var events = p.Int("events", 1) ?? 1;
        var count = p.Int("count", 1);
        int? affected = null;
        _ = Run(p, () => affected = act(events, count));
        return affected;
    }

    /// <summary>Runs <paramref name="act"/> unless reading failed; the injector's argument checks become <c>-1130</c>.</summary>
    private static int? Run(FaultParameters p, Action act)
    {
        if (p.Error is not null)
        {
            return null;
        }

        try
        {
            act();
        }
        catch (ArgumentException e)
        {
            p.Fail(new ExchangeError(-1130, e.Message));
        }

        return null;
    }

    private static async Task SendAsync(HttpContext http, int status, Action<Utf8JsonWriter> write)
    {
        // Rented and written synchronously, then copied into the response: no await in between.
        var buffer = JsonBuffer.Rent();
        write(buffer.Writer);
        await RestResponse.Send(http, status, buffer).ConfigureAwait(false);
    }

    private static void Error(Utf8JsonWriter w, ExchangeError error)
    {
        w.WriteStartObject();
        w.WriteNumber("code"u8, error.Code);
        w.WriteString("msg"u8, error.Message);
        w.WriteEndObject();
    }

    private static void WriteState(Utf8JsonWriter w, FaultState s)
    {
        w.WriteStartObject();
        w.WriteNumber("clockSkewMs"u8, (long)s.ClockSkew.TotalMilliseconds);
        w.WriteNumber("pendingOrderFailures"u8, s.PendingOrderFailures);
        w.WriteString("orderFailure"u8, Camel(s.OrderFailure.ToString()));
        w.WriteNumber("pendingOrderTimeouts"u8, s.PendingOrderTimeouts);
        if (s.TimeoutAnswerAfter is { } after)
        {
            w.WriteNumber("timeoutAnswerAfterMs"u8, (long)after.TotalMilliseconds);
        }
        else
        {
            w.WriteNull("timeoutAnswerAfterMs"u8);
        }

        w.WriteNumber("heldResponses"u8, s.HeldResponses);
        w.WriteNumber("pendingOrderDrops"u8, s.PendingOrderDrops);
        w.WriteBoolean("dropAfterPlacing"u8, s.DropAfterPlacing);
        w.WriteBoolean("rateLimitStorm"u8, s.RateLimitStormActive);
        WriteNullable(w, "stormRemainingRequests"u8, s.StormRemainingRequests);
        WriteNullable(w, "stormEndsAt"u8, s.StormEndsAt?.ToUnixTimeMilliseconds());
        w.WriteNumber("stalledConnections"u8, s.StalledConnections);
        w.WriteNumber("delayedConnections"u8, s.DelayedConnections);
        w.WriteNumber("openConnections"u8, s.OpenConnections);
        var c = s.Counters;
        w.WritePropertyName("counters"u8);
        w.WriteStartObject();
        w.WriteNumber("faultsInjected"u8, c.FaultsInjected);
        w.WriteNumber("connectionsDropped"u8, c.ConnectionsDropped);
        w.WriteNumber("connectionsStalled"u8, c.ConnectionsStalled);
        w.WriteNumber("malformedFramesSent"u8, c.MalformedFramesSent);
        w.WriteNumber("connectionsDelayed"u8, c.ConnectionsDelayed);
        w.WriteNumber("connectionsShutDown"u8, c.ConnectionsShutDown);
        w.WriteNumber("depthFaultsArmed"u8, c.DepthFaultsArmed);
        w.WriteNumber("ordersFailed"u8, c.OrdersFailed);
        w.WriteNumber("ordersTimedOut"u8, c.OrdersTimedOut);
        w.WriteNumber("requestsThrottled"u8, c.RequestsThrottled);
        w.WriteNumber("requestsBanned"u8, c.RequestsBanned);
        w.WriteNumber("ordersDropped"u8, c.OrdersDropped);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Rest;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.UserData;

/// <summary>
/// The user data stream routes: the listenKey REST endpoints (<c>POST/PUT/DELETE /api/v3/userDataStream</c>, API key
/// only, weight 2), the legacy stream <c>/ws/&lt;listenKey&gt;</c> and the WebSocket API <c>/ws-api/v3</c>.
/// </summary>
/// <remarks>A <c>/ws/&lt;key&gt;</c> whose key does not exist (or no longer exists) is accepted and closed at once
/// with 1008 (policy violation) and the reason <c>This listenKey does not exist.</c>: a client learns of the bad key
/// instead of waiting on a silent stream.</remarks>
internal static class UserDataEndpoints
{
    public static readonly ExchangeError UnknownListenKey = new(-1125, "This listenKey does not exist.");

    public static void MapUserData(this IEndpointRouteBuilder endpoints, SimulatorContext context)
    {
        const string path = "/api/v3/userDataStream";
        endpoints.Map(context, new("POST", path, false, [], static _ => 2, static call =>
        {
            if (ApiKeyAccount(call) is not { } account)
            {
                return;
            }

            var key = call.Simulator.UserData.CreateListenKey(account);
            call.Json.WriteStartObject();
            call.Json.WriteString("listenKey"u8, key);
            call.Json.WriteEndObject();
        }));
        endpoints.Map(context, new("PUT", path, false, ["listenKey"], static _ => 2, static call =>
            OnKey(call, static (hub, account, key) => hub.KeepAlive(account, key))));
        endpoints.Map(context, new("DELETE", path, false, ["listenKey"], static _ => 2, static call =>
            OnKey(call, static (hub, account, key) => hub.DeleteListenKey(account, key))));

        endpoints.MapGet("/ws/{listenKey:length(60)}", http => RunListenKeyStreamAsync(http, context));
        var bridge = new WebSocketApiRestBridge(endpoints);
        endpoints.MapGet("/ws-api/v3", http => WebSocketApiSession.RunAsync(http, context, bridge));
    }

    /// <summary>The USER_STREAM security: a known <c>X-MBX-APIKEY</c>, no signature.</summary>
    internal static string? ApiKeyAccount(RestCall call)
    {
        var key = call.Http.Request.Headers["X-MBX-APIKEY"];
        if (key.Count != 1 || string.IsNullOrEmpty(key[0]))
        {
            call.Fail(RequestAuthenticator.BadKeyFormat, 401);
            return null;
        }

        if (call.Simulator.SecretOf(key[0]!) is null)
        {
            call.Fail(ExchangeErrors.InvalidApiKey, 401);
            return null;
        }

        return key[0];
    }

    internal static WebSocketSessionOptions SessionOptions(UserDataOptions options, int? maxInboundPerSecond) => new()
    {
        PingInterval = options.PingInterval,
        MaxLifetime = options.MaxConnectionLifetime,
        MaxInboundMessagesPerSecond = maxInboundPerSecond,
    };

    private static void OnKey(RestCall call, Func<UserDataHub, string, string, bool> action)
    {
        if (ApiKeyAccount(call) is not { } account)
        {
            return;
        }

        ExchangeError? error = null;
        var key = call.Parameters.Required("listenKey", ref error);
        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        if (!action(call.Simulator.UserData, account, key))
        {
            call.Fail(UnknownListenKey);
            return;
        }

        call.Json.WriteStartObject();
        call.Json.WriteEndObject();
    }

    private static async Task RunListenKeyStreamAsync(HttpContext http, SimulatorContext context)
    {
        var hub = context.UserData;
        var socket = await SimulatorWebSocket.AcceptAsync(http, SessionOptions(hub.Options, 5), context.Scheduler).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        using var registration = context.Sockets.Register(socket, SocketKind.UserData);
        var key = (string)http.Request.RouteValues["listenKey"]!;
        var stream = hub.AttachStream(key, socket);
        if (stream is null)
        {
            socket.Close(WebSocketCloseStatus.PolicyViolation, UnknownListenKey.Message);
        }

        try
        {
            // Clients send nothing on a user stream; anything they do send is ignored.
            await socket.RunAsync(static _ => default).ConfigureAwait(false);
        }
        finally
        {
            if (stream is not null)
            {
                hub.DetachStream(stream);
            }
        }
    }
}

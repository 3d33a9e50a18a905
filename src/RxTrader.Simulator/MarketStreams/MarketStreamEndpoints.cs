using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Rest;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>The public market-stream WebSocket routes: <c>/ws</c>, <c>/ws/&lt;name&gt;[/&lt;name&gt;...]</c> (raw) and
/// <c>/stream?streams=a/b/c</c> (combined), binance-wire §1.1.</summary>
/// <remarks>
/// <para>Names in the URL that are not streams of this server (ccxt's <c>/ws/0</c>) are ignored: the connection starts
/// with no stream. <c>/ws/{**names}</c> is a catch-all, so the more specific <c>/ws/{listenKey:length(60)}</c> of the
/// user-data group wins when present.</para>
/// <para>Not simulated: <c>timeUnit=MICROSECOND</c>. <c>timeUnit=MILLISECOND</c> (any case) is accepted; any other
/// value is refused before the upgrade with HTTP 400 <c>-1100</c>, rather than sending milliseconds to a client that
/// asked for microseconds.</para>
/// <para>A request that is not a WebSocket upgrade gets HTTP 400 <c>-1020</c>; a URL naming more streams than
/// <see cref="MarketStreamOptions.MaxStreamsPerConnection"/> gets HTTP 400 <c>-1101</c>; other methods get 405.</para>
/// </remarks>
internal static class MarketStreamEndpoints
{
    public static readonly ExchangeError NotWebSocket = new(-1020, "This operation is not supported: connect with a WebSocket upgrade.");
    public static readonly ExchangeError MicrosecondsUnsupported = new(-1100, "Illegal characters found in parameter 'timeUnit'; the simulator supports only MILLISECOND.");
    public static readonly ExchangeError TooManyStreams = new(-1101, "Too many streams requested on one connection.");

    public static void MapMarketStreams(this IEndpointRouteBuilder endpoints, SimulatorContext context)
    {
        endpoints.MapGet("/ws/{**names}", (HttpContext http) => AcceptAsync(http, context, http.Request.RouteValues["names"] as string, combined: false));
        endpoints.MapGet("/stream", (HttpContext http) => AcceptAsync(http, context, http.Request.Query["streams"].ToString(), combined: true));
    }

    private static async Task AcceptAsync(HttpContext http, SimulatorContext context, string? names, bool combined)
    {
        var options = context.Options.Streams;
        if (!SimulatorWebSocket.IsWebSocketRequest(http))
        {
            await RestResponse.WriteErrorAsync(http, context, StatusCodes.Status400BadRequest, NotWebSocket).ConfigureAwait(false);
            return;
        }

        var timeUnit = http.Request.Query["timeUnit"].ToString();
        if (timeUnit.Length > 0 && !timeUnit.Equals("MILLISECOND", StringComparison.OrdinalIgnoreCase))
        {
            await RestResponse.WriteErrorAsync(http, context, StatusCodes.Status400BadRequest, MicrosecondsUnsupported).ConfigureAwait(false);
            return;
        }

        var streams = new List<ResolvedStream>();
        foreach (var name in (names ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ResolvedStream.TryResolve(context.Hub, name, options.EnableFirehose, out var stream) && !streams.Exists(s => s.Key == stream.Key))
            {
                streams.Add(stream);
            }
        }

        if (streams.Count > options.MaxStreamsPerConnection)
        {
            await RestResponse.WriteErrorAsync(http, context, StatusCodes.Status400BadRequest, TooManyStreams).ConfigureAwait(false);
            return;
        }

        var socket = await SimulatorWebSocket.AcceptAsync(http, SessionOptions(options), context.Scheduler).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        using var session = new MarketStreamSession(socket, context, options, combined);
        socket.LifetimeExpiring = session.AnnounceShutdown;
        using var registration = context.Sockets.Register(socket, SocketKind.MarketStream, session.AnnounceShutdown);

        // The URL's streams are live before the session is visible, so whoever finds it (faults, tests) sees them.
        session.SubscribeInitial(streams);
        context.StreamSessions.Add(session);
        try
        {
            await socket.RunAsync(session.OnTextAsync).ConfigureAwait(false);
        }
        finally
        {
            context.StreamSessions.Remove(session);
        }
    }

    private static WebSocketSessionOptions SessionOptions(MarketStreamOptions options) => new()
    {
        PingInterval = options.PingInterval,
        PongTimeout = options.PongTimeout,
        MaxLifetime = options.Lifetime,
        MaxInboundMessagesPerSecond = options.MaxMessagesPerSecond,
        SendQueueBytes = options.SendQueueBytes,
    };
}

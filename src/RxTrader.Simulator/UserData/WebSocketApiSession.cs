using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Rest;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.UserData;

/// <summary>
/// One <c>/ws-api/v3</c> connection: parses each request <c>{"id":..,"method":..,"params":{..}}</c>, charges its
/// weight, runs it and answers <c>{"id":..,"status":200,"result":..,"rateLimits":[..]}</c> or
/// <c>{"id":..,"status":4xx,"error":{"code":..,"msg":..},"rateLimits":[..]}</c> (binance-wire §5.1);
/// <c>rateLimits</c> is left out when the URL has <c>returnRateLimits=false</c>.
/// </summary>
/// <remarks>Requests run one at a time on the connection's receive loop; a malformed request gets an error answer
/// and the connection stays open. Methods: <c>ping</c>, <c>time</c>, <c>session.logon</c>/<c>status</c>/<c>logout</c>,
/// <c>session.subscriptions</c>, <c>userDataStream.subscribe</c>, <c>userDataStream.subscribe.signature</c>,
/// <c>userDataStream.unsubscribe</c>, the legacy <c>userDataStream.start</c>/<c>ping</c>/<c>stop</c>, and the methods
/// that mirror a REST endpoint (<see cref="WebSocketApiRestBridge.Methods"/>: <c>order.place</c>, <c>order.cancel</c>,
/// <c>order.status</c>, <c>account.status</c>, …); a <c>v3/</c> prefix is accepted. Signatures are HMAC-SHA256
/// (<see cref="WebSocketApiSignature"/>), also for <c>session.logon</c> (Binance requires Ed25519 there; Ed25519 and
/// RSA keys are not simulated).</remarks>
internal sealed partial class WebSocketApiSession : IDisposable
{
    public static readonly ExchangeError MalformedRequest = new(-1100, "Illegal characters found in a parameter.");
    public static readonly ExchangeError UnknownMethod = new(-1020, "This operation is not supported.");
    public static readonly ExchangeError Unknown = new(-1000, "An unknown error occurred while processing the request.");

    private readonly SimulatorContext _context;
    private readonly SimulatorWebSocket _socket;
    private readonly string _ip;
    private readonly bool _returnRateLimits;
    private readonly long _connectedSince;
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _w;
    private JsonElement _id;
    private JsonElement _params;
    private int _usedWeight;

    private WebSocketApiSession(SimulatorContext context, SimulatorWebSocket socket, HttpContext http, WebSocketApiRestBridge bridge)
    {
        _context = context;
        Bridge = bridge;
        _socket = socket;
        _ip = RestResponse.ClientIp(http);
        _returnRateLimits = !string.Equals(http.Request.Query["returnRateLimits"], "false", StringComparison.OrdinalIgnoreCase);
        _connectedSince = context.NowMs;
        _w = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            SkipValidation = true,

            // Binance writes quotes and apostrophes in messages as they are.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private UserDataHub Hub => _context.UserData;

    private WebSocketApiRestBridge Bridge { get; }

    public static async Task RunAsync(HttpContext http, SimulatorContext context, WebSocketApiRestBridge bridge)
    {
        var socket = await SimulatorWebSocket.AcceptAsync(
            http, UserDataEndpoints.SessionOptions(context.UserData.Options, maxInboundPerSecond: null), context.Scheduler).ConfigureAwait(false);
        if (socket is null)
        {
            return;
        }

        using var registration = context.Sockets.Register(socket, SocketKind.WebSocketApi);
        using var session = new WebSocketApiSession(context, socket, http, bridge);
        try
        {
            await socket.RunAsync(session.OnText).ConfigureAwait(false);
        }
        finally
        {
            session.EndSubscriptions();
        }
    }

    public void Dispose() => _w.Dispose();

    private async ValueTask OnText(ReadOnlyMemory<byte> message)
    {
        _id = default;
        _params = default;
        try
        {
            using var document = JsonDocument.Parse(message);
            if (Handle(document.RootElement) is { } bridged)
            {
                await BridgeAsync(bridged.Method, bridged.Path, bridged.Signed).ConfigureAwait(false);
            }
        }
        catch (JsonException)
        {
            _id = default;
            SendError(400, MalformedRequest);
        }
#pragma warning disable CA1031 // Bad input never ends the connection: the request gets Binance's -1000.
        catch (Exception)
#pragma warning restore CA1031
        {
            _context.CountUnhandledError();
            SendError(500, Unknown);
        }
    }

    /// <summary>Runs the request, or returns the REST route of a bridged method for the caller to await.</summary>
    private (string Method, string Path, bool Signed)? Handle(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            SendError(400, MalformedRequest);
            return null;
        }

        if (root.TryGetProperty("id", out var id))
        {
            _id = id.Clone();
            if (id.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null))
            {
                _id = default;
                SendError(400, ExchangeErrors.MandatoryParameter("id"));
                return null;
            }
        }

        if (!root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String
            || methodElement.GetString() is not { Length: > 0 } method)
        {
            SendError(400, ExchangeErrors.MandatoryParameter("method"));
            return null;
        }

        if (root.TryGetProperty("params", out var parameters))
        {
            if (parameters.ValueKind != JsonValueKind.Object)
            {
                SendError(400, ExchangeErrors.MandatoryParameter("params"));
                return null;
            }

            _params = parameters;
        }

        if (method.StartsWith("v3/", StringComparison.Ordinal))
        {
            method = method[3..];
        }

        if (WebSocketApiRestBridge.Methods.TryGetValue(method, out var route))
        {
            return route; // the REST endpoint charges its own weight
        }

        if (Charge(method is "ping" or "time" ? 1 : 2))
        {
            Dispatch(method);
        }

        return null;
    }

    private void Dispatch(string method)
    {
        switch (method)
        {
            case "ping":
                BeginResult();
                _w.WriteStartObject();
                _w.WriteEndObject();
                SendResult();
                break;
            case "time":
                BeginResult();
                _w.WriteStartObject();
                _w.WriteNumber("serverTime"u8, _context.ClientClockMs);
                _w.WriteEndObject();
                SendResult();
                break;
            case "session.logon":
                Logon();
                break;
            case "session.status":
                SessionStatus();
                break;
            case "session.logout":
                Logout();
                break;
            case "session.subscriptions":
                Subscriptions();
                break;
            case "userDataStream.subscribe":
                SubscribeAfterLogon();
                break;
            case "userDataStream.subscribe.signature":
                SubscribeWithSignature();
                break;
            case "userDataStream.unsubscribe":
                Unsubscribe();
                break;
            case "userDataStream.start":
            case "userDataStream.ping":
            case "userDataStream.stop":
                LegacyListenKey(method);
                break;
            default:
                SendError(400, UnknownMethod);
                break;
        }
    }

    private bool Charge(int weight)
    {
        var now = _context.NowMs;
        var verdict = _context.Limits.Charge(_ip, weight, now, out _usedWeight, out var retryAfterMs);
        if (verdict == RateLimitVerdict.Allowed)
        {
            return true;
        }

        var limit = _context.Limits.Limits.RequestWeightPerMinute;
        SendError(
            verdict == RateLimitVerdict.Banned ? 418 : 429,
            new ExchangeError(-1003, $"Too much request weight used; current limit is {limit} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API. Retry after {now + retryAfterMs}."));
        return false;
    }

    /// <summary>The text of a parameter as a client signs it: a string's value, any other value's JSON text; null
    /// when missing or JSON null.</summary>
    private string? Param(string name)
    {
        if (_params.ValueKind != JsonValueKind.Object || !_params.TryGetProperty(name, out var value))
        {
            return null;
        }

        return ValueText(value);
    }

    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };

    private void Begin(int status)
    {
        _buffer.ResetWrittenCount();
        _w.Reset(_buffer);
        _w.WriteStartObject();
        if (_id.ValueKind == JsonValueKind.Undefined)
        {
            _w.WriteNull("id"u8);
        }
        else
        {
            _w.WritePropertyName("id"u8);
            _id.WriteTo(_w);
        }

        _w.WriteNumber("status"u8, status);
    }

    /// <summary>Starts a 200 answer; the caller writes the result value, then calls <see cref="EndResult"/>.</summary>
    private void BeginResult()
    {
        Begin(200);
        _w.WritePropertyName("result"u8);
    }

    private ReadOnlySpan<byte> EndResult()
    {
        WriteRateLimits();
        _w.WriteEndObject();
        _w.Flush();
        return _buffer.WrittenSpan;
    }

    private void SendResult() => _socket.TrySendText(EndResult());

    private void SendError(int status, ExchangeError error)
    {
        Begin(status);
        _w.WriteStartObject("error"u8);
        _w.WriteNumber("code"u8, error.Code);
        _w.WriteString("msg"u8, error.Message);
        _w.WriteEndObject();
        _socket.TrySendText(EndResult());
    }

    private void WriteRateLimits()
    {
        if (!_returnRateLimits)
        {
            return;
        }

        _w.WriteStartArray("rateLimits"u8);
        _w.WriteStartObject();
        _w.WriteString("rateLimitType"u8, "REQUEST_WEIGHT"u8);
        _w.WriteString("interval"u8, "MINUTE"u8);
        _w.WriteNumber("intervalNum"u8, 1);
        _w.WriteNumber("limit"u8, _context.Limits.Limits.RequestWeightPerMinute);
        _w.WriteNumber("count"u8, _usedWeight);
        _w.WriteEndObject();
        _w.WriteEndArray();
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

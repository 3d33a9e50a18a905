using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RxTrader.Simulator.Sockets;

/// <summary>The RFC 6455 §4.2 opening handshake checks and the <c>Sec-WebSocket-Accept</c> computation.</summary>
internal static class WebSocketHandshake
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>True when the request asks to upgrade to WebSocket (GET with <c>Upgrade: websocket</c> on an upgradable connection).</summary>
    public static bool IsWebSocketRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HttpMethods.IsGet(context.Request.Method)
            && context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true }
            && HasToken(context.Request.Headers.Upgrade, "websocket");
    }

    /// <summary>Checks the handshake headers; returns null when they are valid, otherwise why not (a short text for a 400 body).</summary>
    public static string? Validate(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return "WebSocket upgrade requires GET";
        }

        if (!HasToken(context.Request.Headers.Upgrade, "websocket"))
        {
            return "Missing 'Upgrade: websocket'";
        }

        if (context.Features.Get<IHttpUpgradeFeature>() is not { IsUpgradableRequest: true })
        {
            return "Connection is not upgradable";
        }

        if (context.Request.Headers.SecWebSocketVersion.ToString().Trim() != "13")
        {
            return "Unsupported Sec-WebSocket-Version (expected 13)";
        }

        var key = context.Request.Headers.SecWebSocketKey.ToString().Trim();
        Span<byte> decoded = stackalloc byte[24];
        if (key.Length != 24 || !Convert.TryFromBase64String(key, decoded, out var written) || written != 16)
        {
            return "Invalid Sec-WebSocket-Key";
        }

        return null;
    }

    /// <summary>The <c>Sec-WebSocket-Accept</c> value for <paramref name="key"/>: base64(SHA-1(key + GUID)).</summary>
    public static string ComputeAccept(string key)
    {
        Span<byte> input = stackalloc byte[key.Length + Guid.Length];
        var length = Encoding.ASCII.GetBytes(key, input);
        length += Encoding.ASCII.GetBytes(Guid, input[length..]);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6455 defines the handshake with SHA-1; nothing here is secret.
        SHA1.HashData(input[..length], hash);
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    private static bool HasToken(Microsoft.Extensions.Primitives.StringValues values, string token)
    {
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var part in value.Split(','))
            {
                if (part.Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RxTrader.Simulator.UserData;

/// <summary>
/// The WebSocket-API HMAC (binance-wire §5.2): HMAC-SHA256 over every parameter except <c>signature</c>, sorted by
/// name (ordinal, as ccxt's <c>keysort</c> and the connector do), joined as <c>name=value</c> with <c>&amp;</c>
/// and not encoded (ccxt's <c>rawencode</c>): strings by their value, numbers and booleans by their JSON text.
/// </summary>
internal static class WebSocketApiSignature
{
    /// <summary>The signed payload of <paramref name="parameters"/>.</summary>
    public static string Payload(JsonElement parameters)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var p in parameters.EnumerateObject())
        {
            if (p.Name != "signature")
            {
                pairs.Add(new(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
            }
        }

        pairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(name).Append('=').Append(value);
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="signature"/> (hex, any case) is the HMAC of the payload; constant-time.</summary>
    public static bool Verify(JsonElement parameters, byte[] secret, string signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(signature, given, out _, out var written) != OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(Payload(parameters)), expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

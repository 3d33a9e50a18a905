using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Rest;

/// <summary>
/// SIGNED request checks, in this order: <c>X-MBX-APIKEY</c> present (<c>-2014</c>) and known (<c>-2015</c>),
/// <c>timestamp</c> sent and well-formed (<c>-1102</c>), <c>recvWindow</c> well-formed (<c>-1100</c>) and at most the
/// maximum (<c>-1131</c>), <c>signature</c> sent (<c>-1102</c>) and valid (<c>-1022</c>), then the time rules
/// (<c>-1021</c>).
/// </summary>
/// <remarks>The HMAC covers the raw query followed by the raw body, each without the signature pair, exactly as
/// sent (never decoded and re-encoded); the comparison is constant-time and case-insensitive.</remarks>
internal static class RequestAuthenticator
{
    public static readonly ExchangeError BadKeyFormat = new(-2014, "API-key format invalid.");
    public static readonly ExchangeError BadSignature = new(-1022, "Signature for this request is not valid.");
    public static readonly ExchangeError Ahead = new(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    public static readonly ExchangeError OutsideWindow = new(-1021, "Timestamp for this request is outside of the recvWindow.");
    public static readonly ExchangeError RecvWindowTooLarge = new(-1131, "recvWindow must be less than 60000.");

    private const int StackLimit = 1024;

    /// <summary>Checks the call; on success sets <see cref="RestCall.AccountId"/>, else fails it.</summary>
    public static bool Authenticate(RestCall call)
    {
        var p = call.Parameters;
        var key = call.Http.Request.Headers["X-MBX-APIKEY"];
        if (key.Count != 1 || string.IsNullOrEmpty(key[0]))
        {
            call.Fail(BadKeyFormat, 401);
            return false;
        }

        var apiKey = key[0]!;
        var secret = call.Simulator.SecretOf(apiKey);
        if (secret is null)
        {
            call.Fail(ExchangeErrors.InvalidApiKey, 401);
            return false;
        }

        var timestampText = p.Get("timestamp");
        if (string.IsNullOrEmpty(timestampText) || timestampText.Length > 19 || !ParamReader.IsDigits(timestampText))
        {
            call.Fail(ExchangeErrors.MandatoryParameter("timestamp"));
            return false;
        }

        var timestamp = long.Parse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (timestamp >= 100_000_000_000_000)
        {
            timestamp /= 1000; // microseconds
        }

        ExchangeError? error = null;
        var options = call.Simulator.Options;
        var recvWindow = p.Decimal("recvWindow", ref error) ?? (decimal)options.DefaultRecvWindow.TotalMilliseconds;
        if (error is null && recvWindow > (decimal)options.MaxRecvWindow.TotalMilliseconds)
        {
            error = RecvWindowTooLarge;
        }

        var signature = p.Get("signature");
        if (error is null && string.IsNullOrEmpty(signature))
        {
            error = ExchangeErrors.MandatoryParameter("signature");
        }

        if (error is null && !Verify(p, secret, signature!))
        {
            error = BadSignature;
        }

        if (error is null && timestamp >= call.ServerTimeMs + (long)options.FutureTolerance.TotalMilliseconds)
        {
            error = Ahead;
        }

        if (error is null && call.ServerTimeMs - timestamp > recvWindow)
        {
            error = OutsideWindow;
        }

        if (error is { } e)
        {
            call.Fail(e);
            return false;
        }

        call.AccountId = apiKey;
        return true;
    }

    /// <summary>Whether <paramref name="signature"/> is the hex HMAC-SHA256 of the unsigned payload.</summary>
    public static bool Verify(RestParameters p, byte[] secret, string signature)
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

        var (query, body) = p.WithoutSignature();
        var length = Encoding.UTF8.GetByteCount(query) + Encoding.UTF8.GetByteCount(body);
        var rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var payload = rented is null ? stackalloc byte[StackLimit] : rented;
            var n = Encoding.UTF8.GetBytes(query, payload);
            n += Encoding.UTF8.GetBytes(body, payload[n..]);
            Span<byte> expected = stackalloc byte[32];
            HMACSHA256.HashData(secret, payload[..n], expected);
            return CryptographicOperations.FixedTimeEquals(expected, given);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

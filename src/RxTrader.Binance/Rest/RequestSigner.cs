using System.Security.Cryptography;
using System.Text;

namespace RxTrader.Binance.Rest;

/// <summary>
/// The API key and the HMAC-SHA256 secret of a Binance account: signs <c>totalParams</c> (query string followed by
/// the form body) as lower-case hex. The secret is kept only as key bytes and never printed.
/// </summary>
internal sealed class RequestSigner
{
    private readonly byte[] _secret;

    public RequestSigner(string apiKey, string secretKey)
    {
        ApiKey = apiKey;
        _secret = Encoding.UTF8.GetBytes(secretKey);
    }

    /// <summary>The API key sent as <c>X-MBX-APIKEY</c>.</summary>
    public string ApiKey { get; }

    /// <summary>The signature of <paramref name="totalParams"/>.</summary>
    public string Sign(string totalParams) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(totalParams)));

    /// <summary>Names the key by a short prefix only; the secret never appears.</summary>
    public override string ToString() => $"RequestSigner({Redact(ApiKey)})";

    /// <summary>The first four characters of a key, then an ellipsis.</summary>
    public static string Redact(string key) => key.Length <= 4 ? "****" : key[..4] + "…";
}

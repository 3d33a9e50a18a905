using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Rest;

/// <summary>
/// A request's parameters from the query string and the form body (the query wins when a name is in both), with
/// the raw text the signature covers.
/// </summary>
/// <remarks>
/// Values are percent-decoded (<c>+</c> is a space); the raw text is kept as sent, because clients sign the encoded
/// form. A name repeated within one part is <c>-1101</c> "Duplicate values for a parameter detected.".
/// </remarks>
internal sealed class RestParameters
{
    public static readonly ExchangeError Duplicate = new(-1101, "Duplicate values for a parameter detected.");

    private readonly List<KeyValuePair<string, string>> _items = new(16);

    private RestParameters(string rawQuery, string rawBody)
    {
        RawQuery = rawQuery;
        RawBody = rawBody;
    }

    /// <summary>The query string as sent, without the leading <c>?</c>.</summary>
    public string RawQuery { get; }

    /// <summary>The body as sent.</summary>
    public string RawBody { get; }

    /// <summary>The first problem found while parsing (duplicates), or null.</summary>
    public ExchangeError? Error { get; private set; }

    /// <summary>How many distinct parameters were sent.</summary>
    public int Count => _items.Count;

    /// <summary>Whether <c>signature</c> was in the query (else in the body, or absent).</summary>
    public bool SignatureInQuery { get; private set; }

    public static RestParameters Parse(string rawQuery, string rawBody)
    {
        var p = new RestParameters(rawQuery, rawBody);
        p.ParsePart(rawQuery, fromQuery: true);
        p.ParsePart(rawBody, fromQuery: false);
        return p;
    }

    /// <summary>The decoded value of <paramref name="name"/>, or null when not sent.</summary>
    public string? Get(string name)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Key, name, StringComparison.Ordinal))
            {
                return item.Value;
            }
        }

        return null;
    }

    /// <summary>The name at <paramref name="index"/>.</summary>
    public string NameAt(int index) => _items[index].Key;

    /// <summary>The raw query and body with the <c>signature=...</c> pair (and its joining <c>&amp;</c>) removed.</summary>
    public (string Query, string Body) WithoutSignature() =>
        SignatureInQuery ? (RemoveSignature(RawQuery), RawBody) : (RawQuery, RemoveSignature(RawBody));

    private void ParsePart(string raw, bool fromQuery)
    {
        var firstOfPart = _items.Count;
        var start = 0;
        while (start <= raw.Length)
        {
            var end = raw.IndexOf('&', start);
            if (end < 0)
            {
                end = raw.Length;
            }

            if (end > start)
            {
                Add(raw.AsSpan(start, end - start), fromQuery, firstOfPart);
            }

            start = end + 1;
        }
    }

    private void Add(ReadOnlySpan<char> pair, bool fromQuery, int firstOfPart)
    {
        var eq = pair.IndexOf('=');
        var name = Decode(eq < 0 ? pair : pair[..eq]);
        var value = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.Ordinal))
            {
                // Repeated within one part: Binance refuses; in both parts: the query wins.
                if (i >= firstOfPart)
                {
                    Error ??= Duplicate;
                }

                return;
            }
        }

        if (string.Equals(name, "signature", StringComparison.Ordinal))
        {
            SignatureInQuery = fromQuery;
        }

        _items.Add(new(name, value));
    }

    private static string Decode(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAny('%', '+'))
        {
            return text.ToString();
        }

        var s = text.ToString().Replace('+', ' ');
        return Uri.UnescapeDataString(s);
    }

    private static string RemoveSignature(string raw)
    {
        var start = 0;
        while (start < raw.Length)
        {
            var end = raw.IndexOf('&', start);
            if (end < 0)
            {
                end = raw.Length;
            }

            if (raw.AsSpan(start, end - start).StartsWith("signature=", StringComparison.Ordinal) || end - start == 9 && raw.AsSpan(start, 9).SequenceEqual("signature"))
            {
                // Drop the pair with the '&' before it, or the one after it when it is first.
                return start > 0 ? string.Concat(raw.AsSpan(0, start - 1), raw.AsSpan(end))
                    : end < raw.Length ? raw[(end + 1)..] : string.Empty;
            }

            start = end + 1;
        }

        return raw;
    }
}

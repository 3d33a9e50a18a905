using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RxTrader.Core;

namespace RxTrader.Binance.Rest;

/// <summary>
/// Strict readers for REST bodies: every helper either returns the value or throws <see cref="FormatException"/>
/// naming the field and what was wrong, which the client turns into an error result.
/// </summary>
/// <remarks>Decimals are parsed from Binance's strings with the invariant culture, exactly (no binary floating
/// point on the way); JSON numbers are read as <see cref="decimal"/> too.</remarks>
internal static class WireJson
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Parses a whole body into a token tree, numbers as decimals and dates left as strings.</summary>
    public static JToken Parse(string body)
    {
        using var reader = new JsonTextReader(new StringReader(body))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new FormatException($"Unexpected content after the JSON value at position {reader.LinePosition}.");
        }

        return token;
    }

    public static JObject Object(JToken? token, string what) =>
        token as JObject ?? throw Wrong(what, "an object", token);

    public static JArray Array(JToken? token, string what) =>
        token as JArray ?? throw Wrong(what, "an array", token);

    public static string String(JToken? token, string what) =>
        token is JValue { Type: JTokenType.String, Value: string s } ? s : throw Wrong(what, "a string", token);

    public static Symbol Symbol(JToken? token, string what)
    {
        var text = String(token, what);
        try
        {
            return new Symbol(text);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{what}: {e.Message}", e);
        }
    }

    public static decimal Decimal(JToken? token, string what) => token switch
    {
        JValue { Value: string s } when decimal.TryParse(s, DecimalStyle, CultureInfo.InvariantCulture, out var d) => d,
        JValue { Value: decimal d } => d,
        JValue { Value: long l } => l,
        _ => throw Wrong(what, "a decimal string", token),
    };

    public static long Long(JToken? token, string what) =>
        token is JValue { Value: long l } ? l : throw Wrong(what, "an integer", token);

    public static int Int(JToken? token, string what)
    {
        var value = Long(token, what);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Wrong(what, "a 32-bit integer", token);
    }

    public static bool Bool(JToken? token, string what) =>
        token is JValue { Value: bool b } ? b : throw Wrong(what, "a boolean", token);

    /// <summary>Reads Unix milliseconds.</summary>
    public static DateTimeOffset Time(JToken? token, string what)
    {
        var ms = Long(token, what);
        return ms is >= 0 and <= 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw Wrong(what, "Unix milliseconds", token);
    }

    private static FormatException Wrong(string what, string expected, JToken? token) =>
        new($"{what}: expected {expected}, got {Describe(token)}.");

    private static string Describe(JToken? token) => token switch
    {
        null => "nothing",
        JValue { Value: string s } => $"\"{Truncate(s)}\"",
        JValue v => $"{v.Type} {Truncate(v.ToString(Formatting.None))}",
        _ => token.Type.ToString(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

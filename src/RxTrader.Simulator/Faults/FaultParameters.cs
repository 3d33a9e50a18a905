using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Faults;

/// <summary>The parameters of a control request: the query string, plus a JSON object or form body (the query wins
/// when a name is in both). Names are case-insensitive. Reading records the first problem instead of throwing.</summary>
internal sealed class FaultParameters
{
    private const int MaxBodyBytes = 16 * 1024;

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private FaultParameters()
    {
    }

    /// <summary>The first problem met while parsing or reading, or null.</summary>
    public ExchangeError? Error { get; private set; }

    public static async Task<FaultParameters> ReadAsync(HttpRequest request)
    {
        var parameters = new FaultParameters();
        foreach (var (name, values) in request.Query)
        {
            if (values.Count != 1)
            {
                parameters.Error ??= new ExchangeError(-1101, $"Duplicate values for a parameter detected: '{name}'.");
                continue;
            }

            parameters._values[name] = values[0] ?? string.Empty;
        }

        if (request.ContentLength is > MaxBodyBytes)
        {
            parameters.Error ??= new ExchangeError(-1000, "Request body too large.");
            return parameters;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (body.Length > MaxBodyBytes)
        {
            parameters.Error ??= new ExchangeError(-1000, "Request body too large.");
        }
        else if (!string.IsNullOrWhiteSpace(body))
        {
            parameters.ParseBody(body, request.ContentType);
        }

        return parameters;
    }

    /// <summary>Fails with <c>-1103</c> when a parameter outside <paramref name="known"/> was sent.</summary>
    public void Only(params string[] known)
    {
        foreach (var name in _values.Keys)
        {
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                Error ??= new ExchangeError(-1103, $"An unknown parameter was sent: '{name}'. Known: {(known.Length == 0 ? "none" : string.Join(", ", known))}.");
            }
        }
    }

    public int? Int(string name, int min)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        Error ??= Invalid(name, $"an integer >= {min.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    /// <summary>A duration in whole milliseconds.</summary>
    public TimeSpan? Milliseconds(string name, long min)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return null;
        }

        const long Bound = 31L * 86_400_000; // beyond any fault's own limit, so the injector names the real one
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value is >= -Bound and <= Bound)
        {
            return TimeSpan.FromMilliseconds(value);
        }

        Error ??= Invalid(name, "a whole number of milliseconds");
        return null;
    }

    /// <summary>A boolean: <c>true</c> or <c>false</c>, case-insensitive.</summary>
    public bool? Bool(string name)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error ??= Invalid(name, "true or false");
        return null;
    }

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return null;
        }

        // Names only (no numbers), case-insensitive, dashes allowed: "binary-garbage" = BinaryGarbage.
        var compact = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), compact, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Error ??= Invalid(name, "one of " + string.Join(", ", System.Enum.GetNames<TEnum>().Select(static n => char.ToLowerInvariant(n[0]) + n[1..])));
        return null;
    }

    /// <summary>Records a failure of the injector's own validation.</summary>
    public void Fail(ExchangeError error) => Error ??= error;

    private static ExchangeError Invalid(string name, string expected) =>
        new(-1130, $"Data sent for parameter '{name}' is not valid; expected {expected}.");

    private void ParseBody(string body, string? contentType)
    {
        if ((contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase)) || body.TrimStart().StartsWith('{'))
        {
            ParseJson(body);
            return;
        }

        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            _values.TryAdd(name, value);
        }
    }

    private void ParseJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Error ??= new ExchangeError(-1100, "The body must be a JSON object.");
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                string? text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                    _ => null,
                };
                if (text is null)
                {
                    if (value.ValueKind != JsonValueKind.Null)
                    {
                        Error ??= Invalid(property.Name, "a string, a number or a boolean");
                    }

                    continue;
                }

                _values.TryAdd(property.Name, text);
            }
        }
        catch (JsonException e)
        {
            Error ??= new ExchangeError(-1100, $"Malformed JSON body: {e.Message}");
        }
    }
}

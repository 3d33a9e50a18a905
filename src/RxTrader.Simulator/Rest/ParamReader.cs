using RxTrader.Core;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Rest;

/// <summary>
/// Typed reads of request parameters with Binance's errors. Each read takes the request's first error by
/// reference and does nothing once one is set, so a handler reads its parameters in Binance's validation order
/// and reports the first failure.
/// </summary>
internal static class ParamReader
{
    /// <summary>The legal decimal form Binance quotes in its <c>-1100</c> message.</summary>
    public const string DecimalRange = @"^([0-9]{1,20})(\.[0-9]{1,20})?$";

    /// <summary>The legal integer form Binance quotes in its <c>-1100</c> message.</summary>
    public const string IntegerRange = "^[0-9]{1,20}$";

    /// <summary>The legal symbol form.</summary>
    public const string SymbolRange = "^[A-Z0-9-_.]{1,20}$";

    /// <summary>Decimals beyond this many (ignoring trailing zeros) are <c>-1111</c> too much precision.</summary>
    public const int MaxDecimals = 8;

    public static ExchangeError Empty(string name) => new(-1105, $"Parameter '{name}' was empty.");

    public static ExchangeError TooMuchPrecision(string name) => new(-1111, $"Parameter '{name}' has too much precision.");

    public static ExchangeError NotValid(string name) => new(-1130, $"Data sent for parameter '{name}' is not valid.");

    /// <summary>A mandatory symbol, which must exist: <c>-1102</c>, <c>-1100</c>, <c>-1121</c>.</summary>
    public static Symbol Symbol(this RestParameters p, MatchingEngine engine, ref ExchangeError? error)
    {
        var symbol = OptionalSymbol(p, engine, ref error);
        if (error is null && symbol is null)
        {
            error = ExchangeErrors.MandatoryParameter("symbol");
        }

        return symbol ?? default;
    }

    /// <summary>An optional symbol, which must exist when sent.</summary>
    public static Symbol? OptionalSymbol(this RestParameters p, MatchingEngine engine, ref ExchangeError? error)
    {
        if (error is not null)
        {
            return null;
        }

        var text = p.Get("symbol");
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0)
        {
            error = ExchangeErrors.MandatoryParameter("symbol");
            return null;
        }

        if (!IsSymbolText(text))
        {
            error = ExchangeErrors.IllegalChars("symbol", SymbolRange);
            return null;
        }

        if (!IsAlphanumeric(text))
        {
            error = ExchangeErrors.InvalidSymbol;
            return null;
        }

        var symbol = new Symbol(text);
        if (engine.GetSymbol(symbol) is null)
        {
            error = ExchangeErrors.InvalidSymbol;
            return null;
        }

        return symbol;
    }

    /// <summary>A mandatory string: <c>-1102</c> when absent or empty.</summary>
    public static string Required(this RestParameters p, string name, ref ExchangeError? error)
    {
        if (error is not null)
        {
            return string.Empty;
        }

        var text = p.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            error = ExchangeErrors.MandatoryParameter(name);
            return string.Empty;
        }

        return text;
    }

    /// <summary>An optional string: <c>-1105</c> when sent empty.</summary>
    public static string? Optional(this RestParameters p, string name, ref ExchangeError? error)
    {
        if (error is not null)
        {
            return null;
        }

        var text = p.Get(name);
        if (text is { Length: 0 })
        {
            error = Empty(name);
            return null;
        }

        return text;
    }

    /// <summary>An optional decimal: <c>-1105</c> empty, <c>-1100</c> bad syntax, <c>-1111</c> too many decimals.</summary>
    public static decimal? Decimal(this RestParameters p, string name, ref ExchangeError? error)
    {
        var text = Optional(p, name, ref error);
        if (text is null)
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var intDigits = dot < 0 ? text.Length : dot;
        var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : text.AsSpan(dot + 1);
        if (intDigits is 0 or > 20 || !IsDigits(text.AsSpan(0, intDigits)) || (dot >= 0 && (fraction.Length is 0 or > 20 || !IsDigits(fraction))))
        {
            error = ExchangeErrors.IllegalChars(name, DecimalRange);
            return null;
        }

        if (fraction.TrimEnd('0').Length > MaxDecimals)
        {
            error = TooMuchPrecision(name);
            return null;
        }

        if (!decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            error = ExchangeErrors.IllegalChars(name, DecimalRange);
            return null;
        }

        return value;
    }

    /// <summary>An optional non-negative integer: <c>-1105</c> empty, <c>-1100</c> bad syntax or out of range.</summary>
    public static long? Long(this RestParameters p, string name, ref ExchangeError? error)
    {
        var text = Optional(p, name, ref error);
        if (text is null)
        {
            return null;
        }

        if (text.Length > 20 || !IsDigits(text) || !long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            error = ExchangeErrors.IllegalChars(name, IntegerRange);
            return null;
        }

        return value;
    }

    /// <summary>An optional int; values beyond <see cref="int.MaxValue"/> are <c>-1100</c>.</summary>
    public static int? Int(this RestParameters p, string name, ref ExchangeError? error)
    {
        var value = Long(p, name, ref error);
        if (value is > int.MaxValue)
        {
            error = ExchangeErrors.IllegalChars(name, IntegerRange);
            return null;
        }

        return (int?)value;
    }

    /// <summary>An optional boolean (<c>true</c>/<c>false</c>, any case).</summary>
    public static bool? Bool(this RestParameters p, string name, ref ExchangeError? error)
    {
        var text = Optional(p, name, ref error);
        if (text is null)
        {
            return null;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        error = ExchangeErrors.IllegalChars(name, "true, false");
        return null;
    }

    /// <summary>An optional time in Unix milliseconds.</summary>
    public static DateTimeOffset? Time(this RestParameters p, string name, ref ExchangeError? error)
    {
        var ms = Long(p, name, ref error);
        if (ms is null)
        {
            return null;
        }

        if (ms > 253_402_300_799_999)
        {
            error = NotValid(name);
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(ms.Value);
    }

    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSymbolText(string text)
    {
        if (text.Length > 20)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c is not '-' and not '_' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlphanumeric(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;
using System.Text;

namespace RxTrader.Host.Metrics;

/// <summary>The lexical rules of the Prometheus text exposition format 0.0.4: names, escaping and numbers.</summary>
internal static class PrometheusText
{
    /// <summary>Replaces every character outside <c>[a-zA-Z0-9_:]</c> with <c>_</c> and prefixes a leading digit
    /// with <c>_</c>; an empty name becomes <c>_</c>. Valid names come back unchanged (same instance).</summary>
    public static string SanitizeMetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>Like <see cref="SanitizeMetricName"/> but without <c>:</c>, which label names may not contain.</summary>
    public static string SanitizeLabelName(string name) => Sanitize(name, allowColon: false);

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var valid = !char.IsAsciiDigit(name[0]);
        foreach (var c in name)
        {
            valid &= IsNameChar(c, allowColon);
        }

        if (valid)
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }

        foreach (var c in name)
        {
            builder.Append(IsNameChar(c, allowColon) ? c : '_');
        }

        return builder.ToString();
    }

    private static bool IsNameChar(char c, bool allowColon) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');

    /// <summary>Escapes a <c># HELP</c> text: backslash and line feed.</summary>
    public static void AppendHelp(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\n': builder.Append(@"\n"); break;
                default: builder.Append(c); break;
            }
        }
    }

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    public static void AppendLabelValue(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append(@"\n"); break;
                default: builder.Append(c); break;
            }
        }
    }

    /// <summary>A sample value: shortest round-trip form in the invariant culture, <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>.</summary>
    public static void AppendValue(StringBuilder builder, double value)
    {
        if (double.IsNaN(value))
        {
            builder.Append("NaN");
            return;
        }

        if (double.IsInfinity(value))
        {
            builder.Append(value > 0 ? "+Inf" : "-Inf");
            return;
        }

        Span<char> buffer = stackalloc char[32];
        if (value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            builder.Append(buffer[..written]);
        }
        else
        {
            builder.Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A bucket bound for <c>le</c>: plain decimal notation (<c>0.00005</c>, not <c>5E-05</c>) so the label
    /// reads like the other clients' and stays identical across scrapes.</summary>
    public static string FormatBound(double bound)
    {
        if (double.IsPositiveInfinity(bound))
        {
            return "+Inf";
        }

        var text = bound.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('E', StringComparison.Ordinal))
        {
            return text;
        }

        // Bounds are validated finite; decimal prints them positionally. Those beyond decimal's range keep the
        // exponent form, which Prometheus parses as well.
        return Math.Abs(bound) is >= 1e-27 and <= 7.9e27
            ? ((decimal)bound).ToString(CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>The text of a tag value: strings as they are, formattable values in the invariant culture.</summary>
    public static string FormatTagValue(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

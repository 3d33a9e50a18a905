using RxTrader.Core;

namespace RxTrader.Host.Configuration;

/// <summary>Parses symbol lists (<c>btcusdt,ethusdt</c>): upper-cased, Binance's alphabet, distinct, 1 to 1000.</summary>
internal static class SymbolList
{
    /// <summary>The most symbols one engine trades.</summary>
    public const int MaxCount = 1000;

    /// <summary>The longest symbol Binance lists.</summary>
    public const int MaxLength = 20;

    /// <summary>The alphabet, for messages.</summary>
    public const string Alphabet = "1 to 20 letters A-Z and digits";

    /// <summary>Parses one symbol, upper-casing it.</summary>
    public static bool TryParseOne(string? text, out Symbol symbol)
    {
        symbol = default;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        symbol = new Symbol(s.ToUpperInvariant());
        return true;
    }

    /// <summary>Parses <paramref name="items"/>; the problem, if any, names the offending entry.</summary>
    public static bool TryParse(IReadOnlyList<string> items, out IReadOnlyList<Symbol> symbols, out string? problem)
    {
        symbols = [];
        if (items.Count == 0)
        {
            problem = "at least one symbol, such as btcusdt,ethusdt";
            return false;
        }

        if (items.Count > MaxCount)
        {
            problem = $"at most {MaxCount} symbols (got {items.Count})";
            return false;
        }

        var parsed = new List<Symbol>(items.Count);
        var seen = new HashSet<Symbol>();
        foreach (var item in items)
        {
            if (!TryParseOne(item, out var symbol))
            {
                problem = $"symbols of {Alphabet}, comma-separated ('{item.Trim()}' is not one)";
                return false;
            }

            if (!seen.Add(symbol))
            {
                problem = $"each symbol once ({symbol} is listed twice)";
                return false;
            }

            parsed.Add(symbol);
        }

        symbols = parsed;
        problem = null;
        return true;
    }

    /// <summary>Splits a comma-separated list.</summary>
    public static string[] Split(string text) => text.Split(',', StringSplitOptions.TrimEntries);
}

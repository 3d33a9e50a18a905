namespace RxTrader.Core;

/// <summary>An exchange symbol such as <c>BTCUSDT</c>, always upper case.</summary>
/// <remarks>
/// Binance names symbols in upper-case letters and digits; stream names use the lower-case form
/// (<see cref="ToStreamName"/>). Construction validates and normalises, so two symbols that differ only
/// in case are equal.
/// </remarks>
public readonly record struct Symbol
{
    /// <summary>The longest symbol accepted.</summary>
    public const int MaxLength = 32;

    /// <summary>Creates a symbol, normalising it to upper case.</summary>
    /// <param name="value">Letters and digits, 1 to <see cref="MaxLength"/> characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or has other characters.</exception>
    public Symbol(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxLength)
        {
            throw new ArgumentException($"A symbol has 1 to {MaxLength} characters; got {value.Length}.", nameof(value));
        }

        var needsUpper = false;
        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c))
            {
                throw new ArgumentException($"A symbol has only letters and digits; got '{value}'.", nameof(value));
            }

            needsUpper |= char.IsLower(c);
        }

        // Upper-case input (the wire form) is kept as is: no allocation on the hot path.
        Value = needsUpper ? value.ToUpperInvariant() : value;
    }

    /// <summary>The upper-case symbol; empty for <c>default(Symbol)</c>.</summary>
    public string Value => field ?? string.Empty;

    /// <summary>Whether this is <c>default(Symbol)</c>, which names no symbol.</summary>
    public bool IsDefault => Value.Length == 0;

    /// <summary>The lower-case form Binance uses in stream names (<c>btcusdt@trade</c>).</summary>
    public string ToStreamName() => Value.ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => Value;
}

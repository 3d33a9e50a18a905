namespace RxTrader.Binance.Wire;

/// <summary>
/// A strict forward reader over compact JSON for the fast path: it matches exact bytes and accepts only the
/// simplest value forms, so whatever it accepts is well-formed JSON that <c>Utf8JsonReader</c> reads the same way.
/// </summary>
/// <remarks>
/// Strings: printable ASCII with no <c>"</c> or <c>\</c> (so no escapes, no control or non-ASCII bytes).
/// Numbers: <c>-?(0|[1-9][0-9]*)</c> only; a fraction or exponent is left unread and fails the next
/// <see cref="Literal"/>. No whitespace anywhere. Every method returns false on the first deviation.
/// </remarks>
internal ref struct WireCursor(ReadOnlySpan<byte> frame)
{
    private readonly ReadOnlySpan<byte> _frame = frame;
    private int _pos;

    /// <summary>Whether every byte has been read.</summary>
    public readonly bool AtEnd => _pos == _frame.Length;

    /// <summary>Reads exactly <paramref name="expected"/>.</summary>
    public bool Literal(ReadOnlySpan<byte> expected)
    {
        if (!_frame[_pos..].StartsWith(expected))
        {
            return false;
        }

        _pos += expected.Length;
        return true;
    }

    /// <summary>Reads a quoted string of plain printable ASCII; <paramref name="text"/> is between the quotes.</summary>
    public bool String(out ReadOnlySpan<byte> text)
    {
        text = default;
        var rest = _frame[_pos..];
        if (rest.IsEmpty || rest[0] != (byte)'"')
        {
            return false;
        }

        for (var i = 1; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == (byte)'"')
            {
                text = rest[1..i];
                _pos += i + 1;
                return true;
            }

            if (c is < 0x20 or > 0x7E or (byte)'\\')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Reads an integer literal without leading zeros; <see cref="WireNumber"/> decides its value.</summary>
    public bool Integer(out ReadOnlySpan<byte> text)
    {
        var rest = _frame[_pos..];
        var i = rest.Length > 0 && rest[0] == (byte)'-' ? 1 : 0;
        var first = i;
        while (i < rest.Length && rest[i] - (uint)'0' <= 9)
        {
            i++;
        }

        text = rest[..i];
        if (i == first || (rest[first] == (byte)'0' && i > first + 1))
        {
            return false;
        }

        _pos += i;
        return true;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public bool Boolean(out bool value)
    {
        value = Literal("true"u8);
        return value || Literal("false"u8);
    }
}

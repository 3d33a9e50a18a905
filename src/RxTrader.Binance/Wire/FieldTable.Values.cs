using System.Collections.Immutable;
using System.Text.Json;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Wire;

/// <summary>Typed accessors over the recorded values: each returns false and records a fault instead of throwing.</summary>
internal sealed partial class FieldTable
{
    /// <summary>Records a fault and returns false, for use in accessor chains.</summary>
    public bool Fail(MalformedReason reason, int key)
    {
        (FaultReason, FaultKey) = (reason, key);
        return false;
    }

    /// <summary>The slot of a present <paramref name="key"/> of JSON type <paramref name="type"/>.</summary>
    public bool Require(int key, JsonTokenType type, out FieldSlot slot)
    {
        slot = _slots[key];
        if (slot.Generation != _generation)
        {
            return Fail(MalformedReason.MissingField, key);
        }

        return slot.Type == type || Fail(MalformedReason.WrongType, key);
    }

    /// <summary>The raw UTF-8 text of a string field; escaped text counts as <paramref name="escapedReason"/>.</summary>
    public bool String(ReadOnlySpan<byte> frame, int key, MalformedReason escapedReason, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (!Require(key, JsonTokenType.String, out var slot))
        {
            return false;
        }

        if (slot.Escaped)
        {
            return Fail(escapedReason, key);
        }

        text = frame.Slice(slot.Start, slot.Length);
        return true;
    }

    /// <summary>A decimal sent as a JSON string; negative values fail unless <paramref name="signed"/>.</summary>
    public bool Decimal(ReadOnlySpan<byte> frame, int key, out decimal value, bool signed = false)
    {
        value = 0m;
        return String(frame, key, MalformedReason.InvalidNumber, out var text) && ParseDecimal(text, key, signed, out value);
    }

    /// <summary>Parses a whole UTF-8 decimal literal, e.g. <c>0.00100000</c>.</summary>
    public bool ParseDecimal(ReadOnlySpan<byte> text, int key, bool signed, out decimal value)
    {
        if (!WireNumber.TryParseDecimal(text, out value))
        {
            return Fail(MalformedReason.InvalidNumber, key);
        }

        return signed || value >= 0m || Fail(MalformedReason.NegativeValue, key);
    }

    /// <summary>A 64-bit integer sent as a JSON number.</summary>
    public bool Int64(ReadOnlySpan<byte> frame, int key, out long value)
    {
        value = 0;
        if (!Require(key, JsonTokenType.Number, out var slot))
        {
            return false;
        }

        var text = frame.Slice(slot.Start, slot.Length);
        return WireNumber.TryParseInt64(text, out value)
            || Fail(MalformedReason.InvalidNumber, key);
    }

    /// <summary>The book levels of an array field, read during the scan.</summary>
    public bool Levels(int key, out ImmutableArray<BookLevel> levels) => _levels.TryGet(this, key, out levels);

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    public bool Boolean(int key, out bool value)
    {
        ref readonly var slot = ref _slots[key];
        value = slot.Type == JsonTokenType.True;
        if (slot.Generation != _generation)
        {
            return Fail(MalformedReason.MissingField, key);
        }

        return slot.Type is JsonTokenType.True or JsonTokenType.False || Fail(MalformedReason.WrongType, key);
    }

    /// <summary>An epoch time in <paramref name="unit"/> sent as a JSON number.</summary>
    public bool Time(ReadOnlySpan<byte> frame, int key, WireTimeUnit unit, out DateTimeOffset time)
    {
        time = default;
        return Int64(frame, key, out var raw)
            && (WireTime.TryFromUnix(raw, unit, out time) || Fail(MalformedReason.InvalidTime, key));
    }

    /// <summary>An interned symbol sent as a JSON string.</summary>
    public bool Symbol(ReadOnlySpan<byte> frame, int key, SymbolInterner symbols, out Symbol symbol)
    {
        symbol = default;
        return String(frame, key, MalformedReason.InvalidSymbol, out var text)
            && (symbols.TryGet(text, out symbol) || Fail(MalformedReason.InvalidSymbol, key));
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Wire;

/// <summary>Reads a level array <c>[["price","qty"],...]</c> into an <see cref="ImmutableArray{T}"/>.</summary>
/// <remarks>
/// Levels are collected in a reused builder, so the only allocation is the resulting array (none when the
/// array is empty). Prices and quantities must be non-negative decimal strings. Not thread-safe.
/// </remarks>
internal sealed class BookLevelReader
{
    private readonly ImmutableArray<BookLevel>.Builder _builder = ImmutableArray.CreateBuilder<BookLevel>(64);

    /// <summary>Reads the array value of <paramref name="key"/>; false with a fault in <paramref name="fields"/>.</summary>
    public bool TryRead(ReadOnlySpan<byte> frame, FieldTable fields, int key, out ImmutableArray<BookLevel> levels)
    {
        levels = default;
        if (!fields.Require(key, JsonTokenType.StartArray, out var slot))
        {
            return false;
        }

        _builder.Clear();

        // The root scan validated this slice, so the reader does not throw.
        var reader = new Utf8JsonReader(frame.Slice(slot.Start, slot.Length), FieldTable.ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return fields.Fail(MalformedReason.InvalidLevel, key);
            }

            if (!ReadDecimal(ref reader, fields, key, out var price) || !ReadDecimal(ref reader, fields, key, out var quantity))
            {
                return false;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                return fields.Fail(MalformedReason.InvalidLevel, key);
            }

            _builder.Add(new BookLevel(price, quantity));
        }

        levels = _builder.Count == 0 ? [] : _builder.ToImmutable();
        return true;
    }

    private static bool ReadDecimal(ref Utf8JsonReader reader, FieldTable fields, int key, out decimal value)
    {
        value = 0m;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return fields.Fail(MalformedReason.InvalidLevel, key);
        }

        return !reader.ValueIsEscaped
            ? fields.ParseDecimal(reader.ValueSpan, key, signed: false, out value)
            : fields.Fail(MalformedReason.InvalidNumber, key);
    }
}

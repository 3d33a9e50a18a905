using System.Collections.Immutable;
using System.Text.Json;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Wire;

/// <summary>Reads level arrays <c>[["price","qty"],...]</c> while the frame is scanned, into reused builders.</summary>
/// <remarks>
/// The scan hands every array value of <c>b</c>, <c>a</c>, <c>bids</c> and <c>asks</c> to <see cref="Read"/>, so
/// the levels, the bulk of a depth frame, are tokenised once. A bad level is remembered, not thrown, and
/// surfaces when the payload asks for the levels (<see cref="TryGet"/>). The only allocation is the resulting
/// array (none when it is empty). Prices and quantities must be non-negative decimal strings. Not thread-safe.
/// </remarks>
internal sealed class BookLevelReader
{
    private readonly ImmutableArray<BookLevel>.Builder[] _builders =
        [.. Enumerable.Range(0, 4).Select(_ => ImmutableArray.CreateBuilder<BookLevel>(64))];

    private readonly MalformedReason[] _faults = new MalformedReason[4];

    /// <summary>Whether <paramref name="key"/> names a level array.</summary>
    public static bool IsLevelKey(int key) => IndexOf(key) >= 0;

    /// <summary>Reads the array the reader is on into the builder of <paramref name="key"/>, leaving the reader on its end.</summary>
    public void Read(ref Utf8JsonReader reader, int key)
    {
        var index = IndexOf(key);
        var builder = _builders[index];
        builder.Clear();
        _faults[index] = default;
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var fault = ReadLevel(ref reader, builder);
            if (fault != default)
            {
                _faults[index] = fault;
                SkipToEnd(ref reader, depth);
                return;
            }
        }
    }

    /// <summary>The levels read for <paramref name="key"/> in the last scan; false with a fault in <paramref name="fields"/>.</summary>
    public bool TryGet(FieldTable fields, int key, out ImmutableArray<BookLevel> levels)
    {
        levels = default;
        if (!fields.Require(key, JsonTokenType.StartArray, out _))
        {
            return false;
        }

        var index = IndexOf(key);
        if (_faults[index] != default)
        {
            return fields.Fail(_faults[index], key);
        }

        var builder = _builders[index];
        levels = builder.Count == 0 ? [] : builder.ToImmutable();
        return true;
    }

    private static MalformedReason ReadLevel(ref Utf8JsonReader reader, ImmutableArray<BookLevel>.Builder builder)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return MalformedReason.InvalidLevel;
        }

        var fault = ReadDecimal(ref reader, out var price);
        if (fault == default)
        {
            fault = ReadDecimal(ref reader, out var quantity);
            if (fault == default)
            {
                builder.Add(new BookLevel(price, quantity));
                return reader.Read() && reader.TokenType == JsonTokenType.EndArray ? default : MalformedReason.InvalidLevel;
            }
        }

        return fault;
    }

    private static MalformedReason ReadDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0m;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return MalformedReason.InvalidLevel;
        }

        if (reader.ValueIsEscaped || !WireNumber.TryParseDecimal(reader.ValueSpan, out value))
        {
            return MalformedReason.InvalidNumber;
        }

        return value < 0m ? MalformedReason.NegativeValue : default;
    }

    /// <summary>Moves past the rest of the array that started at <paramref name="depth"/>, onto its end.</summary>
    private static void SkipToEnd(ref Utf8JsonReader reader, int depth)
    {
        while (!(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
        {
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject && (reader.CurrentDepth > depth))
            {
                reader.Skip();
            }

            reader.Read();
        }
    }

    private static int IndexOf(int key) => key switch
    {
        FieldKeys.Bids => 0,
        FieldKeys.Asks => 1,
        _ when key == FieldKeys.Letter('b') => 2,
        _ when key == FieldKeys.Letter('a') => 3,
        _ => -1,
    };
}

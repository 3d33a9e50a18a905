using System.Text.Json;

namespace RxTrader.Binance.Wire;

/// <summary>
/// One pass over a JSON object that records where each known field's value is, so that payloads are read
/// by key whatever the key order; then typed, non-throwing accessors over the recorded values (<c>FieldTable.Values.cs</c>).
/// </summary>
/// <remarks>
/// Slots are stamped with a generation instead of being cleared, so a scan costs nothing per absent key.
/// A failed accessor records <see cref="FaultReason"/> and <see cref="FaultKey"/> for the report.
/// Not thread-safe: one table per decoder.
/// </remarks>
internal sealed partial class FieldTable
{
    /// <summary>Nesting Binance payloads need (wrapper → data → levels → level) with room to spare.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 8 };

    private readonly FieldSlot[] _slots = new FieldSlot[FieldKeys.Count];
    private readonly BookLevelReader _levels = new();
    private int _generation;

    /// <summary>Why the last accessor failed.</summary>
    public MalformedReason FaultReason { get; private set; }

    /// <summary>The key the last accessor failed on, or -1.</summary>
    public int FaultKey { get; private set; } = -1;

    /// <summary>Scans the whole frame; records the fields when it is an object, with those of a combined frame's <c>data</c> object.</summary>
    /// <exception cref="JsonException">The frame is not exactly one well-formed JSON value.</exception>
    public RootShape ScanRoot(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame, ReaderOptions);
        reader.Read();
        var shape = reader.TokenType switch
        {
            JsonTokenType.StartObject => RootShape.Object,
            JsonTokenType.StartArray => RootShape.Array,
            _ => RootShape.Scalar,
        };
        if (shape == RootShape.Object)
        {
            ScanProperties(ref reader, 0, flattenData: true);
        }
        else
        {
            NextGeneration();
            reader.Skip();
        }

        // Anything but trailing whitespace makes this throw: one frame is one JSON value.
        reader.Read();
        return shape;
    }

    /// <summary>Scans the object value of <paramref name="key"/>, replacing the recorded fields.</summary>
    /// <returns>False (with a fault) when the value is absent or not an object.</returns>
    public bool ScanObject(ReadOnlySpan<byte> frame, int key)
    {
        if (!Require(key, JsonTokenType.StartObject, out var slot))
        {
            return false;
        }

        // Already validated by the root scan, so this reader does not throw.
        var reader = new Utf8JsonReader(frame.Slice(slot.Start, slot.Length), ReaderOptions);
        reader.Read();
        ScanProperties(ref reader, slot.Start);
        return true;
    }

    /// <summary>Whether <paramref name="key"/> was present in the last scan.</summary>
    public bool Has(int key) => _slots[key].Generation == _generation;

    /// <summary>The recorded value of <paramref name="key"/>; check <see cref="Has"/> first.</summary>
    public ref readonly FieldSlot this[int key] => ref _slots[key];

    private void NextGeneration()
    {
        if (++_generation == 0)
        {
            // After 2^32 scans a stale stamp could match again: start over from clean slots.
            Array.Clear(_slots);
            _generation = 1;
        }
    }

    private void ScanProperties(ref Utf8JsonReader reader, int offset, bool flattenData = false)
    {
        NextGeneration();
        ScanMembers(ref reader, offset, flattenData);
    }

    /// <summary>Records the members of the current object until its end.</summary>
    /// <param name="reader">Positioned on the object's start.</param>
    /// <param name="offset">Where the reader's input starts in the frame.</param>
    /// <param name="flattenData">
    /// Whether the members of a combined frame's <c>data</c> object are recorded in the same pass. The wrapper
    /// only has <c>stream</c> and <c>data</c>, which payloads never use, so nothing collides, and the payload is
    /// tokenised once instead of twice.
    /// </param>
    /// <param name="insideData">Whether this is the <c>data</c> object, where <c>stream</c> and <c>data</c> are ignored.</param>
    private void ScanMembers(ref Utf8JsonReader reader, int offset, bool flattenData, bool insideData = false)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueIsEscaped ? -1 : FieldKeys.IndexOf(reader.ValueSpan);
            if (insideData && key is FieldKeys.Stream or FieldKeys.Data)
            {
                key = -1;
            }

            reader.Read();
            if (key < 0)
            {
                reader.Skip();
                continue;
            }

            ref var slot = ref _slots[key];
            slot.Generation = _generation;
            slot.Type = reader.TokenType;
            slot.Escaped = reader.ValueIsEscaped;
            var start = offset + (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    (slot.Start, slot.Length) = (start + 1, reader.ValueSpan.Length);
                    break;
                case JsonTokenType.StartObject when flattenData && key == FieldKeys.Data:
                    slot.Start = start;
                    ScanMembers(ref reader, offset, flattenData: false, insideData: true);
                    slot.Length = offset + (int)reader.TokenStartIndex + 1 - start;
                    break;
                case JsonTokenType.StartArray when BookLevelReader.IsLevelKey(key):
                    _levels.Read(ref reader, key);
                    (slot.Start, slot.Length) = (start, offset + (int)reader.TokenStartIndex + 1 - start);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    reader.Skip();
                    (slot.Start, slot.Length) = (start, offset + (int)reader.TokenStartIndex + 1 - start);
                    break;
                default:
                    (slot.Start, slot.Length) = (start, reader.ValueSpan.Length);
                    break;
            }
        }
    }
}

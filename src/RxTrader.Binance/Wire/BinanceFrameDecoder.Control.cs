using System.Collections.Immutable;
using System.Text.Json;
using static RxTrader.Binance.Wire.FieldKeys;

namespace RxTrader.Binance.Wire;

/// <summary>Control replies and the server-shutdown notice: rare, so they may allocate.</summary>
public sealed partial class BinanceFrameDecoder
{
    private DecodeStatus DecodeServerShutdown(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        if (!_fields.Time(frame, Letter('E'), _unit, out var eventTime))
        {
            return Malformed(frame);
        }

        Counters.AddServerShutdown();
        sink.OnServerShutdown(new ServerShutdown(eventTime));
        return DecodeStatus.Control;
    }

    private DecodeStatus DecodeControlReply(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        if (!TryReadId(frame, out var id, out var textId))
        {
            return Malformed(frame);
        }

        ControlReply? reply;
        if (_fields.Has(Error))
        {
            // {"error":{"code":N,"msg":"..."},"id":N}: the fields are now those of the inner object.
            reply = _fields.ScanObject(frame, Error) ? ReadError(frame) : null;
        }
        else if (_fields.Has(Result))
        {
            reply = ReadResult(frame);
        }
        else
        {
            reply = ReadError(frame); // the bare {"code":N,"msg":"..."} shape
        }

        if (reply is null)
        {
            return Malformed(frame);
        }

        Counters.AddControlReply();
        sink.OnControlReply(reply with { Id = id, TextId = textId });
        return DecodeStatus.Control;
    }

    private bool TryReadId(ReadOnlySpan<byte> frame, out long? id, out string? textId)
    {
        (id, textId) = (null, null);
        if (!_fields.Has(Id))
        {
            return true;
        }

        switch (_fields[Id].Type)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number when _fields.Int64(frame, Id, out var number):
                id = number;
                return true;
            case JsonTokenType.String:
                textId = ReadText(frame, Id);
                return textId is not null;
            default:
                return _fields.Fail(MalformedReason.WrongType, Id);
        }
    }

    private ControlReply? ReadError(ReadOnlySpan<byte> frame)
    {
        if (!_fields.Int64(frame, Code, out var code) || code is < int.MinValue or > int.MaxValue)
        {
            _fields.Fail(_fields.Has(Code) ? MalformedReason.InvalidNumber : MalformedReason.MissingField, Code);
            return null;
        }

        if (!_fields.Require(Msg, JsonTokenType.String, out _) || ReadText(frame, Msg) is not { } message)
        {
            return null;
        }

        return new ControlReply { Kind = ControlReplyKind.Error, Error = new StreamError((int)code, message) };
    }

    private ControlReply? ReadResult(ReadOnlySpan<byte> frame)
    {
        var slot = _fields[Result];
        switch (slot.Type)
        {
            case JsonTokenType.Null:
                return new ControlReply { Kind = ControlReplyKind.Acknowledged };
            case JsonTokenType.True or JsonTokenType.False:
                return new ControlReply { Kind = ControlReplyKind.PropertyValue, PropertyValue = slot.Type == JsonTokenType.True };
            case JsonTokenType.StartArray:
                return ReadStreams(frame.Slice(slot.Start, slot.Length)) is { IsDefault: false } streams
                    ? new ControlReply { Kind = ControlReplyKind.Subscriptions, Streams = streams }
                    : null;
            default:
                _fields.Fail(MalformedReason.WrongType, Result);
                return null;
        }
    }

    private ImmutableArray<string> ReadStreams(ReadOnlySpan<byte> array)
    {
        var reader = new Utf8JsonReader(array, FieldTable.ReaderOptions);
        reader.Read();
        var streams = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String || TryGetString(ref reader) is not { } stream)
            {
                _fields.Fail(reader.TokenType == JsonTokenType.String ? MalformedReason.InvalidText : MalformedReason.WrongType, Result);
                return default;
            }

            streams.Add(stream);
        }

        return streams.ToImmutable();
    }

    /// <summary>The unescaped text of a string field; null (with a fault) when it is not valid UTF-8.</summary>
    private string? ReadText(ReadOnlySpan<byte> frame, int key)
    {
        var slot = _fields[key];
        var reader = new Utf8JsonReader(frame.Slice(slot.Start - 1, slot.Length + 2), FieldTable.ReaderOptions);
        reader.Read();
        var text = TryGetString(ref reader);
        if (text is null)
        {
            _fields.Fail(MalformedReason.InvalidText, key);
        }

        return text;
    }

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // invalid UTF-8 inside the string
        }
    }
}

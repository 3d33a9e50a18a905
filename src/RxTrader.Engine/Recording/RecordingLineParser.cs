using System.Text;
using System.Text.Json;
using RxTrader.Core.Connectivity;

namespace RxTrader.Engine.Recording;

/// <summary>Parses one NDJSON line of a recording with <see cref="Utf8JsonReader"/> (no reflection).</summary>
internal static class RecordingLineParser
{
    /// <summary>Parses a header line; returns the problem, or <see langword="null"/> when it is a version this build reads.</summary>
    public static string? CheckHeader(ReadOnlySpan<byte> line)
    {
        string? format = null;
        long? version = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "the first line is not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("format"u8))
                {
                    reader.Read();
                    format = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return "the first line is not JSON";
        }

        if (format != RecordingFormat.Name)
        {
            return $"unknown format '{format}' (expected '{RecordingFormat.Name}')";
        }

        return version == RecordingFormat.Version
            ? null
            : $"unsupported {RecordingFormat.Name} version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} (this build reads version {RecordingFormat.Version})";
    }

    /// <summary>Parses an event line; <see langword="null"/> for the end marker.</summary>
    /// <exception cref="FormatException">The line is not a valid record.</exception>
    public static RecordedEvent? Parse(ReadOnlySpan<byte> line, RecordingNameCache names, out bool isEnd)
    {
        isEnd = false;
        string? kind = null;
        long? t = null;
        string? s = null;
        string? p = null;
        string? r = null;
        string? x = null;
        long? a = null;
        long? dl = null;
        long? from = null;
        long? to = null;
        long? last = null;
        long? forMicros = null;
        string? ok = null;
        string? body = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("k"u8))
                {
                    kind = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("t"u8))
                {
                    t = ReadLong(ref reader);
                }
                else if (reader.ValueTextEquals("s"u8))
                {
                    reader.Read();
                    s = reader.TokenType != JsonTokenType.String ? reader.GetString()
                        : reader.ValueIsEscaped ? reader.GetString()
                        : names.Get(reader.ValueSpan);
                }
                else if (reader.ValueTextEquals("p"u8))
                {
                    p = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("b"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new FormatException("'b' is not a JSON object");
                    }

                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    body = Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]);
                }
                else if (reader.ValueTextEquals("r"u8))
                {
                    r = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("x"u8))
                {
                    x = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("a"u8))
                {
                    a = ReadLong(ref reader);
                }
                else if (reader.ValueTextEquals("dl"u8))
                {
                    dl = ReadLong(ref reader);
                }
                else if (reader.ValueTextEquals("from"u8))
                {
                    from = ReadLong(ref reader);
                }
                else if (reader.ValueTextEquals("to"u8))
                {
                    to = ReadLong(ref reader);
                }
                else if (reader.ValueTextEquals("last"u8))
                {
                    last = ReadLong(ref reader);
                }
                else if (reader.ValueTextEquals("for"u8))
                {
                    forMicros = ReadLong(ref reader);
                }
                else if (reader.ValueTextEquals("ok"u8))
                {
                    ok = ReadString(ref reader);
                }
                else
                {
                    // Unknown fields are skipped so a later minor addition does not break older readers.
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.BytesConsumed != line.Length)
            {
                throw new FormatException("unexpected content after the JSON object");
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid JSON ({e.Message})", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"a field has the wrong type ({e.Message})", e);
        }

        if (kind == RecordingFormat.EndKind)
        {
            isEnd = true;
            return null;
        }

        var time = RecordingFormat.FromMicros(t ?? throw Missing("t"));
        var source = s ?? throw Missing("s");
        return kind switch
        {
            RecordingFormat.FrameKind => new RecordedFrame(time, source, p ?? throw Missing("p")),
            RecordingFormat.ConnectedKind => new RecordedConnectionEvent(new Connected(time, source)),
            RecordingFormat.DisconnectedKind => new RecordedConnectionEvent(new Disconnected(time, source, ParseReason(r), x)),
            RecordingFormat.ReconnectingKind => new RecordedConnectionEvent(new Reconnecting(
                time, source, checked((int)(a ?? throw Missing("a"))), RecordingFormat.SpanFromMicros(dl ?? throw Missing("dl")))),
            RecordingFormat.GapKind => new RecordedConnectionEvent(new Gap(
                time, source, RecordingFormat.FromMicros(from ?? throw Missing("from")), RecordingFormat.FromMicros(to ?? throw Missing("to")))),
            RecordingFormat.StaleKind => new RecordedConnectionEvent(new Stale(time, source, last is { } l ? RecordingFormat.FromMicros(l) : null)),
            RecordingFormat.FreshKind => new RecordedConnectionEvent(new Fresh(time, source, RecordingFormat.SpanFromMicros(forMicros ?? throw Missing("for")))),
            RecordingFormat.OrderKindCode => new RecordedOrderEvent(time, source, ok ?? throw Missing("ok"), body ?? throw Missing("b")),
            null => throw Missing("k"),
            _ => throw new FormatException($"unknown record kind '{kind}'"),
        };
    }

    private static DisconnectReason ParseReason(string? reason) =>
        Enum.TryParse<DisconnectReason>(reason, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new FormatException($"unknown disconnect reason '{reason}'");

    private static FormatException Missing(string field) => new($"missing field '{field}'");

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
    }

    private static long ReadLong(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetInt64();
    }
}

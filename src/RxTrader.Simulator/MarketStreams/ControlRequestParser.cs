using System.Text.Json;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>Reads a control message with <see cref="Utf8JsonReader"/>; never throws for bad input.</summary>
internal static class ControlRequestParser
{
    private const int MaxTextIdLength = 36;

    /// <summary>Parses <paramref name="message"/>; on malformed JSON returns false with the code 3 error.</summary>
    public static bool TryParse(ReadOnlySpan<byte> message, out ControlRequest request, out ExchangeError? jsonError)
    {
        request = new ControlRequest { Length = message.Length };
        jsonError = null;
        var reader = new Utf8JsonReader(message, new JsonReaderOptions { MaxDepth = 16 });
        try
        {
            if (!reader.Read())
            {
                jsonError = ControlErrors.InvalidJson(1, 1);
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                // Valid JSON of the wrong shape: read it to the end so syntax errors still win.
                reader.Skip();
                while (reader.Read())
                {
                }

                request.BadMethodType = true;
                return true;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("method"u8))
                {
                    ReadMethod(ref reader, request);
                }
                else if (reader.ValueTextEquals("params"u8))
                {
                    ReadParameters(ref reader, request);
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    ReadId(ref reader, request);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            while (reader.Read())
            {
                // Trailing tokens make the reader throw; whitespace ends the loop.
            }

            return true;
        }
        catch (JsonException e)
        {
            jsonError = ControlErrors.InvalidJson((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
            return false;
        }
    }

    private static void ReadMethod(ref Utf8JsonReader reader, ControlRequest request)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            request.Method = reader.GetString();
            request.MethodEndColumn = reader.BytesConsumed;
        }
        else
        {
            request.BadMethodType = true;
            reader.Skip();
        }
    }

    private static void ReadParameters(ref Utf8JsonReader reader, ControlRequest request)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            request.BadParamsType = true;
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var type = reader.TokenType;
            var text = type == JsonTokenType.String ? reader.GetString() : null;
            if (type is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                reader.Skip();
            }

            request.Parameters.Add(new ControlParameter(type, text));
        }
    }

    private static void ReadId(ref Utf8JsonReader reader, ControlRequest request)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                request.Id = ControlId.Null;
                return;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                request.Id = new ControlId(number, null);
                return;
            case JsonTokenType.String when IsValidTextId(ref reader, out var text):
                request.Id = new ControlId(null, text);
                return;
            default:
                request.BadId = true;
                request.Id = ControlId.Null;
                reader.Skip();
                return;
        }
    }

    private static bool IsValidTextId(ref Utf8JsonReader reader, out string text)
    {
        text = reader.GetString() ?? string.Empty;
        if (text.Length > MaxTextIdLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Text.Json;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>A control request's <c>id</c> as echoed in the reply: a 64-bit integer, a string of up to 36
/// alphanumeric characters, or null (also when absent or invalid).</summary>
internal readonly record struct ControlId(long? Number, string? Text)
{
    public static ControlId Null => default;

    public void Write(Utf8JsonWriter w)
    {
        if (Number is { } number)
        {
            w.WriteNumber("id"u8, number);
        }
        else if (Text is { } text)
        {
            w.WriteString("id"u8, text);
        }
        else
        {
            w.WriteNull("id"u8);
        }
    }
}

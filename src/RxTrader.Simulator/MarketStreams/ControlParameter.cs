using System.Text.Json;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>One element of a control request's <c>params</c> array: its JSON type and, for strings and booleans, its value.</summary>
internal readonly record struct ControlParameter(JsonTokenType Type, string? Text)
{
    public bool IsString => Type == JsonTokenType.String;

    public bool IsBoolean => Type is JsonTokenType.True or JsonTokenType.False;
}

using System.Text.Json;

namespace RxTrader.Binance.Wire;

/// <summary>Where one field's value sits in the frame, recorded during the scan and read afterwards.</summary>
/// <remarks>
/// For strings <see cref="Start"/>/<see cref="Length"/> cover the raw text between the quotes; for numbers the
/// literal; for objects and arrays the whole bracketed value. Offsets are absolute in the frame.
/// </remarks>
internal struct FieldSlot
{
    /// <summary>The scan generation that wrote the slot; older generations mean "absent".</summary>
    public int Generation;

    /// <summary>The JSON type of the value.</summary>
    public JsonTokenType Type;

    /// <summary>Whether a string value contains escape sequences.</summary>
    public bool Escaped;

    /// <summary>The first byte of the value in the frame.</summary>
    public int Start;

    /// <summary>The length of the value in bytes.</summary>
    public int Length;
}

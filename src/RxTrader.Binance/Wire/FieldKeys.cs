using System.Runtime.CompilerServices;

namespace RxTrader.Binance.Wire;

/// <summary>Maps the property names the decoder knows to slot indices.</summary>
/// <remarks>
/// Binance payload keys are single ASCII letters (case-sensitive: <c>e</c> ≠ <c>E</c>), which map to 0–51;
/// the few longer names used by wrappers, partial depth and control replies follow.
/// </remarks>
internal static class FieldKeys
{
    public const int Stream = 52;
    public const int Data = 53;
    public const int LastUpdateId = 54;
    public const int Bids = 55;
    public const int Asks = 56;
    public const int Result = 57;
    public const int Id = 58;
    public const int Error = 59;
    public const int Code = 60;
    public const int Msg = 61;

    /// <summary>The number of slots.</summary>
    public const int Count = 62;

    private static readonly string[] Names = BuildNames();

    /// <summary>The slot of a single-letter key; folds to a constant for a constant argument.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Letter(char c) => c >= 'a' ? 26 + c - 'a' : c - 'A';

    /// <summary>The slot of <paramref name="name"/>, or -1 for a name the decoder ignores.</summary>
    public static int IndexOf(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            var c = name[0];
            return c is >= (byte)'A' and <= (byte)'Z' ? c - 'A' : c is >= (byte)'a' and <= (byte)'z' ? 26 + c - 'a' : -1;
        }

        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => Id,
            3 when name.SequenceEqual("msg"u8) => Msg,
            4 when name.SequenceEqual("data"u8) => Data,
            4 when name.SequenceEqual("bids"u8) => Bids,
            4 when name.SequenceEqual("asks"u8) => Asks,
            4 when name.SequenceEqual("code"u8) => Code,
            5 when name.SequenceEqual("error"u8) => Error,
            6 when name.SequenceEqual("stream"u8) => Stream,
            6 when name.SequenceEqual("result"u8) => Result,
            12 when name.SequenceEqual("lastUpdateId"u8) => LastUpdateId,
            _ => -1,
        };
    }

    /// <summary>The property name of slot <paramref name="key"/>, for reports.</summary>
    public static string NameOf(int key) => (uint)key < Count ? Names[key] : "?";

    private static string[] BuildNames()
    {
        var names = new string[Count];
        for (var c = 'A'; c <= 'Z'; c++)
        {
            names[Letter(c)] = c.ToString();
            names[Letter(char.ToLowerInvariant(c))] = char.ToLowerInvariant(c).ToString();
        }

        (names[Stream], names[Data], names[LastUpdateId], names[Bids], names[Asks]) = ("stream", "data", "lastUpdateId", "bids", "asks");
        (names[Result], names[Id], names[Error], names[Code], names[Msg]) = ("result", "id", "error", "code", "msg");
        return names;
    }
}

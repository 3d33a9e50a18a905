namespace RxTrader.Engine.Recording;

/// <summary>
/// Reuses the string of a stream/source name already seen: a recording repeats a handful of names millions of times,
/// so this saves one allocation per event. Bounded: at most <see cref="Capacity"/> names, replaced round-robin.
/// </summary>
internal sealed class RecordingNameCache
{
    public const int Capacity = 32;
    private readonly byte[][] _bytes = new byte[Capacity][];
    private readonly string[] _names = new string[Capacity];
    private int _count;
    private int _next;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < _count; i++)
        {
            if (utf8.SequenceEqual(_bytes[i]))
            {
                return _names[i];
            }
        }

        var name = System.Text.Encoding.UTF8.GetString(utf8);
        _bytes[_next] = utf8.ToArray();
        _names[_next] = name;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
        return name;
    }
}

namespace RxTrader.Host.Bench;

/// <summary>
/// When each trade's frame was written to the socket, keyed by its trade id (the blaster numbers trades from
/// <see cref="FirstTradeId"/>), in a ring: an id older than the ring reads as unknown and is not sampled.
/// </summary>
internal sealed class SendTimes
{
    /// <summary>The first trade id the blaster sends: 13 digits, so every id of a run has the same width on the wire.</summary>
    public const long FirstTradeId = 1_000_000_000_000;

    private const int Size = 1 << 20;
    private const int Mask = Size - 1;
    private readonly long[] _timestamps = new long[Size];
    private readonly long[] _ids = new long[Size];

    /// <summary>Remembers that trade <paramref name="tradeId"/> was written at <paramref name="timestamp"/>.</summary>
    public void Record(long tradeId, long timestamp)
    {
        var slot = (int)(tradeId & Mask);
        Volatile.Write(ref _timestamps[slot], timestamp);
        Volatile.Write(ref _ids[slot], tradeId);
    }

    /// <summary>The write timestamp of <paramref name="tradeId"/>, or 0 when it has left the ring.</summary>
    public long Get(long tradeId)
    {
        var slot = (int)(tradeId & Mask);
        var timestamp = Volatile.Read(ref _timestamps[slot]);
        return Volatile.Read(ref _ids[slot]) == tradeId ? timestamp : 0;
    }
}

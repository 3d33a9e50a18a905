namespace RxTrader.Binance.Rest;

/// <summary>
/// The estimated offset of the exchange clock from the local clock, measured by
/// <see cref="BinanceRestClient.GetServerTimeAsync"/>: <c>serverTime − (sent + received) / 2</c>, NTP-style.
/// Readable from any thread.
/// </summary>
public sealed class ServerClock
{
    private readonly TimeProvider _time;
    private Sample? _last;

    internal ServerClock(TimeProvider time) => _time = time;

    /// <summary>Server time minus local time, from the last measurement; null before the first.</summary>
    public TimeSpan? Offset => Volatile.Read(ref _last)?.Offset;

    /// <summary>The round trip of the last measurement, which bounds its error (± half of it); null before the first.</summary>
    public TimeSpan? RoundTrip => Volatile.Read(ref _last)?.RoundTrip;

    /// <summary>The estimated exchange time now: local time plus <see cref="Offset"/> (or local time if unmeasured).</summary>
    public DateTimeOffset Now => _time.GetUtcNow() + (Offset ?? TimeSpan.Zero);

    /// <summary>Records one measurement.</summary>
    /// <param name="serverTime">The time the exchange reported.</param>
    /// <param name="sentAt">The local time the request was sent.</param>
    /// <param name="receivedAt">The local time the answer arrived.</param>
    internal void Update(DateTimeOffset serverTime, DateTimeOffset sentAt, DateTimeOffset receivedAt)
    {
        var roundTrip = receivedAt - sentAt;
        var midpoint = sentAt + (roundTrip / 2);
        Volatile.Write(ref _last, new Sample(serverTime - midpoint, roundTrip));
    }

    private sealed record Sample(TimeSpan Offset, TimeSpan RoundTrip);
}

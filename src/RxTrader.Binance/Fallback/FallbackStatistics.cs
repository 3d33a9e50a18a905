namespace RxTrader.Binance.Fallback;

/// <summary>Live counters of a <see cref="MarketDataFallback"/>, readable from any thread.</summary>
/// <remarks>Each value is read atomically; values read one after another may be from different moments.</remarks>
public sealed class FallbackStatistics
{
    private long _polls;
    private long _pollsOk;
    private long _pollsRejected;
    private long _pollsMalformed;
    private long _pollsRateLimited;
    private long _pollsUnknown;
    private long _pollsFaulted;
    private long _pollsSkipped;
    private long _switchesToRest;
    private long _switchesToSocket;
    private long _duplicateCandles;

    internal FallbackStatistics()
    {
    }

    /// <summary>REST polls sent (book ticker and klines).</summary>
    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>Polls answered <see cref="Rest.RestResult{T}.Ok"/>.</summary>
    public long PollsSucceeded => Interlocked.Read(ref _pollsOk);

    /// <summary>Polls answered <see cref="Rest.RestResult{T}.Rejected"/>.</summary>
    public long PollsRejected => Interlocked.Read(ref _pollsRejected);

    /// <summary>Polls answered <see cref="Rest.RestResult{T}.Malformed"/>.</summary>
    public long PollsMalformed => Interlocked.Read(ref _pollsMalformed);

    /// <summary>Polls answered <see cref="Rest.RestResult{T}.RateLimited"/>.</summary>
    public long PollsRateLimited => Interlocked.Read(ref _pollsRateLimited);

    /// <summary>Polls answered <see cref="Rest.RestResult{T}.Unknown"/>.</summary>
    public long PollsUnknown => Interlocked.Read(ref _pollsUnknown);

    /// <summary>Polls whose call threw or whose task faulted or was cancelled.</summary>
    public long PollsFaulted => Interlocked.Read(ref _pollsFaulted);

    /// <summary>Polls not sent because the weight budget share was used up or the source was blocked.</summary>
    public long PollsSkippedForBudget => Interlocked.Read(ref _pollsSkipped);

    /// <summary>Switches from the socket to REST polling.</summary>
    public long SwitchesToRest => Interlocked.Read(ref _switchesToRest);

    /// <summary>Switches from REST polling back to the socket.</summary>
    public long SwitchesToSocket => Interlocked.Read(ref _switchesToSocket);

    /// <summary>Candles not emitted: a closed candle already emitted, or an update of a candle already closed.</summary>
    public long DuplicateCandlesDropped => Interlocked.Read(ref _duplicateCandles);

    internal void Poll() => Interlocked.Increment(ref _polls);

    internal void Skipped() => Interlocked.Increment(ref _pollsSkipped);

    internal void Faulted() => Interlocked.Increment(ref _pollsFaulted);

    internal void SwitchedToRest() => Interlocked.Increment(ref _switchesToRest);

    internal void SwitchedToSocket() => Interlocked.Increment(ref _switchesToSocket);

    internal void DuplicateCandle() => Interlocked.Increment(ref _duplicateCandles);

    internal void Outcome<T>(Rest.RestResult<T> result)
    {
        switch (result)
        {
            case Rest.RestResult<T>.Ok:
                Interlocked.Increment(ref _pollsOk);
                break;
            case Rest.RestResult<T>.Rejected:
                Interlocked.Increment(ref _pollsRejected);
                break;
            case Rest.RestResult<T>.Malformed:
                Interlocked.Increment(ref _pollsMalformed);
                break;
            case Rest.RestResult<T>.RateLimited:
                Interlocked.Increment(ref _pollsRateLimited);
                break;
            default:
                Interlocked.Increment(ref _pollsUnknown);
                break;
        }
    }
}

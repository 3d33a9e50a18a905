namespace RxTrader.Binance.Execution;

/// <summary>Counters of a <see cref="BinanceExecutionVenue"/>; readable from any thread.</summary>
public sealed class VenueStatistics
{
    private long _submits;
    private long _unknownSubmits;
    private long _resolvedFound;
    private long _resolvedNotPlaced;
    private long _unresolved;
    private long _resends;
    private long _clockResyncs;
    private long _timeSyncs;
    private long _refusedLocally;
    private long _polls;

    /// <summary>Orders sent (each resend counts).</summary>
    public long Submits => Interlocked.Read(ref _submits);

    /// <summary>Submits whose answer left the outcome unknown (timeout, 5xx, dropped connection, malformed answer).</summary>
    public long UnknownSubmits => Interlocked.Read(ref _unknownSubmits);

    /// <summary>Unknown submits resolved as placed (the query found the order).</summary>
    public long ResolvedFound => Interlocked.Read(ref _resolvedFound);

    /// <summary>Unknown submits resolved as not placed (not found once the original could no longer arrive).</summary>
    public long ResolvedNotPlaced => Interlocked.Read(ref _resolvedNotPlaced);

    /// <summary>Unknown submits the venue could not resolve (answered <c>Unknown</c>).</summary>
    public long Unresolved => Interlocked.Read(ref _unresolved);

    /// <summary>Orders sent again after being proven not placed.</summary>
    public long Resends => Interlocked.Read(ref _resends);

    /// <summary>Requests sent again after a <c>-1021</c> and a clock resync.</summary>
    public long ClockResyncs => Interlocked.Read(ref _clockResyncs);

    /// <summary>Exchange clock syncs (<c>/api/v3/time</c>).</summary>
    public long TimeSyncs => Interlocked.Read(ref _timeSyncs);

    /// <summary>Orders refused by the client-side limiter or a local 429/418 block, never sent.</summary>
    public long RefusedLocally => Interlocked.Read(ref _refusedLocally);

    /// <summary>REST polling rounds run while the user data stream was down.</summary>
    public long Polls => Interlocked.Read(ref _polls);

    internal void AddSubmit() => Interlocked.Increment(ref _submits);

    internal void AddUnknownSubmit() => Interlocked.Increment(ref _unknownSubmits);

    internal void AddResolvedFound() => Interlocked.Increment(ref _resolvedFound);

    internal void AddResolvedNotPlaced() => Interlocked.Increment(ref _resolvedNotPlaced);

    internal void AddUnresolved() => Interlocked.Increment(ref _unresolved);

    internal void AddResend() => Interlocked.Increment(ref _resends);

    internal void AddClockResync() => Interlocked.Increment(ref _clockResyncs);

    internal void AddTimeSync() => Interlocked.Increment(ref _timeSyncs);

    internal void AddRefusedLocally() => Interlocked.Increment(ref _refusedLocally);

    internal void AddPoll() => Interlocked.Increment(ref _polls);
}

namespace RxTrader.Binance.Wire;

/// <summary>Live counts of what a <see cref="BinanceFrameDecoder"/> has seen, readable from any thread.</summary>
/// <remarks>Each count is read atomically; counts read one after another may be from different moments.</remarks>
public sealed class DecoderCounters
{
    private long _trades;
    private long _aggregateTrades;
    private long _candles;
    private long _miniTickers;
    private long _tickers;
    private long _bookTickers;
    private long _depthSnapshots;
    private long _depthUpdates;
    private long _controlReplies;
    private long _serverShutdowns;
    private long _unknown;
    private long _malformed;
    private long _reportsSuppressed;
    private long _internedSymbols;
    private long _symbolCacheOverflows;

    internal DecoderCounters()
    {
    }

    /// <summary>Trades decoded.</summary>
    public long Trades => Interlocked.Read(ref _trades);

    /// <summary>Aggregate trades decoded.</summary>
    public long AggregateTrades => Interlocked.Read(ref _aggregateTrades);

    /// <summary>Kline updates decoded into candles.</summary>
    public long Candles => Interlocked.Read(ref _candles);

    /// <summary>Mini tickers decoded.</summary>
    public long MiniTickers => Interlocked.Read(ref _miniTickers);

    /// <summary>Full tickers decoded.</summary>
    public long Tickers => Interlocked.Read(ref _tickers);

    /// <summary>Book tickers decoded.</summary>
    public long BookTickers => Interlocked.Read(ref _bookTickers);

    /// <summary>Partial-depth snapshots decoded.</summary>
    public long DepthSnapshots => Interlocked.Read(ref _depthSnapshots);

    /// <summary>Diff-depth updates decoded.</summary>
    public long DepthUpdates => Interlocked.Read(ref _depthUpdates);

    /// <summary>Control replies decoded, errors included.</summary>
    public long ControlReplies => Interlocked.Read(ref _controlReplies);

    /// <summary><c>serverShutdown</c> notices decoded.</summary>
    public long ServerShutdowns => Interlocked.Read(ref _serverShutdowns);

    /// <summary>Market-data payloads decoded, all kinds together.</summary>
    public long Decoded => Trades + AggregateTrades + Candles + MiniTickers + Tickers + BookTickers + DepthSnapshots + DepthUpdates;

    /// <summary>Well-formed frames of an unknown event type or shape, skipped.</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    /// <summary>Malformed frames, skipped.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Malformed frames not reported to the callback because of the rate limit.</summary>
    public long ReportsSuppressed => Interlocked.Read(ref _reportsSuppressed);

    /// <summary>Symbols in the interning cache.</summary>
    public long InternedSymbols => Interlocked.Read(ref _internedSymbols);

    /// <summary>Symbols allocated uncached because the interning cache was full.</summary>
    public long SymbolCacheOverflows => Interlocked.Read(ref _symbolCacheOverflows);

    internal void AddTrade() => Interlocked.Increment(ref _trades);

    internal void AddAggregateTrade() => Interlocked.Increment(ref _aggregateTrades);

    internal void AddCandle() => Interlocked.Increment(ref _candles);

    internal void AddMiniTicker() => Interlocked.Increment(ref _miniTickers);

    internal void AddTicker() => Interlocked.Increment(ref _tickers);

    internal void AddBookTicker() => Interlocked.Increment(ref _bookTickers);

    internal void AddDepthSnapshot() => Interlocked.Increment(ref _depthSnapshots);

    internal void AddDepthUpdate() => Interlocked.Increment(ref _depthUpdates);

    internal void AddControlReply() => Interlocked.Increment(ref _controlReplies);

    internal void AddServerShutdown() => Interlocked.Increment(ref _serverShutdowns);

    internal void AddUnknown() => Interlocked.Increment(ref _unknown);

    internal void AddMalformed() => Interlocked.Increment(ref _malformed);

    internal void AddReportSuppressed() => Interlocked.Increment(ref _reportsSuppressed);

    internal void SetSymbols(int interned, long overflows)
    {
        Interlocked.Exchange(ref _internedSymbols, interned);
        Interlocked.Exchange(ref _symbolCacheOverflows, overflows);
    }
}

namespace RxTrader.Binance.Wire;

/// <summary>The kinds of per-symbol market streams <see cref="StreamName"/> names.</summary>
public enum StreamKind
{
    /// <summary><c>&lt;symbol&gt;@trade</c>.</summary>
    Trade = 1,

    /// <summary><c>&lt;symbol&gt;@aggTrade</c>.</summary>
    AggregateTrade,

    /// <summary><c>&lt;symbol&gt;@kline_&lt;interval&gt;</c>.</summary>
    Kline,

    /// <summary><c>&lt;symbol&gt;@miniTicker</c>.</summary>
    MiniTicker,

    /// <summary><c>&lt;symbol&gt;@ticker</c>.</summary>
    Ticker,

    /// <summary><c>&lt;symbol&gt;@bookTicker</c>.</summary>
    BookTicker,

    /// <summary><c>&lt;symbol&gt;@depth&lt;5|10|20&gt;[@100ms]</c>: partial book snapshots.</summary>
    PartialDepth,

    /// <summary><c>&lt;symbol&gt;@depth[@100ms]</c>: diff depth.</summary>
    DiffDepth,
}

namespace RxTrader.Simulator.Publishing;

/// <summary>The public market streams the simulator publishes.</summary>
public enum PublicStreamKind
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

    /// <summary><c>&lt;symbol&gt;@depth&lt;5|10|20&gt;[@100ms]</c>.</summary>
    PartialDepth,

    /// <summary><c>&lt;symbol&gt;@depth[@100ms]</c>.</summary>
    DiffDepth,

    /// <summary><c>&lt;symbol&gt;@avgPrice</c>.</summary>
    AveragePrice,

    /// <summary><c>!miniTicker@arr</c>: the mini tickers of every symbol that traded since the previous event.</summary>
    AllMiniTickers,
}

namespace RxTrader.Trading.Risk;

/// <summary>The state of one market-data source of a symbol, as the risk gate sees it.</summary>
public enum DataHealth
{
    /// <summary>Data is current and complete.</summary>
    Healthy = 0,

    /// <summary>The source has been silent longer than its timeout.</summary>
    Stale,

    /// <summary>Data was lost (a gap after a reconnect); healthy again only when told so.</summary>
    Gapped,

    /// <summary>The connection is down or reconnecting.</summary>
    Disconnected,

    /// <summary>The order book is not synchronised with the exchange.</summary>
    BookUnsynced,
}

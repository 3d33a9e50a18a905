namespace RxTrader.Binance.OrderBooks;

/// <summary>Where an <see cref="OrderBookSynchronizer"/> stands; only <see cref="Synced"/> exposes the book.</summary>
public enum OrderBookSyncState
{
    /// <summary>No connection: updates are dropped and the book is empty.</summary>
    Disconnected = 0,

    /// <summary>First synchronisation after a connection: buffering diffs and loading a snapshot.</summary>
    Syncing,

    /// <summary>The book was found wrong or the procedure failed, and it is being rebuilt; the reason says why.</summary>
    Resyncing,

    /// <summary>The book follows the exchange update by update and may be read.</summary>
    Synced,
}

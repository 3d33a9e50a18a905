using RxTrader.Core;

namespace RxTrader.Binance.OrderBooks;

/// <summary>A state change (or a failed step that restarts the procedure) of an <see cref="OrderBookSynchronizer"/>.</summary>
/// <param name="Symbol">The book's symbol.</param>
/// <param name="Time">When it happened, on the synchronizer's scheduler.</param>
/// <param name="State">The state entered.</param>
/// <param name="Reason">Why.</param>
/// <param name="MissingFirstUpdateId">For <see cref="OrderBookSyncReason.Gap"/>: the first update id that never arrived.</param>
/// <param name="MissingLastUpdateId">For <see cref="OrderBookSyncReason.Gap"/>: the last update id that never arrived.</param>
/// <param name="Detail">A human-readable detail (an exception message, the crossed prices), if any.</param>
public sealed record OrderBookStatus(
    Symbol Symbol,
    DateTimeOffset Time,
    OrderBookSyncState State,
    OrderBookSyncReason Reason,
    long? MissingFirstUpdateId = null,
    long? MissingLastUpdateId = null,
    string? Detail = null)
{
    /// <summary>Whether the book may be read.</summary>
    public bool IsSynced => State == OrderBookSyncState.Synced;
}

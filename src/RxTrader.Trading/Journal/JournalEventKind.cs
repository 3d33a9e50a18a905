namespace RxTrader.Trading.Journal;

/// <summary>What one journal event records.</summary>
public enum JournalEventKind
{
    /// <summary>The full order request, written before it is sent.</summary>
    Intent = 1,

    /// <summary>The venue accepted the order.</summary>
    Accepted = 2,

    /// <summary>The venue rejected the order (code and message in the detail).</summary>
    Rejected = 3,

    /// <summary>The venue's answer to a submit is unknown; the order is being reconciled.</summary>
    Unknown = 4,

    /// <summary>A cancel request, written before it is sent.</summary>
    CancelRequested = 5,

    /// <summary>The venue's answer to a cancel request (accepted, rejected or unknown, in the detail).</summary>
    CancelAnswered = 6,

    /// <summary>The venue reported a new order status.</summary>
    StatusChanged = 7,

    /// <summary>A fill, written before it is applied to positions.</summary>
    Fill = 8,

    /// <summary>Reconciliation found the order at the venue.</summary>
    ResolvedFound = 9,

    /// <summary>Reconciliation established that the venue never placed the order.</summary>
    ResolvedNotPlaced = 10,
}

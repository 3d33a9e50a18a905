namespace RxTrader.Trading.Orders;

/// <summary>Where the engine stands with one order it submitted (independent of the venue's <c>OrderStatus</c>).</summary>
public enum OrderTracking
{
    /// <summary>The intent is journaled; the venue has not answered yet.</summary>
    PendingNew = 1,

    /// <summary>
    /// The venue's answer is not known (timeout, dropped connection, malformed answer, or a restart): the order is
    /// queried by client id until the venue says whether it exists. It is never placed again.
    /// </summary>
    Reconciling = 2,

    /// <summary>The venue holds the order and it is not terminal.</summary>
    Open = 3,

    /// <summary>The order reached a terminal status (filled, canceled, rejected, expired).</summary>
    Terminal = 4,

    /// <summary>The venue never placed the order (it does not know the client id, past the grace period).</summary>
    NotPlaced = 5,
}

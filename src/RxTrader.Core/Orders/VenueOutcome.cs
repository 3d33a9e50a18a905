namespace RxTrader.Core.Orders;

/// <summary>
/// What a venue call ended with. Expected outcomes are data, never exceptions: the venue accepted (with the
/// value), rejected (with Binance's code and message), or the outcome is unknown and must be reconciled.
/// </summary>
/// <typeparam name="T">The value of an accepted call.</typeparam>
public abstract record VenueOutcome<T>
{
    // Closed hierarchy: only the nested cases derive.
    private VenueOutcome()
    {
    }

    /// <summary>The venue did what was asked.</summary>
    /// <param name="Value">What it answered.</param>
    public sealed record Accepted(T Value) : VenueOutcome<T>;

    /// <summary>The venue refused; nothing changed there.</summary>
    /// <param name="Code">The Binance error code (see <see cref="VenueErrorCodes"/>); 0 when the venue gave none.</param>
    /// <param name="Message">The venue's message.</param>
    public sealed record Rejected(int Code, string Message) : VenueOutcome<T>
    {
        /// <summary>Whether the venue says the order does not exist.</summary>
        public bool IsNoSuchOrder => Code is VenueErrorCodes.NoSuchOrder or VenueErrorCodes.CancelRejected;
    }

    /// <summary>
    /// The call may or may not have taken effect (timeout, 5xx, dropped connection, malformed answer, rate limit
    /// after sending): query before doing anything that could duplicate it.
    /// </summary>
    /// <param name="Reason">What happened, for logs and reconciliation.</param>
    public sealed record Unknown(string Reason) : VenueOutcome<T>;
}

namespace RxTrader.Core.Orders;

/// <summary>
/// The Binance error codes that carry meaning for order handling; every venue (paper included) rejects with
/// these, so the order manager reads one vocabulary.
/// </summary>
public static class VenueErrorCodes
{
    /// <summary><c>-1013</c>: a filter failure (price, lot size, notional).</summary>
    public const int FilterFailure = -1013;

    /// <summary><c>-1021</c>: timestamp outside the recvWindow (client clock off).</summary>
    public const int TimestampOutsideRecvWindow = -1021;

    /// <summary><c>-1121</c>: invalid symbol.</summary>
    public const int InvalidSymbol = -1121;

    /// <summary><c>-2010</c>: new order rejected (insufficient balance, duplicate id, would match as maker...).</summary>
    public const int NewOrderRejected = -2010;

    /// <summary><c>-2011</c>: cancel rejected (typically: unknown order).</summary>
    public const int CancelRejected = -2011;

    /// <summary><c>-2013</c>: order does not exist.</summary>
    public const int NoSuchOrder = -2013;

    /// <summary><c>-1003</c>: too many requests (rate limited or banned).</summary>
    public const int TooManyRequests = -1003;
}

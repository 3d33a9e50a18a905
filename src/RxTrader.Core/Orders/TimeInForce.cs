namespace RxTrader.Core.Orders;

/// <summary>How long a limit order stays on the book.</summary>
public enum TimeInForce
{
    /// <summary><c>GTC</c>: good till cancelled.</summary>
    GoodTillCanceled = 1,

    /// <summary><c>IOC</c>: fill what can be filled now, expire the rest.</summary>
    ImmediateOrCancel = 2,

    /// <summary><c>FOK</c>: fill all now or expire without filling.</summary>
    FillOrKill = 3,
}

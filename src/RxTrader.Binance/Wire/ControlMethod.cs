namespace RxTrader.Binance.Wire;

/// <summary>The control requests a market-stream client sends.</summary>
public enum ControlMethod
{
    /// <summary><c>SUBSCRIBE</c>: add streams to the connection.</summary>
    Subscribe = 1,

    /// <summary><c>UNSUBSCRIBE</c>: remove streams from the connection.</summary>
    Unsubscribe,

    /// <summary><c>LIST_SUBSCRIPTIONS</c>: ask which streams the connection has.</summary>
    ListSubscriptions,
}

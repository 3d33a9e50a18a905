namespace RxTrader.Binance.Wire;

/// <summary>What a <see cref="ControlReply"/> answers.</summary>
public enum ControlReplyKind
{
    /// <summary><c>{"result":null,"id":N}</c>: a subscribe, unsubscribe or set-property request succeeded.</summary>
    Acknowledged = 1,

    /// <summary><c>{"result":["btcusdt@trade",...],"id":N}</c>: the answer to <c>LIST_SUBSCRIPTIONS</c>.</summary>
    Subscriptions,

    /// <summary><c>{"result":true,"id":N}</c>: the answer to <c>GET_PROPERTY</c>.</summary>
    PropertyValue,

    /// <summary><c>{"error":{"code":N,"msg":"..."},"id":N}</c> or <c>{"code":N,"msg":"..."}</c>: the request failed.</summary>
    Error,
}

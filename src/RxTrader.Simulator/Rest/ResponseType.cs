namespace RxTrader.Simulator.Rest;

/// <summary><c>newOrderRespType</c>.</summary>
internal enum ResponseType
{
    /// <summary>Ids and time only.</summary>
    Ack,

    /// <summary>The order's state.</summary>
    Result,

    /// <summary>The order's state and its fills.</summary>
    Full,
}

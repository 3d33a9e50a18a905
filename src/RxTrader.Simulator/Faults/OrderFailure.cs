namespace RxTrader.Simulator.Faults;

/// <summary>How <see cref="FaultInjector.FailNextOrders"/> answers an order it refuses (the order is not placed).</summary>
public enum OrderFailure
{
    /// <summary>HTTP 503 <c>{"code":-1001,"msg":"Internal error; unable to process your request. Please try again."}</c>.</summary>
    Disconnected,

    /// <summary>HTTP 500 <c>{"code":-1000,"msg":"An unknown error occurred while processing the request."}</c>.</summary>
    Unknown,

    /// <summary>HTTP 503 <c>{"code":-1008,"msg":"Server is currently overloaded with other requests. Please try again in a few minutes."}</c>.</summary>
    Overloaded,
}

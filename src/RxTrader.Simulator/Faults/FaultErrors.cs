using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Faults;

/// <summary>The Binance error bodies the REST faults answer with (§3.2 of the wire reference).</summary>
internal static class FaultErrors
{
    public static readonly ExchangeError Unknown = new(-1000, "An unknown error occurred while processing the request.");
    public static readonly ExchangeError Disconnected = new(-1001, "Internal error; unable to process your request. Please try again.");
    public static readonly ExchangeError Timeout = new(-1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
    public static readonly ExchangeError Overloaded = new(-1008, "Server is currently overloaded with other requests. Please try again in a few minutes.");

    public static (ExchangeError Error, int Status) Of(OrderFailure failure) => failure switch
    {
        OrderFailure.Unknown => (Unknown, 500),
        OrderFailure.Overloaded => (Overloaded, 503),
        _ => (Disconnected, 503),
    };
}

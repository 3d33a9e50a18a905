namespace RxTrader.Binance.Wire;

/// <summary>An error the market-stream server reported for a control request.</summary>
/// <remarks>Documented codes: 0 unknown property, 1 invalid value type, 2 invalid request, 3 invalid JSON.</remarks>
/// <param name="Code">The Binance error code.</param>
/// <param name="Message">The server's message text.</param>
public readonly record struct StreamError(int Code, string Message);

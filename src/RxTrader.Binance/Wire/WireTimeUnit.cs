namespace RxTrader.Binance.Wire;

/// <summary>The unit of the epoch times in market-stream payloads.</summary>
/// <remarks>Milliseconds unless the connection URL carries <c>timeUnit=MICROSECOND</c>.</remarks>
public enum WireTimeUnit
{
    /// <summary>Unix epoch milliseconds, the default.</summary>
    Millisecond = 0,

    /// <summary>Unix epoch microseconds (<c>timeUnit=MICROSECOND</c> on the connection URL).</summary>
    Microsecond = 1,
}

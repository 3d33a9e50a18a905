namespace RxTrader.Binance.Wire;

/// <summary>The <c>serverShutdown</c> notice: the server will close the connection soon, so reconnect.</summary>
/// <remarks>Arrives raw (<c>{"e":"serverShutdown","E":...}</c>) or wrapped with stream <c>!serverShutdown</c>.</remarks>
/// <param name="EventTime">When the server sent the notice.</param>
public readonly record struct ServerShutdown(DateTimeOffset EventTime);

namespace RxTrader.Core.Connectivity;

/// <summary>
/// Something that happened to a data connection or stream. Transport trouble is data: it flows through the
/// same streams as market data instead of ending them with <c>OnError</c>.
/// </summary>
/// <param name="Time">When it happened, on the scheduler of the component that saw it.</param>
/// <param name="Source">What it happened to: a connection, a stream or a symbol, e.g. <c>btcusdt@trade</c>.</param>
public abstract record ConnectionEvent(DateTimeOffset Time, string Source);

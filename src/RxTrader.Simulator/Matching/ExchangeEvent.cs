namespace RxTrader.Simulator.Matching;

/// <summary>A state change of the simulated exchange, published on <see cref="MatchingEngine.Events"/>.</summary>
/// <param name="Time">The engine time of the change (Binance <c>E</c>).</param>
public abstract record ExchangeEvent(DateTimeOffset Time);

namespace RxTrader.Simulator.Matching;

/// <summary>A refusal as Binance reports it: <c>{"code": -2010, "msg": "..."}</c>.</summary>
/// <param name="Code">The Binance error code, e.g. <c>-1013</c>.</param>
/// <param name="Message">The Binance message text, exactly as Binance writes it.</param>
public readonly record struct ExchangeError(int Code, string Message);

namespace RxTrader.Streams.Indicators;

/// <summary>One MACD reading.</summary>
/// <param name="Macd">The MACD line: fast EMA minus slow EMA.</param>
/// <param name="Signal">The signal line: the EMA of the MACD line.</param>
/// <param name="Histogram">MACD minus signal.</param>
public readonly record struct MacdValue(double Macd, double Signal, double Histogram);

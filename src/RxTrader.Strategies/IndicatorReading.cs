namespace RxTrader.Strategies;

/// <summary>One named indicator value after a bar.</summary>
/// <param name="Name">The display name, for example <c>ema(9)</c>.</param>
/// <param name="Value">The value, or <see langword="null"/> while the indicator is warming up.</param>
public readonly record struct IndicatorReading(string Name, double? Value);

namespace RxTrader.Streams.Indicators;

/// <summary>One Bollinger Bands reading.</summary>
/// <param name="Middle">The simple moving average.</param>
/// <param name="Upper">Middle plus multiplier × standard deviation.</param>
/// <param name="Lower">Middle minus multiplier × standard deviation.</param>
public readonly record struct BollingerValue(double Middle, double Upper, double Lower);

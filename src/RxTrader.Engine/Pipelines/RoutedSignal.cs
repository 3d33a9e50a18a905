using RxTrader.Strategies;

namespace RxTrader.Engine.Pipelines;

/// <summary>A signal on its way to the order router, with the ingress time of the trade that caused it (0 when a timer closed the bar).</summary>
/// <param name="Signal">The signal.</param>
/// <param name="IngressTicks">UTC ticks at which the causing trade entered the engine, or 0.</param>
internal readonly record struct RoutedSignal(Signal Signal, long IngressTicks);

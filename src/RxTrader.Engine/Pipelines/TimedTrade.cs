using RxTrader.Core.MarketData;

namespace RxTrader.Engine.Pipelines;

/// <summary>A trade with the engine-clock time it entered the engine, so tick → signal → order latency can be measured.</summary>
/// <param name="Trade">The trade.</param>
/// <param name="IngressTicks">UTC ticks of the engine's clock when the source delivered it.</param>
internal readonly record struct TimedTrade(Trade Trade, long IngressTicks);

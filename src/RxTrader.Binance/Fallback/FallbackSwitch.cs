using RxTrader.Core.Connectivity;

namespace RxTrader.Binance.Fallback;

/// <summary>A <see cref="MarketDataFallback"/> changed where its data comes from.</summary>
/// <remarks>A <see cref="ConnectionEvent"/>, so it can be merged into a feed's connection events.</remarks>
/// <param name="Time">When the switch happened, on the fallback's scheduler.</param>
/// <param name="Source">The fallback (<see cref="MarketDataFallbackOptions.Name"/>).</param>
/// <param name="Mode">The mode switched to: <see cref="FallbackMode.Rest"/> or back to <see cref="FallbackMode.Socket"/>.</param>
/// <param name="Reason">Why, for people: e.g. <c>Disconnected for 00:00:05</c>, <c>socket data resumed</c>.</param>
public sealed record FallbackSwitch(DateTimeOffset Time, string Source, FallbackMode Mode, string Reason)
    : ConnectionEvent(Time, Source);

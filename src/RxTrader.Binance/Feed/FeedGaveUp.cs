using RxTrader.Core.Connectivity;

namespace RxTrader.Binance.Feed;

/// <summary>The feed stopped reconnecting after <see cref="BinanceFeedOptions.MaxReconnectAttempts"/> failures in a row.</summary>
/// <remarks>Reported as data, not as <c>OnError</c>: the streams stay open and the feed stays disconnected.</remarks>
/// <param name="Time">When the feed gave up.</param>
/// <param name="Source">The connection.</param>
/// <param name="Attempts">The failed attempts.</param>
public sealed record FeedGaveUp(DateTimeOffset Time, string Source, int Attempts) : ConnectionEvent(Time, Source);

using System.Diagnostics.Metrics;

namespace RxTrader.Binance.Feed;

/// <summary>
/// The feed's metrics instruments on the <see cref="BinanceMarketFeed.MeterName"/> meter, shared by every feed (each
/// measurement is tagged with the feed's name). Static like the runtime's own meters: instruments cost nothing until
/// a listener enables them.
/// </summary>
internal static class FeedMeter
{
    private static readonly Meter Meter = new(BinanceMarketFeed.MeterName);

    /// <summary>Receive time − exchange event time of every market event, in seconds.</summary>
    public static Histogram<double> WsLatency { get; } = Meter.CreateHistogram<double>(
        "binance_ws_latency_seconds", "s", "Market stream latency: local receive time minus the exchange's event time.");

    /// <summary>Reconnects of market stream connections.</summary>
    public static Counter<long> Reconnects { get; } = Meter.CreateCounter<long>(
        "ws_reconnects_total", null, "Market stream reconnects (every new connection after the first).");
}

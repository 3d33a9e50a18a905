using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Binance.Wire;
using RxTrader.Core;

namespace RxTrader.Binance.Tests.Feed;

/// <summary>The feed publishes its latency and reconnects on the <c>RxTrader.Binance</c> meter, tagged with its name.</summary>
public sealed class FeedMeterTests
{
    [Fact]
    public async Task LatencyAndReconnects_ArePublishedTaggedWithTheFeedName()
    {
        var name = "meter-test-" + Guid.NewGuid().ToString("N");
        var measurements = new ConcurrentQueue<(string Instrument, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BinanceMarketFeed.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Collect(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Collect(instrument, value, tags));
        listener.Start();

        await using var server = await WebSocketServer.StartAsync();
        await using var harness = FeedHarness.Create(server.BaseUri, o => o with { Name = name });
        harness.Feed.Subscribe([StreamName.Trade(new Symbol("BTCUSDT"))]);
        harness.Feed.Start();
        var first = await server.NextAsync();
        await first.SendAsync(Payloads.Trade(1));
        await Await.UntilAsync(() => harness.Trades.Count == 1, "first trade");
        await first.CloseAsync();
        var second = await server.NextAsync();
        await second.SendAsync(Payloads.Trade(2));
        await Await.UntilAsync(() => harness.Trades.Count == 2, "second trade");

        var latencies = measurements.Where(m => m.Instrument == "binance_ws_latency_seconds").ToList();
        latencies.Count.ShouldBe(2);
        // The same number as the feed's own histogram, in seconds.
        latencies[1].Value.ShouldBe(harness.Feed.Statistics.EventLatency.Last.TotalSeconds, 1e-9);
        measurements.Where(m => m.Instrument == "ws_reconnects_total").Sum(m => m.Value).ShouldBe(1);
        harness.Feed.Statistics.EventLatency.Count.ShouldBe(2);

        void Collect(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "feed" && (string?)tag.Value == name)
                {
                    measurements.Enqueue((instrument.Name, value));
                }
            }
        }
    }
}

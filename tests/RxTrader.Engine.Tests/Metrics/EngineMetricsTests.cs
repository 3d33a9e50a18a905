using System.Diagnostics.Metrics;

namespace RxTrader.Engine.Tests.Metrics;

/// <summary>The engine's instruments carry what the engine did (virtual time, one engine per listener filter).</summary>
public sealed class EngineMetricsTests
{
    [Fact]
    public async Task Instruments_ReportLagTasksSignalsOrdersPositionsAndPnl()
    {
        await using var h = new EngineHarness(() => new ScriptedStrategy(new HashSet<int> { 2 }, new HashSet<int>()));
        var seen = new Dictionary<string, List<(double Value, string Tags)>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this engine's meter: other tests' engines run in parallel in the same process.
            if (ReferenceEquals(instrument.Meter, h.Engine.Metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
        listener.Start();
        await h.Engine.StartAsync();
        h.Source.BookResyncs = 2;

        for (var t = 0.0; t < 3; t += 0.25)
        {
            h.TradeAt(TimeSpan.FromSeconds(t), EngineHarness.Btc, 100m);
        }

        h.AdvanceTo(TimeSpan.FromSeconds(3.5));
        listener.RecordObservableInstruments();

        seen["msg_lag_seconds"].Count.ShouldBe(12);
        seen["concurrent_tasks_active"].Single().Value.ShouldBe(5);
        seen["signals_total"].Single().Tags.ShouldBe("side=buy,symbol=BTCUSDT");
        seen["orders_submitted_total"].Single().Tags.ShouldBe("symbol=BTCUSDT");
        seen["market_messages_total"].Single().Value.ShouldBe(12);
        seen["order_book_resyncs_total"].Single().Value.ShouldBe(2);
        seen["orders"].ShouldBe([(1, "status=Filled")]);
        seen["position_quantity"].Single(p => p.Tags == "symbol=BTCUSDT").Value.ShouldBeGreaterThan(0);
        seen["pnl_quote"].Select(p => p.Tags).ShouldBe(["kind=realized", "kind=unrealized", "kind=fees", "kind=net"]);
        seen.ShouldNotContainKey("rate_limit_weight_used");

        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var text = string.Join(",", tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
            lock (seen)
            {
                if (!seen.TryGetValue(instrument.Name, out var list))
                {
                    seen[instrument.Name] = list = [];
                }

                list.Add((value, text));
            }
        }
    }
}

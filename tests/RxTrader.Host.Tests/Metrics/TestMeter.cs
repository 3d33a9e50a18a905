using System.Diagnostics.Metrics;
using RxTrader.Host.Metrics;

namespace RxTrader.Host.Tests.Metrics;

/// <summary>A meter with a name no other test uses (listeners see every meter in the process) and an exporter
/// listening to it alone.</summary>
internal sealed class TestMeter : IDisposable
{
    public TestMeter(PrometheusExporterOptions? options = null, int meters = 1)
    {
        Name = "RxTrader.Tests." + Guid.NewGuid().ToString("N");
        Meters = [.. Enumerable.Range(0, meters).Select(_ => new Meter(Name))];
        Exporter = new PrometheusExporter((options ?? new PrometheusExporterOptions()) with { MeterNames = [Name] });
    }

    public string Name { get; }

    public Meter[] Meters { get; }

    public Meter Meter => Meters[0];

    public PrometheusExporter Exporter { get; }

    public string Scrape() => Exporter.Scrape();

    public void Dispose()
    {
        Exporter.Dispose();
        foreach (var meter in Meters)
        {
            meter.Dispose();
        }
    }
}

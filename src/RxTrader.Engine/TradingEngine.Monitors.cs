using System.Diagnostics.Metrics;
using System.Reactive.Linq;
using RxTrader.Core.Orders;
using RxTrader.Engine.Metrics;
using RxTrader.Engine.Sources;

namespace RxTrader.Engine;

public sealed partial class TradingEngine
{
    private void StartMonitors()
    {
        // Status monitor: the venue's order updates reach the manager on their own; what the engine watches is
        // what the gate refuses and what it finds at the venue that it did not place.
        _running.Add(Gate.Rejections.Subscribe(r => Metrics.CountRejection(r.Reason)));
        _running.Add(Manager.ForeignOrders.Subscribe(_ => Interlocked.Increment(ref _foreignOrders)));
        _running.Add(Gate.ModeChanges.Subscribe(change => LastModeChange = change.ToString()));
        _running.Add(Tasks.Begin("status-monitor"));

        // Performance monitor: marks for unrealized PnL and the kill switch's equity.
        _running.Add(Observable.Interval(_options.MonitorInterval, _schedulers.Timers).Subscribe(_ => MonitorPerformance()));
        _running.Add(Tasks.Begin("performance-monitor"));
    }

    private long _foreignOrders;

    /// <summary>Orders found at the venue that the engine did not place (reported, never touched).</summary>
    public long ForeignOrders => Interlocked.Read(ref _foreignOrders);

    /// <summary>The risk gate's last mode change, described, or <see langword="null"/>.</summary>
    public string? LastModeChange { get; private set; }

    private void MonitorPerformance()
    {
        foreach (var pipeline in _pipelines.Values)
        {
            if (pipeline.LastPrice is { } price)
            {
                Manager.UpdateMark(pipeline.Symbol, price);
            }
        }

        Gate.OnEquity(_options.StartingEquity + Manager.Pnl.Net);
    }

    int IEngineGauges.ActiveTasks() => Tasks.Active;

    MarketSourceCounters IEngineGauges.Source() => _source.ReadCounters();

    long IEngineGauges.Dropped() => _source.ReadCounters().Dropped + _handOffs.Dropped;

    IEnumerable<Measurement<int>> IEngineGauges.OrdersByStatus()
    {
        foreach (var (status, count) in CountOrdersByStatus())
        {
            yield return new Measurement<int>(count, new KeyValuePair<string, object?>("status", status.ToString()));
        }
    }

    IEnumerable<Measurement<long>> IEngineGauges.RateLimitWeight()
    {
        if (_rateLimitWeight() is { } weight)
        {
            yield return new Measurement<long>(weight);
        }
    }

    IEnumerable<Measurement<double>> IEngineGauges.Positions()
    {
        foreach (var symbol in _options.Symbols)
        {
            var quantity = Manager.Positions.Lookup(symbol)?.Quantity ?? 0m;
            yield return new Measurement<double>((double)quantity, new KeyValuePair<string, object?>("symbol", symbol.Value));
        }
    }

    IEnumerable<Measurement<double>> IEngineGauges.Pnl()
    {
        var pnl = Manager.Pnl;
        yield return new Measurement<double>((double)pnl.Realized, new KeyValuePair<string, object?>("kind", "realized"));
        yield return new Measurement<double>((double)pnl.Unrealized, new KeyValuePair<string, object?>("kind", "unrealized"));
        yield return new Measurement<double>((double)pnl.Fees, new KeyValuePair<string, object?>("kind", "fees"));
        yield return new Measurement<double>((double)pnl.Net, new KeyValuePair<string, object?>("kind", "net"));
    }

    /// <summary>Orders known to the engine by their current status (orders not yet answered are not counted).</summary>
    /// <returns>Count per status, only statuses present.</returns>
    public IReadOnlyDictionary<OrderStatus, int> CountOrdersByStatus()
    {
        var counts = new Dictionary<OrderStatus, int>();
        foreach (var order in Manager.Orders.Items)
        {
            if (order.Status is { } status)
            {
                counts[status] = counts.GetValueOrDefault(status) + 1;
            }
        }

        return counts;
    }
}

using System.Diagnostics.Metrics;
using RxTrader.Core;
using RxTrader.Strategies;
using RxTrader.Streams.Diagnostics;
using RxTrader.Trading.Risk;

namespace RxTrader.Engine.Metrics;

/// <summary>
/// The engine's instruments on the <see cref="MeterName"/> meter. Histograms and counters are recorded where things
/// happen; gauges and totals that other components already count are observed when a listener collects.
/// </summary>
/// <remarks>
/// Names follow Prometheus conventions and are exported unchanged: <c>msg_lag_seconds</c>,
/// <c>concurrent_tasks_active</c>, <c>tick_to_signal_seconds</c>, <c>tick_to_order_ack_seconds</c>,
/// <c>market_messages_total</c>, <c>market_bytes_total</c>, <c>market_messages_dropped_total</c>,
/// <c>market_frames_malformed_total</c>, <c>market_gaps_total</c>, <c>market_stale_total</c>, <c>order_book_resyncs_total</c>,
/// <c>signals_total</c>{symbol, side}, <c>signals_skipped_total</c>{reason}, <c>orders_submitted_total</c>{symbol},
/// <c>orders</c>{status}, <c>risk_rejections_total</c>{reason}, <c>rate_limit_weight_used</c>,
/// <c>position_quantity</c>{symbol}, <c>pnl_quote</c>{kind}, <c>strategy_errors_total</c>{symbol}.
/// </remarks>
public sealed class EngineMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "RxTrader.Engine";

    private readonly Counter<long> _signals;
    private readonly Counter<long> _signalsSkipped;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _strategyErrors;
    private long _signalCount;
    private long _submittedCount;
    private long _rejectionCount;
    private long _staleCount;

    internal EngineMetrics(IEngineGauges gauges)
    {
        MessageLag = new(Meter.CreateHistogram<double>("msg_lag_seconds", "s", "Engine processing time minus the exchange's event time of each market message."));
        TickToSignal = new(Meter.CreateHistogram<double>("tick_to_signal_seconds", "s", "A trade entering the engine to the signal it caused."));
        TickToOrderAck = new(Meter.CreateHistogram<double>("tick_to_order_ack_seconds", "s", "A trade entering the engine to the venue's acknowledgement of the order it caused."));
        _signals = Meter.CreateCounter<long>("signals_total", null, "Strategy signals.");
        _signalsSkipped = Meter.CreateCounter<long>("signals_skipped_total", null, "Signals that needed no order (already positioned, order in flight, stopping).");
        _submitted = Meter.CreateCounter<long>("orders_submitted_total", null, "Orders passed by the risk gate and sent to the venue.");
        _rejections = Meter.CreateCounter<long>("risk_rejections_total", null, "Orders refused by the risk gate, by reason.");
        _strategyErrors = Meter.CreateCounter<long>("strategy_errors_total", null, "Strategies that failed (the symbol stops signalling).");
        Meter.CreateObservableGauge("concurrent_tasks_active", gauges.ActiveTasks, null, "Engine tasks running: market stream, pipelines, order router, monitors.");
        Meter.CreateObservableCounter("market_messages_total", () => gauges.Source().Messages, null, "Market messages received.");
        Meter.CreateObservableCounter("market_bytes_total", () => gauges.Source().Bytes, "By", "Market data bytes received.");
        Meter.CreateObservableCounter("market_messages_dropped_total", gauges.Dropped, null, "Market messages dropped by bounded hand-offs (source and engine).");
        Meter.CreateObservableCounter("market_frames_malformed_total", () => gauges.Source().Malformed, null, "Malformed market frames skipped.");
        Meter.CreateObservableCounter("market_gaps_total", () => gauges.Source().Gaps, null, "Market data losses (reconnects that lost data).");
        Meter.CreateObservableCounter("order_book_resyncs_total", () => gauges.Source().BookResyncs, null, "Local order book resynchronisations (gaps, crossed books, stale snapshots).");
        Meter.CreateObservableCounter("market_stale_total", () => Interlocked.Read(ref _staleCount), null, "Times the market data went stale.");
        Meter.CreateObservableGauge("orders", gauges.OrdersByStatus, null, "Orders known to the engine by status.");
        Meter.CreateObservableGauge("rate_limit_weight_used", gauges.RateLimitWeight, null, "Request weight used in the venue's current minute.");
        Meter.CreateObservableGauge("position_quantity", gauges.Positions, null, "Net position by symbol.");
        Meter.CreateObservableGauge("pnl_quote", gauges.Pnl, null, "Profit and loss in the quote asset: realized, unrealized, fees, net.");
    }

    /// <summary>This engine's meter (a listener can tell two engines in one process apart by it).</summary>
    public Meter Meter { get; } = new(MeterName);

    /// <summary>Trade → signal latency (engine clock; also <c>tick_to_signal_seconds</c>).</summary>
    public LatencyHistogram TickToSignal { get; }

    /// <summary>Trade → order acknowledgement latency (engine clock; also <c>tick_to_order_ack_seconds</c>).</summary>
    public LatencyHistogram TickToOrderAck { get; }

    /// <summary>Processing time − exchange event time of market messages (also <c>msg_lag_seconds</c>).</summary>
    public LatencyHistogram MessageLag { get; }

    /// <summary>Signals since start.</summary>
    public long Signals => Interlocked.Read(ref _signalCount);

    /// <summary>Orders sent to the venue since start.</summary>
    public long Submitted => Interlocked.Read(ref _submittedCount);

    /// <summary>Risk-gate refusals since start.</summary>
    public long RiskRejections => Interlocked.Read(ref _rejectionCount);

    /// <summary>Times the market data went stale since start.</summary>
    public long StaleCount => Interlocked.Read(ref _staleCount);

    /// <inheritdoc/>
    public void Dispose() => Meter.Dispose();

    internal void CountSignal(Signal signal)
    {
        Interlocked.Increment(ref _signalCount);
        _signals.Add(1, new("symbol", signal.Symbol.Value), new("side", signal.Side == Side.Buy ? "buy" : "sell"));
    }

    internal void CountSkipped(string reason) => _signalsSkipped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void CountSubmitted(Symbol symbol)
    {
        Interlocked.Increment(ref _submittedCount);
        _submitted.Add(1, new KeyValuePair<string, object?>("symbol", symbol.Value));
    }

    internal void CountRejection(RiskRejectionReason reason)
    {
        Interlocked.Increment(ref _rejectionCount);
        _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
    }

    internal void CountStale() => Interlocked.Increment(ref _staleCount);

    internal void CountStrategyError(Symbol symbol) => _strategyErrors.Add(1, new KeyValuePair<string, object?>("symbol", symbol.Value));
}

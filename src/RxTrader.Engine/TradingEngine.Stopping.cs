using RxTrader.Core.Orders;
using RxTrader.Streams.Time;

namespace RxTrader.Engine;

public sealed partial class TradingEngine
{
    private EngineStopReport? _stopReport;

    /// <summary>
    /// Stops gracefully: no new orders, waits for the submissions in flight, optionally cancels the open orders,
    /// then stops the pipelines, the monitors and the source. Every answer is journaled by the order manager as it
    /// arrives, so the journal is complete when this returns. Idempotent: a second call returns the first report.
    /// </summary>
    /// <param name="cancelOpenOrders">Whether to cancel the engine's open orders at the venue.</param>
    /// <param name="timeout">How long each waiting step may take (engine clock). <value>Default 10 s.</value></param>
    /// <returns>What was done.</returns>
    public async Task<EngineStopReport> StopAsync(bool cancelOpenOrders, TimeSpan? timeout = null)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return _stopReport ?? new EngineStopReport(true, 0, 0, Manager.OpenOrderCount);
        }

        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var time = new SchedulerTimeProvider(_schedulers.Timers);
        var inFlightCompleted = await CompletesWithin(_router!.StopAcceptingAsync(), limit, time).ConfigureAwait(false);
        var requested = 0;
        var cancelled = 0;
        if (cancelOpenOrders)
        {
            var open = Manager.OpenOrders;
            requested = open.Count;
            var cancels = open.Select(order => Entry.CancelAsync(order.ClientOrderId)).ToArray();
            await CompletesWithin(Task.WhenAll(cancels), limit, time).ConfigureAwait(false);
            cancelled = cancels.Count(static c => c.IsCompletedSuccessfully && c.Result is VenueOutcome<Order>.Accepted);
        }

        _running.Dispose();
        _pipelineLifetimes.Dispose();
        _source.Dispose();
        _stopReport = new EngineStopReport(inFlightCompleted, requested, cancelled, Manager.OpenOrderCount);
        return _stopReport;
    }

    /// <summary>Stops (without cancelling open orders) if still running, then releases the manager, gate and meter.</summary>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == 1)
        {
            await StopAsync(cancelOpenOrders: false).ConfigureAwait(false);
        }
        else if (Interlocked.Exchange(ref _state, 2) == 0)
        {
            _source.Dispose();
        }

        _running.Dispose();
        _pipelineLifetimes.Dispose();
        Manager.Dispose();
        Gate.Dispose();
        Metrics.Dispose();
        _signalInput.Dispose();
        _signals.Dispose();
    }

    private static async Task<bool> CompletesWithin(Task task, TimeSpan limit, TimeProvider time)
    {
        try
        {
            await task.WaitAsync(limit, time).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A failed submission or cancel is already counted where it happened; stopping goes on.
            return task.IsCompleted;
        }
    }
}

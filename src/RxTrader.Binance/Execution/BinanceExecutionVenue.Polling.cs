using System.Reactive.Concurrency;
using RxTrader.Binance.Rest;
using RxTrader.Core.Connectivity;
using RxTrader.Core.Orders;

namespace RxTrader.Binance.Execution;

/// <summary>REST polling: often while the user data stream is down, seldom while it is up, so no order change is missed.</summary>
/// <remarks>Each round reads the open orders of every symbol with an open order placed here, then
/// <c>GET /api/v3/order</c> for those no longer open, and <c>myTrades</c> for every order whose executed quantity
/// grew; everything goes through the tracker, so only news is published. One more round runs right after the stream
/// is back, covering the changes between the last round and the reconnection; while the stream is up a round runs every
/// <see cref="BinanceVenueOptions.StreamingPollInterval"/> as a safety net for an update the stream lost.</remarks>
public sealed partial class BinanceExecutionVenue
{
    private readonly Lock _pollGate = new();
    private IDisposable? _pollTimer;
    private TimeSpan _pollInterval;
    private int _pollRequests;

    private void OnStreamConnection(ConnectionEvent e)
    {
        switch (e)
        {
            case Connected:
                StartPolling(_options.StreamingPollInterval);
                _ = PollAsync(); // catch up on what changed while the stream was down
                break;
            case Disconnected or Reconnecting:
                StartPolling(_options.PollInterval);
                break;
            default:
                break;
        }
    }

    private void StartPolling(TimeSpan interval)
    {
        lock (_pollGate)
        {
            if (_pollInterval == interval && _pollTimer is not null)
            {
                return;
            }

            _pollTimer?.Dispose();
            _pollTimer = null;
            if (Volatile.Read(ref _disposed) == 0)
            {
                _pollTimer = _scheduler.SchedulePeriodic(interval, () => _ = PollAsync());
                _pollInterval = interval;
            }
        }
    }

    private void StopPolling()
    {
        lock (_pollGate)
        {
            _pollTimer?.Dispose();
            _pollTimer = null;
        }
    }

    /// <summary>Runs a round, or asks the running one to go once more; rounds never overlap.</summary>
    private async Task PollAsync()
    {
        if (Interlocked.Increment(ref _pollRequests) != 1)
        {
            return;
        }

        while (true)
        {
            var requests = Volatile.Read(ref _pollRequests);
            if (Volatile.Read(ref _disposed) == 0)
            {
                await PollRoundAsync().ConfigureAwait(false);
            }

            if (Interlocked.Add(ref _pollRequests, -requests) == 0)
            {
                return;
            }
        }
    }

    private async Task PollRoundAsync()
    {
        var open = _tracker.OpenPlacedHere();
        if (open.Count == 0)
        {
            return;
        }

        Statistics.AddPoll();
        foreach (var group in open.GroupBy(static o => o.Symbol))
        {
            var listed = await OpenOrdersAsync(group.Key, CancellationToken.None).ConfigureAwait(false);
            if (listed is not RestResult<IReadOnlyList<Order>>.Ok { Value: var openNow })
            {
                continue; // the next round tries again
            }

            var byId = openNow.ToDictionary(static o => o.ClientOrderId.Value, StringComparer.Ordinal);
            foreach (var known in group)
            {
                var current = byId.TryGetValue(known.ClientOrderId.Value, out var stillOpen)
                    ? stillOpen
                    : await QueryOrderAsync(known.Symbol, known.ClientOrderId, CancellationToken.None).ConfigureAwait(false) is RestResult<Order>.Ok { Value: var closed }
                        ? closed
                        : null;
                if (current is null || Volatile.Read(ref _disposed) != 0)
                {
                    continue;
                }

                if (current.ExecutedQuantity > (_tracker.Find(current.ClientOrderId)?.ExecutedQuantity ?? 0m)
                    && await TradesAsync(current.Symbol, current.ExchangeOrderId, current.ClientOrderId, CancellationToken.None).ConfigureAwait(false)
                        is RestResult<IReadOnlyList<Fill>>.Ok { Value: var fills })
                {
                    foreach (var fill in fills)
                    {
                        Publish(current, fill);
                    }
                }

                Publish(current, null);
            }
        }
    }
}

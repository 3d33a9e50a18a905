using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.OrderBooks;

// Snapshot requests (steps 2 to 5 of §1.5), their retries and their completion on the scheduler.
public sealed partial class OrderBookSynchronizer
{
    private CancellationTokenSource? _fetchCancellation;
    private int _snapshotAttempt;

    // Under the gate. The request itself runs from the scheduler, outside the gate.
    private void StartFetch()
    {
        _phase = SyncPhase.Fetching;
        ScheduleFetch(TimeSpan.Zero);
    }

    // Under the gate: a failed or too old snapshot is requested again after the retry delay.
    private void RetryFetch()
    {
        _snapshotAttempt++;
        _phase = SyncPhase.WaitingRetry;
        ScheduleFetch(_options.SnapshotRetryDelay(_snapshotAttempt));
    }

    private void ScheduleFetch(TimeSpan delay)
    {
        var due = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        _retryTimer.Disposable = _scheduler.Schedule((Self: this, Generation: _generation), due, static (_, state) =>
        {
            state.Self.Fetch(state.Generation);
            return Disposable.Empty;
        });
    }

    private void Fetch(long generation)
    {
        CancellationToken token;
        lock (_gate)
        {
            if (generation != _generation || _terminated)
            {
                return;
            }

            _phase = SyncPhase.Fetching;
            _fetchCancellation = new CancellationTokenSource();
            token = _fetchCancellation.Token;
            _counters.SnapshotRequests++;
        }

        Task<DepthSnapshot> request;
        try
        {
            request = _fetchSnapshot(Symbol, token)
                ?? Task.FromException<DepthSnapshot>(new InvalidOperationException("The snapshot function returned null."));
        }
#pragma warning disable CA1031 // The fetch function belongs to the caller: whatever it throws is a failed attempt, retried.
        catch (Exception e)
#pragma warning restore CA1031
        {
            request = Task.FromException<DepthSnapshot>(e);
        }

        // Runs inline where the task completes, and only schedules: the book is touched on the scheduler.
        _ = request.ContinueWith(
            static (task, state) =>
            {
                var (self, generation) = ((OrderBookSynchronizer, long))state!;
                self._scheduler.Schedule((Self: self, Generation: generation, Task: task), static (_, s) =>
                {
                    s.Self.OnSnapshot(s.Generation, s.Task);
                    return Disposable.Empty;
                });
            },
            (this, generation),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnSnapshot(long generation, Task<DepthSnapshot> request)
    {
        lock (_gate)
        {
            if (generation != _generation || _terminated)
            {
                return;
            }

            _fetchCancellation?.Dispose();
            _fetchCancellation = null;
            if (!request.IsCompletedSuccessfully)
            {
                FailSnapshot(request.Exception?.GetBaseException().Message ?? "The snapshot request was cancelled.");
                return;
            }

            var snapshot = request.Result;
            if (snapshot.Symbol != Symbol)
            {
                FailSnapshot($"The snapshot is for {snapshot.Symbol}.");
                return;
            }

            // Step 3: the snapshot must reach the first buffered diff (U == lastUpdateId + 1 is continuous).
            if (snapshot.LastUpdateId + 1 < _buffer.Peek().FirstUpdateId)
            {
                _counters.StaleSnapshots++;
                RetryFetch();
                return;
            }

            try
            {
                _book.Load(snapshot);
            }
            catch (ArgumentException e)
            {
                FailSnapshot(e.Message);
                return;
            }

            // Steps 4 and 5: stale diffs are dropped, the first fitting one makes the book synced.
            _phase = SyncPhase.Loaded;
            while (_phase is SyncPhase.Loaded or SyncPhase.Synced && _buffer.TryDequeue(out var update))
            {
                ApplyToBook(update);
            }

            if (_phase == SyncPhase.Synced)
            {
                Publish();
            }
        }
    }

    private void FailSnapshot(string detail)
    {
        _counters.SnapshotFailures++;
        RetryFetch();
        SetStatus(OrderBookSyncState.Resyncing, OrderBookSyncReason.SnapshotFailed, detail: detail);
    }

    private void CancelFetch()
    {
        if (_fetchCancellation is { } cancellation)
        {
            _fetchCancellation = null;
            cancellation.Cancel();
            cancellation.Dispose();
        }
    }
}

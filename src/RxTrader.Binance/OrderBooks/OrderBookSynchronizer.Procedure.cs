using RxTrader.Core.MarketData;

namespace RxTrader.Binance.OrderBooks;

// The procedure of §1.5 driven by the diffs: buffering, the update rule and restarts.
public sealed partial class OrderBookSynchronizer
{
    private SyncPhase _phase;
    private long _generation;
    private long _lastBufferedFinalId;

    private void OnUpdate(DepthUpdate update)
    {
        lock (_gate)
        {
            if (_terminated || _phase == SyncPhase.Idle || update.Symbol != Symbol)
            {
                _counters.Ignored++;
                return;
            }

            if (_phase is SyncPhase.Loaded or SyncPhase.Synced)
            {
                ApplyToBook(update);
                if (_phase == SyncPhase.Synced)
                {
                    Publish();
                }
            }
            else
            {
                Buffer(update);
            }
        }
    }

    // Steps 1 and 2: buffer, and request the snapshot once the first diff is in. The buffer itself stays continuous.
    private void Buffer(DepthUpdate update)
    {
        if (_buffer.Count > 0)
        {
            if (update.FinalUpdateId <= _lastBufferedFinalId)
            {
                _counters.Ignored++;
                return;
            }

            if (update.FirstUpdateId > _lastBufferedFinalId + 1)
            {
                _counters.Gaps++;
                Restart(OrderBookSyncReason.Gap, _lastBufferedFinalId + 1, update.FirstUpdateId - 1);
            }
        }

        if (_buffer.Count >= _options.MaxBufferedUpdates)
        {
            _counters.BufferOverflows++;
            Restart(OrderBookSyncReason.BufferOverflow, detail: $"more than {_options.MaxBufferedUpdates} diffs buffered");
        }

        _buffer.Enqueue(update);
        _lastBufferedFinalId = update.FinalUpdateId;
        if (_phase == SyncPhase.Buffering)
        {
            StartFetch();
        }
    }

    // Step 5, for buffered and live diffs alike.
    private void ApplyToBook(DepthUpdate update)
    {
        var bookId = _book.LastUpdateId;
        switch (UpdateFitting.Classify(update, bookId))
        {
            case UpdateFit.Stale:
                _counters.Ignored++;
                return;
            case UpdateFit.Gap:
                _counters.Gaps++;
                Restart(OrderBookSyncReason.Gap, bookId + 1, update.FirstUpdateId - 1);
                Buffer(update);
                return;
        }

        try
        {
            _book.Apply(update);
        }
        catch (ArgumentException e)
        {
            Restart(OrderBookSyncReason.InvalidUpdate, detail: e.Message);
            return;
        }

        _counters.Applied++;
        if (update.FirstUpdateId <= bookId)
        {
            _counters.Overlapping++;
        }

        if (_phase == SyncPhase.Loaded)
        {
            _phase = SyncPhase.Synced;
            _snapshotAttempt = 0;
            SetStatus(OrderBookSyncState.Synced, OrderBookSyncReason.None);
        }
    }

    // Back to step 1: the book is discarded and the next diff starts a new snapshot request.
    private void Restart(OrderBookSyncReason reason, long? missingFirst = null, long? missingLast = null, string? detail = null)
    {
        _counters.Resyncs++;
        Reset();
        _phase = SyncPhase.Buffering;
        SetStatus(OrderBookSyncState.Resyncing, reason, missingFirst, missingLast, detail);
    }

    private void Stop(OrderBookSyncReason reason, string? detail)
    {
        Reset();
        _phase = SyncPhase.Idle;
        SetStatus(OrderBookSyncState.Disconnected, reason, detail: detail);
    }

    // A new generation makes every pending timer and snapshot completion of the previous one do nothing.
    private void Reset()
    {
        _generation++;
        CancelFetch();
        _buffer.Clear();
        _book.Clear();
        _crossedChecks = 0;
        _hasPublishedTop = false;
    }

    private void SetStatus(
        OrderBookSyncState state,
        OrderBookSyncReason reason,
        long? missingFirst = null,
        long? missingLast = null,
        string? detail = null)
    {
        _state = state;
        _status.OnNext(new OrderBookStatus(Symbol, _scheduler.Now, state, reason, missingFirst, missingLast, detail));
    }
}

using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.OrderBooks;

/// <summary>The procedure of §1.5 driven by the inputs; every method here runs under the gate.</summary>
public sealed partial class OrderBookSynchronizer
{
    private SyncPhase _phase;
    private long _generation;
    private long _lastBufferedFinalId;
    private int _crossedChecks;
    private bool _hasPublishedTop;
    private BookTicker _publishedTop;

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

    private void Publish()
    {
        if (_book.IsCrossed)
        {
            _hasPublishedTop = false;
            return;
        }

        if (_book.TryGetTopOfBook(out var top) && !(_hasPublishedTop && SameLevels(top, _publishedTop)))
        {
            _publishedTop = top;
            _hasPublishedTop = true;
            _topOfBook.OnNext(top);
        }

        if (_depth.HasObservers)
        {
            _depth.OnNext(_book.ToSnapshot(_options.DepthLevels));
        }
    }

    private static bool SameLevels(in BookTicker a, in BookTicker b) =>
        a.BidPrice == b.BidPrice && a.BidQuantity == b.BidQuantity && a.AskPrice == b.AskPrice && a.AskQuantity == b.AskQuantity;

    private void OnConnectionEvent(ConnectionEvent connectionEvent)
    {
        lock (_gate)
        {
            if (_terminated)
            {
                return;
            }

            switch (connectionEvent)
            {
                case Connected when _phase == SyncPhase.Idle:
                    _phase = SyncPhase.Buffering;
                    SetStatus(OrderBookSyncState.Syncing, OrderBookSyncReason.Connected);
                    break;
                case Connected:
                    Restart(OrderBookSyncReason.Reconnected);
                    break;
                case Disconnected disconnected when _phase != SyncPhase.Idle:
                    Stop(OrderBookSyncReason.Disconnected, $"{disconnected.Reason}: {disconnected.Detail}");
                    break;
                case Gap gap when _phase != SyncPhase.Idle:
                    Restart(OrderBookSyncReason.ConnectionGap, detail: $"data lost from {gap.From:O} to {gap.To:O}");
                    break;
            }
        }
    }

    private void CheckSanity()
    {
        lock (_gate)
        {
            if (_terminated || _phase != SyncPhase.Synced)
            {
                return;
            }

            if (!_book.IsCrossed)
            {
                _crossedChecks = 0;
                return;
            }

            _counters.CrossedChecks++;
            if (++_crossedChecks >= _options.CrossedChecksBeforeResync)
            {
                _book.TryGetTopOfBook(out var top);
                Restart(OrderBookSyncReason.CrossedBook, detail: $"best bid {top.BidPrice} >= best ask {top.AskPrice}");
            }
        }
    }

    private void OnUpdatesCompleted()
    {
        lock (_gate)
        {
            if (!_terminated)
            {
                Stop(OrderBookSyncReason.StreamCompleted, detail: null);
                Complete();
            }
        }
    }

    private void OnInputError(Exception error)
    {
        lock (_gate)
        {
            if (_terminated)
            {
                return;
            }

            Reset();
            _phase = SyncPhase.Idle;
            _state = OrderBookSyncState.Disconnected;
            _terminated = true;
            _status.OnError(error);
            _topOfBook.OnError(error);
            _depth.OnError(error);
            ReleaseResources();
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

    private void Complete()
    {
        _terminated = true;
        _status.OnCompleted();
        _topOfBook.OnCompleted();
        _depth.OnCompleted();
        ReleaseResources();
    }

    private void ReleaseResources()
    {
        _retryTimer.Dispose();
        _subscriptions.Dispose();
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

using RxTrader.Core.Connectivity;

namespace RxTrader.Binance.OrderBooks;

// Connection events and the end of the inputs.
public sealed partial class OrderBookSynchronizer
{
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
}

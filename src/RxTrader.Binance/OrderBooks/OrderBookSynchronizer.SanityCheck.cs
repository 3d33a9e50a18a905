namespace RxTrader.Binance.OrderBooks;

// The periodic check that the synced book is not crossed.
public sealed partial class OrderBookSynchronizer
{
    private int _crossedChecks;

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
}

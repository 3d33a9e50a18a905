using RxTrader.Core.MarketData;

namespace RxTrader.Binance.OrderBooks;

// The outputs that expose the book: top of book and depth, only while synced and not crossed.
public sealed partial class OrderBookSynchronizer
{
    private bool _hasPublishedTop;
    private BookTicker _publishedTop;

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
}

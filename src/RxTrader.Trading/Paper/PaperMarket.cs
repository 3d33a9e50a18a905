using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Paper;

/// <summary>One symbol inside the paper venue: the latest top of book, the resting orders in price-time priority,
/// and the orders known by id. Used only under the venue's gate.</summary>
internal sealed class PaperMarket(SymbolInfo info)
{
    private long _lastOrderId;
    private long _lastTradeId;

    public SymbolInfo Info { get; } = info;

    public bool HasBid { get; private set; }

    public bool HasAsk { get; private set; }

    public decimal BidPrice { get; private set; }

    public decimal BidQuantity { get; private set; }

    public decimal AskPrice { get; private set; }

    public decimal AskQuantity { get; private set; }

    /// <summary>Bid size our own orders already took since the bid price last changed.</summary>
    public decimal BidTaken { get; set; }

    /// <summary>Ask size our own orders already took since the ask price last changed.</summary>
    public decimal AskTaken { get; set; }

    public decimal? LastTradePrice { get; set; }

    /// <summary>Resting buys: best (highest) price first, then oldest first.</summary>
    public List<PaperOrder> Bids { get; } = [];

    /// <summary>Resting sells: best (lowest) price first, then oldest first.</summary>
    public List<PaperOrder> Asks { get; } = [];

    /// <summary>The latest order per client id, open or closed (until forgotten).</summary>
    public Dictionary<ClientOrderId, PaperOrder> ByClientId { get; } = [];

    public Dictionary<long, PaperOrder> ById { get; } = [];

    public int OpenCount => Bids.Count + Asks.Count;

    public long NextOrderId() => ++_lastOrderId;

    public long NextTradeId() => ++_lastTradeId;

    /// <summary>Top-of-book size still available to take on the side opposite <paramref name="side"/>.</summary>
    public decimal Available(Side side) =>
        side == Side.Buy
            ? HasAsk ? Math.Max(0m, AskQuantity - AskTaken) : 0m
            : HasBid ? Math.Max(0m, BidQuantity - BidTaken) : 0m;

    /// <summary>The best opposite price for an order of <paramref name="side"/>, if that side is displayed.</summary>
    public decimal? OppositeBest(Side side) =>
        side == Side.Buy ? HasAsk ? AskPrice : null : HasBid ? BidPrice : null;

    /// <summary>Whether a limit at <paramref name="price"/> on <paramref name="side"/> crosses the displayed opposite best.</summary>
    public bool Crosses(Side side, decimal price) =>
        side == Side.Buy ? HasAsk && price >= AskPrice : HasBid && price <= BidPrice;

    /// <summary>Records the size our own order took from the opposite top of book.</summary>
    public void Take(Side side, decimal quantity)
    {
        if (side == Side.Buy)
        {
            AskTaken += quantity;
        }
        else
        {
            BidTaken += quantity;
        }
    }

    /// <summary>Replaces the top of book. A side with a non-positive price or size is empty. Size taken by our own
    /// orders is remembered while that side's price stays the same (the feed does not know our trades).</summary>
    public void SetBook(decimal bidPrice, decimal bidQuantity, decimal askPrice, decimal askQuantity)
    {
        var hasBid = bidPrice > 0m && bidQuantity > 0m;
        if (!hasBid || !HasBid || bidPrice != BidPrice)
        {
            BidTaken = 0m;
        }

        var hasAsk = askPrice > 0m && askQuantity > 0m;
        if (!hasAsk || !HasAsk || askPrice != AskPrice)
        {
            AskTaken = 0m;
        }

        (HasBid, BidPrice, BidQuantity) = hasBid ? (true, bidPrice, bidQuantity) : (false, 0m, 0m);
        (HasAsk, AskPrice, AskQuantity) = hasAsk ? (true, askPrice, askQuantity) : (false, 0m, 0m);
    }

    /// <summary>Inserts a resting order after every order with a better or equal price (price-time priority).</summary>
    public void Rest(PaperOrder order)
    {
        var book = order.Side == Side.Buy ? Bids : Asks;
        var price = order.LimitPrice;
        var lo = 0;
        var hi = book.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var other = book[mid].LimitPrice;
            var goesAfter = order.Side == Side.Buy ? other >= price : other <= price;
            if (goesAfter)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        book.Insert(lo, order);
    }

    /// <summary>Removes a resting order from its side.</summary>
    public void Unrest(PaperOrder order) => (order.Side == Side.Buy ? Bids : Asks).Remove(order);
}

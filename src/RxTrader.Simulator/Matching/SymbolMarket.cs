using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Simulator.Matching;

/// <summary>One symbol's book, id counters and the levels the current operation touched.</summary>
/// <remarks>Touched only under the engine gate.</remarks>
internal sealed class SymbolMarket(SymbolRules rules)
{
    private readonly List<decimal> _touchedBids = [];
    private readonly List<decimal> _touchedAsks = [];

    public SymbolRules Rules { get; set; } = rules;

    public BookSide Bids { get; } = new(Side.Buy);

    public BookSide Asks { get; } = new(Side.Sell);

    /// <summary>Open synthetic (market-model) orders by id.</summary>
    public Dictionary<long, Order> Liquidity { get; } = [];

    public long LastOrderId { get; private set; }

    public long LastTradeId { get; private set; }

    /// <summary>The book's update id: shared by depth snapshots and diffs.</summary>
    public long UpdateId { get; private set; }

    /// <summary>The last trade price, or null before the first trade.</summary>
    public decimal? LastPrice { get; set; }

    public long NextOrderId() => ++LastOrderId;

    public long NextTradeId() => ++LastTradeId;

    public BookSide SideOf(Side side) => side == Side.Buy ? Bids : Asks;

    public BookSide Opposite(Side side) => side == Side.Buy ? Asks : Bids;

    public void Rest(Order order)
    {
        SideOf(order.Side).GetOrAdd(order.Price).Enqueue(order);
        Touch(order.Side, order.Price);
    }

    /// <summary>Takes an order off the book (cancel, or a maker's last fill).</summary>
    public void Unrest(Order order)
    {
        var level = order.Level!;
        level.Remove(order);
        if (level.IsEmpty)
        {
            SideOf(order.Side).RemoveLevel(level);
        }

        Touch(order.Side, order.Price);
    }

    public void Touch(Side side, decimal price) => (side == Side.Buy ? _touchedBids : _touchedAsks).Add(price);

    /// <summary>The diff of the current operation, taking the next update id; null when the book did not change.</summary>
    public DepthChanged? TakeDepthChange(DateTimeOffset time)
    {
        if (_touchedBids.Count == 0 && _touchedAsks.Count == 0)
        {
            return null;
        }

        UpdateId++;
        var update = new DepthUpdate(
            Rules.Symbol, time, UpdateId, UpdateId, Levels(_touchedBids, Bids, true), Levels(_touchedAsks, Asks, false));
        return new DepthChanged(update);
    }

    public DepthSnapshot Snapshot(int limit) =>
        new(Rules.Symbol, UpdateId, Top(Bids, limit), Top(Asks, limit));

    private static ImmutableArray<BookLevel> Levels(List<decimal> touched, BookSide side, bool descending)
    {
        if (touched.Count == 0)
        {
            return [];
        }

        var span = CollectionsMarshal.AsSpan(touched);
        span.Sort();
        var builder = ImmutableArray.CreateBuilder<BookLevel>(touched.Count);
        for (var i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[i - 1])
            {
                builder.Add(new BookLevel(span[i], side.QuantityAt(span[i])));
            }
        }

        touched.Clear();
        if (descending)
        {
            builder.Reverse();
        }

        return builder.DrainToImmutable();
    }

    private static ImmutableArray<BookLevel> Top(BookSide side, int limit)
    {
        var count = Math.Min(limit, side.Count);
        var builder = ImmutableArray.CreateBuilder<BookLevel>(count);
        for (var i = 0; i < count; i++)
        {
            var level = side.At(i);
            builder.Add(new BookLevel(level.Price, level.Quantity));
        }

        return builder.MoveToImmutable();
    }
}

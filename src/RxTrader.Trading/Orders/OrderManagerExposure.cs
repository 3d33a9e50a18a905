using RxTrader.Core;
using RxTrader.Trading.Risk;

namespace RxTrader.Trading.Orders;

/// <summary>The risk gate's view of an <see cref="OrderManager"/>: its positions, marks and orders not yet final.</summary>
/// <remarks>
/// An order counts as open from the moment its intent is journaled (<see cref="OrderTracking.PendingNew"/>) until it
/// is final, so orders in flight and orders being reconciled use up the limits: two signals checked back to back
/// cannot both fit into the room that only one of them has. An order's open quantity is what remains of it (the
/// requested quantity until the venue answers; for a market order by quote amount, the amount at the mark), and its
/// notional is that quantity at its limit price, or at the mark for a market order (0 without a mark).
/// </remarks>
public sealed class OrderManagerExposure : IRiskExposure
{
    private readonly OrderManager _manager;

    /// <summary>Creates the view.</summary>
    /// <param name="manager">The order manager to read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="manager"/> is null.</exception>
    public OrderManagerExposure(OrderManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
    }

    /// <inheritdoc />
    public decimal PositionOf(Symbol symbol) => _manager.Positions.Lookup(symbol)?.Quantity ?? 0m;

    /// <inheritdoc />
    public decimal? MarkOf(Symbol symbol) => _manager.Positions.Lookup(symbol)?.MarkPrice;

    /// <inheritdoc />
    public decimal OpenQuantity(Symbol symbol, Side side)
    {
        var total = 0m;
        foreach (var order in _manager.OpenOrders)
        {
            if (order.Request.Symbol == symbol && order.Request.Side == side)
            {
                total += Remaining(order);
            }
        }

        return total;
    }

    /// <inheritdoc />
    public int OpenOrderCount(Symbol? symbol)
    {
        if (symbol is not { } only)
        {
            return _manager.OpenOrderCount;
        }

        var count = 0;
        foreach (var order in _manager.OpenOrders)
        {
            count += order.Request.Symbol == only ? 1 : 0;
        }

        return count;
    }

    /// <inheritdoc />
    public decimal OpenNotional()
    {
        var total = 0m;
        foreach (var order in _manager.OpenOrders)
        {
            var price = order.Request.Price ?? MarkOf(order.Request.Symbol) ?? 0m;
            total += Remaining(order) * price;
        }

        return total;
    }

    private decimal Remaining(TrackedOrder order)
    {
        if (order.Order is { } known)
        {
            return known.RemainingQuantity;
        }

        var request = order.Request;
        return request.QuoteQuantity is { } quote
            ? MarkOf(request.Symbol) is { } mark and > 0m ? quote / mark : 0m
            : request.Quantity;
    }
}

using RxTrader.Core;
using RxTrader.Core.Orders;
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
    public decimal OpenQuantity(Symbol symbol, Side side) =>
        _manager.AggregateOpenOrders(
            (Exposure: this, Symbol: symbol, Side: side),
            0m,
            static (s, total, request, order) =>
                request.Symbol == s.Symbol && request.Side == s.Side ? total + s.Exposure.Remaining(request, order) : total);

    /// <inheritdoc />
    public int OpenOrderCount(Symbol? symbol) =>
        symbol is { } only
            ? _manager.AggregateOpenOrders(only, 0, static (s, count, request, _) => request.Symbol == s ? count + 1 : count)
            : _manager.OpenOrderCount;

    /// <inheritdoc />
    public decimal OpenNotional() =>
        _manager.AggregateOpenOrders(
            this,
            0m,
            static (self, total, request, order) =>
                total + (self.Remaining(request, order) * (request.Price ?? self.MarkOf(request.Symbol) ?? 0m)));

    private decimal Remaining(OrderRequest request, Order? order) =>
        order is { } known
            ? known.RemainingQuantity
            : request.QuoteQuantity is { } quote
                ? MarkOf(request.Symbol) is { } mark and > 0m ? quote / mark : 0m
                : request.Quantity;
}

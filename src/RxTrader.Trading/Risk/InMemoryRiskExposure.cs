using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Risk;

/// <summary>A thread-safe, in-memory <see cref="IRiskExposure"/>: positions, marks and open orders set by hand.</summary>
/// <remarks>Open orders are keyed by client order id; each carries its symbol, side, remaining quantity and price
/// (its notional is remaining × price). Memory is bounded by the symbols and open orders held.</remarks>
public sealed class InMemoryRiskExposure : IRiskExposure
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Symbol, decimal> _positions = [];
    private readonly Dictionary<Symbol, decimal> _marks = [];
    private readonly Dictionary<ClientOrderId, OpenOrder> _orders = [];
    private readonly Dictionary<Symbol, SymbolOrders> _bySymbol = [];
    private decimal _openNotional;

    /// <summary>Sets the signed position of a symbol (positive long, negative short).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="quantity">The position in base units.</param>
    public void SetPosition(Symbol symbol, decimal quantity)
    {
        lock (_gate)
        {
            _positions[symbol] = quantity;
        }
    }

    /// <summary>Sets the mark price of a symbol.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="price">The mark; <see langword="null"/> forgets it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is not positive.</exception>
    public void SetMark(Symbol symbol, decimal? price)
    {
        if (price is { } p)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p, nameof(price));
        }

        lock (_gate)
        {
            if (price is { } mark)
            {
                _marks[symbol] = mark;
            }
            else
            {
                _marks.Remove(symbol);
            }
        }
    }

    /// <summary>Adds an open order, or replaces the one with the same client order id (e.g. after a partial fill).</summary>
    /// <param name="id">The client order id.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="side">The side.</param>
    /// <param name="remainingQuantity">The quantity not yet filled; 0 or less removes the order.</param>
    /// <param name="price">The price that values the order.</param>
    public void SetOpenOrder(ClientOrderId id, Symbol symbol, Side side, decimal remainingQuantity, decimal price)
    {
        lock (_gate)
        {
            RemoveLocked(id);
            if (remainingQuantity <= 0m)
            {
                return;
            }

            var order = new OpenOrder(symbol, side, remainingQuantity, remainingQuantity * price);
            _orders.Add(id, order);
            Apply(order, +1);
        }
    }

    /// <summary>Removes an open order (filled or cancelled).</summary>
    /// <param name="id">The client order id.</param>
    /// <returns>Whether it was open.</returns>
    public bool RemoveOpenOrder(ClientOrderId id)
    {
        lock (_gate)
        {
            return RemoveLocked(id);
        }
    }

    /// <inheritdoc />
    public decimal PositionOf(Symbol symbol)
    {
        lock (_gate)
        {
            return _positions.GetValueOrDefault(symbol);
        }
    }

    /// <inheritdoc />
    public decimal OpenQuantity(Symbol symbol, Side side)
    {
        lock (_gate)
        {
            return _bySymbol.TryGetValue(symbol, out var orders)
                ? side == Side.Buy ? orders.BuyQuantity : orders.SellQuantity
                : 0m;
        }
    }

    /// <inheritdoc />
    public int OpenOrderCount(Symbol? symbol)
    {
        lock (_gate)
        {
            return symbol is { } s ? _bySymbol.TryGetValue(s, out var orders) ? orders.Count : 0 : _orders.Count;
        }
    }

    /// <inheritdoc />
    public decimal OpenNotional()
    {
        lock (_gate)
        {
            return _openNotional;
        }
    }

    /// <inheritdoc />
    public decimal? MarkOf(Symbol symbol)
    {
        lock (_gate)
        {
            return _marks.TryGetValue(symbol, out var mark) ? mark : null;
        }
    }

    private bool RemoveLocked(ClientOrderId id)
    {
        if (!_orders.Remove(id, out var order))
        {
            return false;
        }

        Apply(order, -1);
        return true;
    }

    private void Apply(OpenOrder order, int sign)
    {
        var totals = _bySymbol.GetValueOrDefault(order.Symbol);
        var quantity = sign * order.Quantity;
        totals = order.Side == Side.Buy
            ? totals with { Count = totals.Count + sign, BuyQuantity = totals.BuyQuantity + quantity }
            : totals with { Count = totals.Count + sign, SellQuantity = totals.SellQuantity + quantity };
        if (totals.Count == 0)
        {
            _bySymbol.Remove(order.Symbol);
        }
        else
        {
            _bySymbol[order.Symbol] = totals;
        }

        // Exact decimals return to 0, but reset anyway so an empty book never carries a residue.
        _openNotional = _orders.Count == 0 ? 0m : _openNotional + (sign * order.Notional);
    }

    private readonly record struct OpenOrder(Symbol Symbol, Side Side, decimal Quantity, decimal Notional);

    private readonly record struct SymbolOrders(int Count, decimal BuyQuantity, decimal SellQuantity);
}

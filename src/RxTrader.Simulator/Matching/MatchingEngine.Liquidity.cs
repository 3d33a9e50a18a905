using RxTrader.Core;

namespace RxTrader.Simulator.Matching;

/// <summary>Synthetic liquidity: the market model's own orders, sharing the book and id sequences with users.</summary>
/// <remarks>
/// Synthetic orders are LIMIT GTC orders with no account: no balances, no fees, no execution reports. They
/// match like any order (a synthetic order that crosses trades against users' and other synthetic orders,
/// which is how the model prints trades and moves the price), and publish public trades and depth diffs.
/// The model should respect the symbol's tick and step; the engine checks only that price and quantity are
/// positive.
/// </remarks>
public sealed partial class MatchingEngine
{
    /// <summary>Places a synthetic limit order; what crosses trades at once, the rest rests.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="side">The side.</param>
    /// <param name="price">A positive limit price.</param>
    /// <param name="quantity">A positive quantity.</param>
    /// <returns>The order after matching; or <c>-1121</c> for an unknown symbol.</returns>
    public ExchangeResult<LiquidityOrder> PlaceLiquidity(Symbol symbol, Side side, decimal price, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ExchangeResult<LiquidityOrder> result;
        lock (_gate)
        {
            result = _markets.TryGetValue(symbol, out var market)
                ? new(PlaceLiquidityLocked(market, side, price, quantity))
                : new(ExchangeErrors.InvalidSymbol);
        }

        _outbox.Flush();
        return result;
    }

    /// <summary>Cancels a synthetic order.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="orderId">The synthetic order's id.</param>
    /// <returns>Whether an open synthetic order was canceled (false: unknown, or already filled).</returns>
    public bool CancelLiquidity(Symbol symbol, long orderId)
    {
        bool canceled;
        lock (_gate)
        {
            canceled = _markets.TryGetValue(symbol, out var market) && CancelLiquidityLocked(market, orderId, Now());
        }

        _outbox.Flush();
        return canceled;
    }

    /// <summary>Replaces a synthetic order by a new one (new id, back of the queue at its price), atomically.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="orderId">The order to replace.</param>
    /// <param name="price">The new positive price.</param>
    /// <param name="quantity">The new positive quantity.</param>
    /// <returns>The new order; or <c>-1121</c> unknown symbol, <c>-2011</c> "Unknown order sent." when the order
    /// is no longer open (then nothing is placed).</returns>
    /// <remarks>Both changes go out in one depth diff.</remarks>
    public ExchangeResult<LiquidityOrder> ReplaceLiquidity(Symbol symbol, long orderId, decimal price, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ExchangeResult<LiquidityOrder> result;
        lock (_gate)
        {
            if (!_markets.TryGetValue(symbol, out var market))
            {
                result = new(ExchangeErrors.InvalidSymbol);
            }
            else if (!market.Liquidity.TryGetValue(orderId, out var old))
            {
                result = new(ExchangeErrors.UnknownOrder);
            }
            else
            {
                market.Unrest(old);
                market.Liquidity.Remove(orderId);
                old.Status = OrderStatus.Canceled;
                result = new(PlaceLiquidityLocked(market, old.Side, price, quantity));
            }
        }

        _outbox.Flush();
        return result;
    }

    /// <summary>Cancels every synthetic order on a symbol in one depth diff.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>How many orders were canceled; 0 for an unknown symbol.</returns>
    public int CancelAllLiquidity(Symbol symbol)
    {
        var count = 0;
        lock (_gate)
        {
            if (_markets.TryGetValue(symbol, out var market))
            {
                var now = Now();
                foreach (var id in market.Liquidity.Keys.ToArray())
                {
                    count += CancelLiquidityLocked(market, id, null) ? 1 : 0;
                }

                EndOperation(market, now);
            }
        }

        _outbox.Flush();
        return count;
    }

    /// <summary>The open synthetic orders of a symbol, by id.</summary>
    /// <param name="symbol">The symbol.</param>
    public IReadOnlyList<LiquidityOrder> GetLiquidity(Symbol symbol)
    {
        lock (_gate)
        {
            return _markets.TryGetValue(symbol, out var market)
                ? market.Liquidity.Values.OrderBy(static o => o.Id).Select(ToLiquidityOrder).ToArray()
                : [];
        }
    }

    private LiquidityOrder PlaceLiquidityLocked(SymbolMarket market, Side side, decimal price, decimal quantity)
    {
        var now = Now();
        var id = market.NextOrderId();
        var order = new Order
        {
            Id = id,
            Symbol = market.Rules.Symbol,
            Owner = null,
            ClientOrderId = string.Empty,
            Side = side,
            Type = OrderType.Limit,
            TimeInForce = TimeInForce.Gtc,
            Price = price,
            Quantity = quantity,
            Time = now,
            UpdateTime = now,
        };
        Execute(market, order, now, fills: null);
        EndOperation(market, now);
        return ToLiquidityOrder(order);
    }

    /// <summary>Cancels one synthetic order; ends the operation when <paramref name="now"/> is given.</summary>
    private bool CancelLiquidityLocked(SymbolMarket market, long orderId, DateTimeOffset? now)
    {
        if (!market.Liquidity.Remove(orderId, out var order))
        {
            return false;
        }

        market.Unrest(order);
        order.Status = OrderStatus.Canceled;
        if (now is { } time)
        {
            EndOperation(market, time);
        }

        return true;
    }

    private static LiquidityOrder ToLiquidityOrder(Order o) =>
        new(o.Id, o.Side, o.Price, o.IsOpen ? o.Remaining : 0m, o.Executed);
}

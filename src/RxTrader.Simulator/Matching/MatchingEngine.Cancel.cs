using RxTrader.Core;
using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Matching;

/// <summary>User cancels (<c>DELETE /api/v3/order</c>, <c>DELETE /api/v3/openOrders</c>).</summary>
public sealed partial class MatchingEngine
{
    /// <summary>Cancels one open order, releasing what it holds locked.</summary>
    /// <param name="accountId">The account owning the order.</param>
    /// <param name="request">Which order (by id and/or client id) and the cancel's own client id.</param>
    /// <returns>
    /// The canceled order; or <c>-2015</c> unknown account, <c>-1121</c> unknown symbol, <c>-1102</c> neither id
    /// given, <c>-1100</c> bad cancel client id, <c>-2011</c> "Unknown order sent." when the order is unknown,
    /// already final, or its client id does not match <see cref="CancelRequest.OrderId"/>'s order; <c>-2011</c>
    /// "Order was not canceled due to cancel restrictions." when its status does not meet
    /// <see cref="CancelRequest.Restrictions"/>.
    /// </returns>
    public ExchangeResult<CanceledOrder> CancelOrder(string accountId, CancelRequest request)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(request);
        ExchangeResult<CanceledOrder> result;
        lock (_gate)
        {
            result = CancelLocked(accountId, request);
        }

        _outbox.Flush();
        return result;
    }

    /// <summary>Cancels every open order of the account on a symbol, in order id order.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The canceled orders; <c>-2011</c> "Unknown order sent." when there are none (as Binance answers).</returns>
    public ExchangeResult<IReadOnlyList<CanceledOrder>> CancelOpenOrders(string accountId, Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ExchangeResult<IReadOnlyList<CanceledOrder>> result;
        lock (_gate)
        {
            result = CancelAllLocked(accountId, symbol);
        }

        _outbox.Flush();
        return result;
    }

    private ExchangeResult<CanceledOrder> CancelLocked(string accountId, CancelRequest request)
    {
        if (!TryGetAccount(accountId, out var account, out var error))
        {
            return new(error);
        }

        if (!_markets.TryGetValue(request.Symbol, out var market))
        {
            return new(ExchangeErrors.InvalidSymbol);
        }

        if (request.NewClientOrderId is { } id && !OrderValidation.IsValidClientOrderId(id))
        {
            return new(ExchangeErrors.IllegalChars("newClientOrderId", ExchangeErrors.ClientOrderIdPattern));
        }

        var found = Find(account.Orders(request.Symbol), request.OrderId, request.OrigClientOrderId, ExchangeErrors.UnknownOrder);
        if (!found.IsSuccess)
        {
            return new(found.Error.Value);
        }

        var order = found.Value;
        if (!order.IsOpen)
        {
            return new(ExchangeErrors.UnknownOrder);
        }

        if ((request.Restrictions == CancelRestrictions.OnlyNew && order.Status != OrderStatus.New)
            || (request.Restrictions == CancelRestrictions.OnlyPartiallyFilled && order.Status != OrderStatus.PartiallyFilled))
        {
            return new(ExchangeErrors.CancelRestricted);
        }

        var now = Now();
        var canceled = Cancel(market, order, request.NewClientOrderId, now);
        EndOperation(market, now);
        return new(canceled);
    }

    private ExchangeResult<IReadOnlyList<CanceledOrder>> CancelAllLocked(string accountId, Symbol symbol)
    {
        if (!TryGetAccount(accountId, out var account, out var error))
        {
            return new(error);
        }

        if (!_markets.TryGetValue(symbol, out var market))
        {
            return new(ExchangeErrors.InvalidSymbol);
        }

        var open = account.Orders(symbol).Open;
        if (open.Count == 0)
        {
            return new(ExchangeErrors.UnknownOrder);
        }

        var now = Now();
        var canceled = new List<CanceledOrder>(open.Count);
        foreach (var order in open.Values.ToArray())
        {
            canceled.Add(Cancel(market, order, null, now));
        }

        EndOperation(market, now);
        return new(canceled);
    }

    private CanceledOrder Cancel(SymbolMarket market, Order order, string? cancelClientOrderId, DateTimeOffset now)
    {
        cancelClientOrderId ??= GeneratedClientId("sim-cancel-", _executionId + 1);
        if (order.Level is not null)
        {
            market.Unrest(order);
        }

        Finish(market, order, OrderStatus.Canceled, ExpiryReason.None, now, cancelClientOrderId);
        return new CanceledOrder(order.ToSnapshot(), cancelClientOrderId, now);
    }

    /// <summary>Looks an order up by id (then checks the client id) or else by client id.</summary>
    private static ExchangeResult<Order> Find(SymbolOrders orders, long? orderId, string? clientOrderId, ExchangeError notFound)
    {
        if (orderId is null && clientOrderId is null)
        {
            return new(ExchangeErrors.EitherParameter("origClientOrderId", "orderId"));
        }

        Order? order;
        if (orderId is { } id)
        {
            if (!orders.ById.TryGetValue(id, out order)
                || (clientOrderId is not null && !string.Equals(order.ClientOrderId, clientOrderId, StringComparison.Ordinal)))
            {
                return new(notFound);
            }
        }
        else if (!orders.ByClientId.TryGetValue(clientOrderId!, out order))
        {
            return new(notFound);
        }

        return new(order);
    }
}

using RxTrader.Core;
using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Matching;

/// <summary>Order and trade queries (<c>GET /api/v3/order</c>, openOrders, allOrders, myTrades).</summary>
public sealed partial class MatchingEngine
{
    /// <summary>One order by id and/or client id; with both, the order found by id must carry that client id.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="orderId">The order id, or null.</param>
    /// <param name="origClientOrderId">The client id, or null (the latest order with it).</param>
    /// <returns>The order; or <c>-2015</c>, <c>-1121</c>, <c>-1102</c> (neither id), <c>-2013</c> "Order does not exist.".</returns>
    public ExchangeResult<OrderSnapshot> QueryOrder(string accountId, Symbol symbol, long? orderId, string? origClientOrderId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        lock (_gate)
        {
            if (!TryGetAccount(accountId, out var account, out var error))
            {
                return new(error);
            }

            if (!_markets.ContainsKey(symbol))
            {
                return new(ExchangeErrors.InvalidSymbol);
            }

            var found = Find(account.Orders(symbol), orderId, origClientOrderId, ExchangeErrors.OrderDoesNotExist);
            return found.IsSuccess ? new(found.Value.ToSnapshot()) : new(found.Error.Value);
        }
    }

    /// <summary>Open orders of the account, on one symbol or (null) on all, by symbol then order id.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="symbol">The symbol, or null for every symbol.</param>
    /// <returns>The orders; or <c>-2015</c>, <c>-1121</c>.</returns>
    public ExchangeResult<IReadOnlyList<OrderSnapshot>> OpenOrders(string accountId, Symbol? symbol = null)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        lock (_gate)
        {
            if (!TryGetAccount(accountId, out var account, out var error))
            {
                return new(error);
            }

            if (symbol is { } s)
            {
                return _markets.ContainsKey(s)
                    ? new(account.Orders(s).Open.Values.Select(static o => o.ToSnapshot()).ToArray())
                    : new(ExchangeErrors.InvalidSymbol);
            }

            return new(account.AllSymbols
                .SelectMany(static o => o.Open.Values)
                .OrderBy(static o => o.Symbol.Value, StringComparer.Ordinal)
                .ThenBy(static o => o.Id)
                .Select(static o => o.ToSnapshot())
                .ToArray());
        }
    }

    /// <summary>All orders of the account on a symbol (<c>allOrders</c>; <see cref="HistoryQuery.FromId"/> is its <c>orderId</c>).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="query">Paging; null for the defaults.</param>
    /// <returns>The orders ascending by id; or <c>-2015</c>, <c>-1121</c>.</returns>
    public ExchangeResult<IReadOnlyList<OrderSnapshot>> AllOrders(string accountId, Symbol symbol, HistoryQuery? query = null)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        query ??= HistoryQuery.Default;
        lock (_gate)
        {
            if (!TryGetAccount(accountId, out var account, out var error))
            {
                return new(error);
            }

            if (!_markets.ContainsKey(symbol))
            {
                return new(ExchangeErrors.InvalidSymbol);
            }

            return new(Page(account.Orders(symbol).All, query, static o => o.Id, static o => o.Time)
                .Select(static o => o.ToSnapshot())
                .ToArray());
        }
    }

    /// <summary>The account's trades on a symbol (<c>myTrades</c>), optionally of one order.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="orderId">Only this order's trades, or null.</param>
    /// <param name="query">Paging (<see cref="HistoryQuery.FromId"/> is a trade id); null for the defaults.</param>
    /// <returns>The trades ascending by id; or <c>-2015</c>, <c>-1121</c>.</returns>
    public ExchangeResult<IReadOnlyList<AccountTrade>> MyTrades(string accountId, Symbol symbol, long? orderId = null, HistoryQuery? query = null)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        query ??= HistoryQuery.Default;
        lock (_gate)
        {
            if (!TryGetAccount(accountId, out var account, out var error))
            {
                return new(error);
            }

            if (!_markets.ContainsKey(symbol))
            {
                return new(ExchangeErrors.InvalidSymbol);
            }

            IEnumerable<AccountTrade> trades = account.Orders(symbol).Trades;
            if (orderId is { } id)
            {
                trades = trades.Where(t => t.OrderId == id);
            }

            return new(Page(trades, query, static t => t.Id, static t => t.Time).ToArray());
        }
    }

    private static IEnumerable<T> Page<T>(IEnumerable<T> items, HistoryQuery query, Func<T, long> id, Func<T, DateTimeOffset> time)
    {
        var limit = Math.Clamp(query.Limit, 1, HistoryQuery.MaxLimit);
        var selected = items.Where(x =>
            (query.FromId is null || id(x) >= query.FromId)
            && (query.StartTime is null || time(x) >= query.StartTime)
            && (query.EndTime is null || time(x) <= query.EndTime));
        return query.FromId is null ? selected.TakeLast(limit) : selected.Take(limit);
    }
}

using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Accounts;

/// <summary>One account's orders and trades on one symbol: the order store behind queries and cancels.</summary>
/// <remarks>Orders are kept for the life of the engine (no archiving).</remarks>
internal sealed class SymbolOrders
{
    /// <summary>Every order, in id order (ids increase per symbol).</summary>
    public List<Order> All { get; } = [];

    public Dictionary<long, Order> ById { get; } = [];

    /// <summary>The latest order with each client id.</summary>
    public Dictionary<string, Order> ByClientId { get; } = new(StringComparer.Ordinal);

    /// <summary>Open orders by id, in id order.</summary>
    public SortedDictionary<long, Order> Open { get; } = [];

    /// <summary>Trades, in trade id order.</summary>
    public List<AccountTrade> Trades { get; } = [];

    public void Add(Order order)
    {
        All.Add(order);
        ById.Add(order.Id, order);
        ByClientId[order.ClientOrderId] = order;
        if (order.IsOpen)
        {
            Open.Add(order.Id, order);
        }
    }

    public bool HasOpenClientId(string clientOrderId) =>
        ByClientId.TryGetValue(clientOrderId, out var order) && order.IsOpen;
}

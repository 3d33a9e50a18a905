using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Tests.Orders;

/// <summary>What the fake venue does with the next PlaceAsync.</summary>
public enum PlaceScript
{
    Accept,
    Reject,
    UnknownButPlaced,
    UnknownNotPlaced,
    AcceptFilled,
    NullAnswer,
    AnswerForAnotherOrder,
}

/// <summary>
/// An in-memory venue with scriptable outcomes. Every call completes synchronously, so under a TestScheduler the
/// whole order flow runs in virtual time. Its state (orders, fills) survives a manager restart.
/// </summary>
internal sealed class FakeVenue : IExecutionVenue, IDisposable
{
    private readonly Subject<OrderUpdate> _updates = new();
    private readonly Dictionary<ClientOrderId, Order> _orders = [];
    private readonly Dictionary<long, List<Fill>> _fills = [];
    private long _nextExchangeId = 1000;
    private long _nextTradeId = 1;

    public string Name => "fake";

    public IObservable<OrderUpdate> OrderUpdates => _updates;

    public Queue<PlaceScript> Script { get; } = new();

    /// <summary>GetOrderAsync answers Unknown this many more times.</summary>
    public int GetOrderUnknowns { get; set; }

    public int PlaceCalls { get; private set; }

    public int GetOrderCalls { get; private set; }

    public int GetFillsCalls { get; private set; }

    public List<Balance> BalanceList { get; } = [new Balance("USDT", 1000m, 0m), new Balance("BTC", 1m, 0m)];

    public IReadOnlyDictionary<ClientOrderId, Order> Placed => _orders;

    /// <summary>Called when PlaceAsync starts (before anything is placed).</summary>
    public Action<OrderRequest>? BeforePlace { get; set; }

    /// <summary>When set with <see cref="Scheduler"/>, PlaceAsync answers after this virtual delay.</summary>
    public TimeSpan PlaceDelay { get; set; }

    public IScheduler? Scheduler { get; set; }

    public Task<VenueOutcome<Order>> PlaceAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        BeforePlace?.Invoke(request);
        var outcome = PlaceNow(request);
        if (Scheduler is null || PlaceDelay <= TimeSpan.Zero)
        {
            return outcome;
        }

        var answer = new TaskCompletionSource<VenueOutcome<Order>>();
        Scheduler.Schedule(PlaceDelay, () => answer.SetResult(outcome.Result));
        return answer.Task;
    }

    private Task<VenueOutcome<Order>> PlaceNow(OrderRequest request)
    {
        PlaceCalls++;
        var script = Script.Count > 0 ? Script.Dequeue() : PlaceScript.Accept;
        switch (script)
        {
            case PlaceScript.Reject:
                return Result(new VenueOutcome<Order>.Rejected(VenueErrorCodes.NewOrderRejected, "Account has insufficient balance."));
            case PlaceScript.NullAnswer:
                Add(request);
                return Task.FromResult<VenueOutcome<Order>>(null!);
            case PlaceScript.AnswerForAnotherOrder:
                Add(request);
                return Result(new VenueOutcome<Order>.Accepted(Add(request with { ClientOrderId = ClientOrderId.For("other", _nextExchangeId) })));
            case PlaceScript.UnknownNotPlaced:
                return Result(new VenueOutcome<Order>.Unknown("timeout"));
            case PlaceScript.UnknownButPlaced:
                Add(request);
                return Result(new VenueOutcome<Order>.Unknown("timeout"));
            case PlaceScript.AcceptFilled:
                var order = Add(request);
                var fill = MakeFill(order, request.Quantity, request.Price ?? 100m, commission: 0.1m);
                order = _orders[request.ClientOrderId] = order with
                {
                    ExecutedQuantity = request.Quantity,
                    CumulativeQuoteQuantity = fill.QuoteQuantity,
                    Status = OrderStatus.Filled,
                };
                return Result(new VenueOutcome<Order>.Accepted(order));
            default:
                return Result(new VenueOutcome<Order>.Accepted(Add(request)));
        }
    }

    public Task<VenueOutcome<Order>> CancelAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        if (!_orders.TryGetValue(clientOrderId, out var order) || order.IsTerminal)
        {
            return Result(new VenueOutcome<Order>.Rejected(VenueErrorCodes.CancelRejected, "Unknown order sent."));
        }

        order = _orders[clientOrderId] = order with { Status = OrderStatus.Canceled };
        return Result(new VenueOutcome<Order>.Accepted(order));
    }

    public Task<VenueOutcome<Order>> GetOrderAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        GetOrderCalls++;
        if (GetOrderUnknowns > 0)
        {
            GetOrderUnknowns--;
            return Result(new VenueOutcome<Order>.Unknown("503"));
        }

        return _orders.TryGetValue(clientOrderId, out var order)
            ? Result(new VenueOutcome<Order>.Accepted(order))
            : Result(new VenueOutcome<Order>.Rejected(VenueErrorCodes.NoSuchOrder, "Order does not exist."));
    }

    public Task<VenueOutcome<IReadOnlyList<Order>>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<VenueOutcome<IReadOnlyList<Order>>>(
            new VenueOutcome<IReadOnlyList<Order>>.Accepted([.. _orders.Values.Where(o => !o.IsTerminal)]));

    public Task<VenueOutcome<IReadOnlyList<Fill>>> GetFillsAsync(Symbol symbol, long exchangeOrderId, CancellationToken cancellationToken = default)
    {
        GetFillsCalls++;
        return Task.FromResult<VenueOutcome<IReadOnlyList<Fill>>>(
            new VenueOutcome<IReadOnlyList<Fill>>.Accepted(_fills.TryGetValue(exchangeOrderId, out var list) ? [.. list] : []));
    }

    public Task<VenueOutcome<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<VenueOutcome<IReadOnlyList<Balance>>>(new VenueOutcome<IReadOnlyList<Balance>>.Accepted([.. BalanceList]));

    /// <summary>Places an order nobody journaled (another client's).</summary>
    public Order AddForeign(OrderRequest request) => Add(request);

    /// <summary>Executes <paramref name="quantity"/> of an order at the venue; publishes the update unless <paramref name="publish"/> is false.</summary>
    public OrderUpdate Execute(ClientOrderId id, decimal quantity, decimal price, decimal commission = 0m, bool publish = true)
    {
        var order = _orders[id];
        var fill = MakeFill(order, quantity, price, commission);
        var executed = order.ExecutedQuantity + quantity;
        order = _orders[id] = order with
        {
            ExecutedQuantity = executed,
            CumulativeQuoteQuantity = order.CumulativeQuoteQuantity + fill.QuoteQuantity,
            Status = executed >= order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled,
        };
        var update = new OrderUpdate(order, fill);
        if (publish)
        {
            _updates.OnNext(update);
        }

        return update;
    }

    /// <summary>Publishes a raw update (duplicates, stale ones).</summary>
    public void Publish(OrderUpdate update) => _updates.OnNext(update);

    public void Dispose() => _updates.Dispose();

    private static Task<VenueOutcome<Order>> Result(VenueOutcome<Order> outcome) => Task.FromResult(outcome);

    private Order Add(OrderRequest request)
    {
        var order = new Order(
            request.ClientOrderId, request.Symbol, request.Side, request.Type, request.TimeInForce, request.Price, request.Quantity,
            0m, 0m, OrderStatus.New, _nextExchangeId++, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        _orders[request.ClientOrderId] = order;
        return order;
    }

    private Fill MakeFill(Order order, decimal quantity, decimal price, decimal commission)
    {
        var fill = new Fill(
            order.ClientOrderId, order.ExchangeOrderId, _nextTradeId++, order.Symbol, order.Side, price, quantity, quantity * price,
            commission, "USDT", false, DateTimeOffset.UnixEpoch);
        if (!_fills.TryGetValue(order.ExchangeOrderId, out var list))
        {
            _fills[order.ExchangeOrderId] = list = [];
        }

        list.Add(fill);
        return fill;
    }
}

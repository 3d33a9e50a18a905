using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;

namespace RxTrader.Benchmarks;

/// <summary>
/// One order's whole life through <see cref="OrderManager"/> against an instant in-memory venue: intent journaled,
/// accepted, one fill update (fill journaled, position updated), terminal. Four journal transactions per order.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OrderManagerBenchmarks : IDisposable
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private readonly InstantVenue _venue = new();
    private string _path = string.Empty;
    private OrderJournal? _journal;
    private OrderManager? _manager;
    private long _sequence;

    /// <summary>The journal's synchronous setting.</summary>
    [Params(JournalDurability.Full, JournalDurability.Normal)]
    public JournalDurability Durability { get; set; }

    /// <summary>Creates the journal and starts the manager.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"rxtrader-manager-bench-{Guid.NewGuid():N}.db");
        _journal = OrderJournal.Open(_path, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew, Durability = Durability });
        _manager = new OrderManager(_venue, _journal, ImmediateScheduler.Instance, new OrderManagerOptions { RetainFinalOrders = 64 });
        _manager.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>Deletes the journal.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _manager?.Dispose();
        _journal?.Dispose();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        _venue.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Submit, accept, fill, terminal.</summary>
    [Benchmark]
    public OrderTracking SubmitAndFill()
    {
        var request = OrderRequest.Limit(ClientOrderId.For("bench", ++_sequence), Btc, (_sequence & 1) == 0 ? Side.Buy : Side.Sell, 1m, 100m);
        var accepted = _manager!.SubmitAsync(request).GetAwaiter().GetResult();
        _venue.Fill(accepted.Order!);
        return _manager.Orders.Lookup(request.ClientOrderId)?.Tracking ?? OrderTracking.Terminal;
    }

    private sealed class InstantVenue : IExecutionVenue, IDisposable
    {
        private readonly Subject<OrderUpdate> _updates = new();
        private long _id;

        public string Name => "instant";

        public IObservable<OrderUpdate> OrderUpdates => _updates;

        public Task<VenueOutcome<Order>> PlaceAsync(OrderRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult<VenueOutcome<Order>>(new VenueOutcome<Order>.Accepted(new Order(
                request.ClientOrderId, request.Symbol, request.Side, request.Type, request.TimeInForce, request.Price, request.Quantity,
                0m, 0m, OrderStatus.New, ++_id, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)));

        public void Fill(Order order)
        {
            var price = order.Price ?? 100m;
            var filled = order with { ExecutedQuantity = order.Quantity, CumulativeQuoteQuantity = order.Quantity * price, Status = OrderStatus.Filled };
            _updates.OnNext(new OrderUpdate(filled, new Fill(
                order.ClientOrderId, order.ExchangeOrderId, order.ExchangeOrderId, order.Symbol, order.Side, price, order.Quantity,
                order.Quantity * price, 0.01m, "USDT", false, DateTimeOffset.UnixEpoch)));
        }

        public Task<VenueOutcome<Order>> CancelAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default) =>
            Task.FromResult<VenueOutcome<Order>>(new VenueOutcome<Order>.Rejected(VenueErrorCodes.CancelRejected, "Unknown order sent."));

        public Task<VenueOutcome<Order>> GetOrderAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default) =>
            Task.FromResult<VenueOutcome<Order>>(new VenueOutcome<Order>.Rejected(VenueErrorCodes.NoSuchOrder, "Order does not exist."));

        public Task<VenueOutcome<IReadOnlyList<Order>>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<VenueOutcome<IReadOnlyList<Order>>>(new VenueOutcome<IReadOnlyList<Order>>.Accepted([]));

        public Task<VenueOutcome<IReadOnlyList<Fill>>> GetFillsAsync(Symbol symbol, long exchangeOrderId, CancellationToken cancellationToken = default) =>
            Task.FromResult<VenueOutcome<IReadOnlyList<Fill>>>(new VenueOutcome<IReadOnlyList<Fill>>.Accepted([]));

        public Task<VenueOutcome<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<VenueOutcome<IReadOnlyList<Balance>>>(new VenueOutcome<IReadOnlyList<Balance>>.Accepted([]));

        public void Dispose() => _updates.Dispose();
    }
}

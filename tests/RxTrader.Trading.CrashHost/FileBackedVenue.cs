using System.Globalization;
using System.Reactive.Subjects;
using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.CrashHost;

/// <summary>
/// A deterministic venue whose whole state is an append-only text log, written before it answers: every order is
/// placed and filled in full at its limit price, as one trade. Killing the process loses nothing the venue answered;
/// a torn last line is an order the venue never placed. Reloading the log gives the venue a restarted engine talks to.
/// </summary>
public sealed class FileBackedVenue : IExecutionVenue, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Subject<OrderUpdate> _updates = new();
    private readonly Dictionary<ClientOrderId, (Order Order, Fill Fill)> _orders = [];
    private readonly StreamWriter _log;
    private long _nextId;

    private FileBackedVenue(string path)
    {
        foreach (var line in File.Exists(path) ? File.ReadAllLines(path) : [])
        {
            if (Parse(line) is { } entry)
            {
                _orders[entry.Order.ClientOrderId] = entry;
                _nextId = Math.Max(_nextId, entry.Order.ExchangeOrderId);
            }
        }

        _log = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    /// <inheritdoc/>
    public string Name => "file-backed";

    /// <inheritdoc/>
    public IObservable<OrderUpdate> OrderUpdates => _updates;

    /// <summary>The venue's orders (all filled).</summary>
    public IReadOnlyList<Order> Orders
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders.Values.Select(static e => e.Order)];
            }
        }
    }

    /// <summary>The venue's fills.</summary>
    public IReadOnlyList<Fill> Fills
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders.Values.Select(static e => e.Fill)];
            }
        }
    }

    /// <summary>Opens the venue on its log (created when missing).</summary>
    /// <param name="path">The log file.</param>
    /// <returns>The venue.</returns>
    public static FileBackedVenue Open(string path) => new(path);

    /// <inheritdoc/>
    public Task<VenueOutcome<Order>> PlaceAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (Order Order, Fill Fill) entry;
        lock (_gate)
        {
            if (_orders.ContainsKey(request.ClientOrderId))
            {
                return Task.FromResult<VenueOutcome<Order>>(new VenueOutcome<Order>.Rejected(VenueErrorCodes.NewOrderRejected, "Duplicate order sent."));
            }

            var id = ++_nextId;
            var price = request.Price ?? 100m;
            var time = DateTimeOffset.UnixEpoch.AddSeconds(id);
            var order = new Order(
                request.ClientOrderId, request.Symbol, request.Side, request.Type, request.TimeInForce, request.Price, request.Quantity,
                request.Quantity, request.Quantity * price, OrderStatus.Filled, id, time, time);
            var fill = new Fill(request.ClientOrderId, id, id, request.Symbol, request.Side, price, request.Quantity, request.Quantity * price, 0.01m, "USDT", false, time);
            entry = (order, fill);
            _log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{request.ClientOrderId}|{request.Symbol}|{(int)request.Side}|{request.Quantity}|{price}|{id}|END"));
            _orders[request.ClientOrderId] = entry;
        }

        _updates.OnNext(new OrderUpdate(entry.Order, entry.Fill));
        return Task.FromResult<VenueOutcome<Order>>(new VenueOutcome<Order>.Accepted(entry.Order));
    }

    /// <inheritdoc/>
    public Task<VenueOutcome<Order>> CancelAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default) =>
        Task.FromResult<VenueOutcome<Order>>(new VenueOutcome<Order>.Rejected(VenueErrorCodes.CancelRejected, "Unknown order sent."));

    /// <inheritdoc/>
    public Task<VenueOutcome<Order>> GetOrderAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<VenueOutcome<Order>>(_orders.TryGetValue(clientOrderId, out var entry)
                ? new VenueOutcome<Order>.Accepted(entry.Order)
                : new VenueOutcome<Order>.Rejected(VenueErrorCodes.NoSuchOrder, "Order does not exist."));
        }
    }

    /// <inheritdoc/>
    public Task<VenueOutcome<IReadOnlyList<Order>>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<VenueOutcome<IReadOnlyList<Order>>>(new VenueOutcome<IReadOnlyList<Order>>.Accepted([]));

    /// <inheritdoc/>
    public Task<VenueOutcome<IReadOnlyList<Fill>>> GetFillsAsync(Symbol symbol, long exchangeOrderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Fill> fills = [.. _orders.Values.Where(e => e.Order.ExchangeOrderId == exchangeOrderId).Select(static e => e.Fill)];
            return Task.FromResult<VenueOutcome<IReadOnlyList<Fill>>>(new VenueOutcome<IReadOnlyList<Fill>>.Accepted(fills));
        }
    }

    /// <inheritdoc/>
    public Task<VenueOutcome<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<VenueOutcome<IReadOnlyList<Balance>>>(new VenueOutcome<IReadOnlyList<Balance>>.Accepted([new Balance("USDT", 1_000_000m, 0m)]));

    /// <inheritdoc/>
    public void Dispose()
    {
        _log.Dispose();
        _updates.Dispose();
    }

    private static (Order Order, Fill Fill)? Parse(string line)
    {
        var parts = line.Split('|');
        if (parts.Length != 7 || parts[6] != "END")
        {
            return null; // a torn last line: never placed
        }

        var id = new ClientOrderId(parts[0]);
        var symbol = new Symbol(parts[1]);
        var side = (Side)int.Parse(parts[2], CultureInfo.InvariantCulture);
        var quantity = decimal.Parse(parts[3], CultureInfo.InvariantCulture);
        var price = decimal.Parse(parts[4], CultureInfo.InvariantCulture);
        var exchangeId = long.Parse(parts[5], CultureInfo.InvariantCulture);
        var time = DateTimeOffset.UnixEpoch.AddSeconds(exchangeId);
        var order = new Order(id, symbol, side, OrderType.Limit, TimeInForce.GoodTillCanceled, price, quantity, quantity, quantity * price, OrderStatus.Filled, exchangeId, time, time);
        return (order, new Fill(id, exchangeId, exchangeId, symbol, side, price, quantity, quantity * price, 0.01m, "USDT", false, time));
    }
}

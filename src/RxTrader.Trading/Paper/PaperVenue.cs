using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Paper;

/// <summary>
/// An <see cref="IExecutionVenue"/> that fills orders against market data instead of an exchange: paper trading on
/// live data and the venue of backtests on replayed data. The fill model is in <c>Paper/README.md</c>.
/// </summary>
/// <remarks>
/// <para><b>Time.</b> Every timestamp is the injected scheduler's <see cref="IScheduler.Now"/>; with an
/// <see cref="PaperVenueOptions.AckLatency"/> the place and cancel calls take effect that much later on the
/// scheduler. Run the market data feeds on the same scheduler (a <c>HistoricalScheduler</c> in a backtest, a
/// <c>TestScheduler</c> in tests) and the whole run is deterministic.</para>
/// <para><b>Market data.</b> Book tickers and trades are processed on the thread that delivers them, one at a time
/// under the venue's gate. Data of symbols the venue does not trade is ignored, as are trades with a non-positive
/// price or quantity. <c>OnError</c> or <c>OnCompleted</c> of a feed ends that feed only: open orders stay open
/// and no longer fill from it.</para>
/// <para><b>Calls.</b> Expected outcomes come back as <see cref="VenueOutcome{T}"/> with Binance's codes and
/// messages; a null request throws <see cref="ArgumentNullException"/>, a cancelled token
/// <see cref="OperationCanceledException"/>, a call after <see cref="Dispose"/>
/// <see cref="ObjectDisposedException"/>. With no latency the returned task is already complete.</para>
/// <para><b>Order updates.</b> <see cref="OrderUpdates"/> is hot: <c>New</c> when an order is accepted, one update
/// per fill (with its <see cref="Fill"/>), then <c>Canceled</c> or <c>Expired</c> unless the order filled. Updates are
/// delivered outside the gate, in the order they happened, by the thread whose call or data caused them (or by the
/// one already delivering); never <c>OnError</c>; <c>OnCompleted</c> on <see cref="Dispose"/>. A subscriber that
/// throws is a bug: its exception propagates to the call (or feed) that was delivering, after the venue's state changed;
/// the updates still queued are delivered by the next call.</para>
/// <para><b>Memory.</b> Open orders are bounded by <see cref="PaperVenueOptions.MaxOpenOrdersPerSymbol"/> per symbol
/// and closed orders (with their fills) by <see cref="PaperVenueOptions.MaxClosedOrders"/>; an order forgotten that
/// way answers <c>-2013</c> to queries and has no fills.</para>
/// </remarks>
public sealed partial class PaperVenue : IExecutionVenue, IDisposable
{
    // A call that raced with Dispose (or waited out its latency past it) did nothing: say so rather than throw late.
    private static readonly VenueOutcome<Order> DisposedBeforeEffect =
        new VenueOutcome<Order>.Unknown("The paper venue was disposed before the call took effect.");

    private readonly Lock _gate = new();
    private readonly IScheduler _scheduler;
    private readonly PaperVenueOptions _options;
    private readonly Dictionary<Symbol, PaperMarket> _markets = [];
    private readonly PaperAccount _account;
    private readonly Queue<PaperOrder> _closed = new();
    private readonly Queue<OrderUpdate?> _pending = new();
    private readonly Subject<OrderUpdate> _updates = new();
    private readonly IDisposable _books;
    private readonly IDisposable _trades;
    private long _sequence;
    private bool _draining;
    private bool _disposed;

    /// <summary>Creates the venue and subscribes to the market data feeds.</summary>
    /// <param name="options">The symbols, balances, fees and bounds.</param>
    /// <param name="bookTickers">Best bid and ask updates of the traded symbols; subscribed to here, so pass a hot or
    /// scheduler-driven feed (a cold feed that replays synchronously would run before any order exists).</param>
    /// <param name="trades">Public trade prints of the traded symbols; subscribed to here, likewise.</param>
    /// <param name="scheduler">The clock and the scheduler of delayed acknowledgements.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="PaperVenueOptions"/>).</exception>
    public PaperVenue(
        PaperVenueOptions options,
        IObservable<BookTicker> bookTickers,
        IObservable<ITradeTick> trades,
        IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bookTickers);
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(scheduler);
        options.Validate();
        _options = options;
        _scheduler = scheduler;
        _account = new PaperAccount(options.InitialBalances);
        foreach (var info in options.Symbols)
        {
            _markets.Add(info.Symbol, new PaperMarket(info));
        }

        _books = bookTickers.Subscribe(OnBookTicker, static _ => { }, static () => { });
        _trades = trades.Subscribe(OnTrade, static _ => { }, static () => { });
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public IObservable<OrderUpdate> OrderUpdates => _updates.AsObservable();

    /// <inheritdoc />
    /// <remarks>Refusals, checked in this order: <c>-1102</c> a request that fails <see cref="OrderRequest.Validate"/>,
    /// <c>-1121</c> unknown symbol, <c>-1013</c> "Market is closed." (symbol not trading), <c>-1013</c> "Filter failure:
    /// NAME", <c>-2010</c> "Duplicate order sent." (an open order has the client id), <c>-1013</c> MAX_NUM_ORDERS,
    /// <c>-2010</c> insufficient balance, <c>-2010</c> "Order would immediately match and take." (LIMIT_MAKER).</remarks>
    public Task<VenueOutcome<Order>> PlaceAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _options.AckLatency == TimeSpan.Zero
            ? Task.FromResult(Place(request))
            : Later(request, static (venue, r) => venue.Place(r), cancellationToken);
    }

    /// <inheritdoc />
    public Task<VenueOutcome<Order>> CancelAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _options.AckLatency == TimeSpan.Zero
            ? Task.FromResult(Cancel(symbol, clientOrderId))
            : Later((symbol, clientOrderId), static (venue, s) => venue.Cancel(s.symbol, s.clientOrderId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<VenueOutcome<Order>> GetOrderAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            if (!_markets.TryGetValue(symbol, out var market))
            {
                return Task.FromResult(PaperRejection.InvalidSymbol.As<Order>());
            }

            return Task.FromResult(!clientOrderId.IsDefault && market.ByClientId.TryGetValue(clientOrderId, out var order)
                ? new VenueOutcome<Order>.Accepted(order.Current)
                : PaperRejection.OrderDoesNotExist.As<Order>());
        }
    }

    /// <inheritdoc />
    public Task<VenueOutcome<IReadOnlyList<Order>>> GetOpenOrdersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            var open = new List<PaperOrder>();
            if (symbol is { } one)
            {
                if (!_markets.TryGetValue(one, out var market))
                {
                    return Task.FromResult(PaperRejection.InvalidSymbol.As<IReadOnlyList<Order>>());
                }

                open.AddRange(market.Bids);
                open.AddRange(market.Asks);
            }
            else
            {
                foreach (var market in _markets.Values)
                {
                    open.AddRange(market.Bids);
                    open.AddRange(market.Asks);
                }
            }

            open.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            IReadOnlyList<Order> orders = [.. open.Select(static o => o.Current)];
            return Task.FromResult<VenueOutcome<IReadOnlyList<Order>>>(new VenueOutcome<IReadOnlyList<Order>>.Accepted(orders));
        }
    }

    /// <inheritdoc />
    /// <remarks>An unknown (or forgotten) order id gives an empty list, as Binance's <c>myTrades</c> does.</remarks>
    public Task<VenueOutcome<IReadOnlyList<Fill>>> GetFillsAsync(Symbol symbol, long exchangeOrderId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            if (!_markets.TryGetValue(symbol, out var market))
            {
                return Task.FromResult(PaperRejection.InvalidSymbol.As<IReadOnlyList<Fill>>());
            }

            IReadOnlyList<Fill> fills = market.ById.TryGetValue(exchangeOrderId, out var order) ? [.. order.Fills] : [];
            return Task.FromResult<VenueOutcome<IReadOnlyList<Fill>>>(new VenueOutcome<IReadOnlyList<Fill>>.Accepted(fills));
        }
    }

    /// <inheritdoc />
    /// <remarks>Sorted by asset name (ordinal).</remarks>
    public Task<VenueOutcome<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            IReadOnlyList<Balance> balances = _account.Snapshot();
            return Task.FromResult<VenueOutcome<IReadOnlyList<Balance>>>(new VenueOutcome<IReadOnlyList<Balance>>.Accepted(balances));
        }
    }

    /// <summary>Stops reading market data and completes <see cref="OrderUpdates"/> after the updates already due.
    /// Idempotent.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _pending.Enqueue(null);
        }

        _books.Dispose();
        _trades.Dispose();
        Drain();
    }

    /// <summary>Runs <paramref name="operation"/> after the acknowledgement latency, on the scheduler.</summary>
    /// <remarks>The task's continuations run inline on the scheduler (no hop to the thread pool), so a backtest
    /// that reacts to an acknowledgement stays deterministic.</remarks>
    private Task<VenueOutcome<Order>> Later<TState>(
        TState state, Func<PaperVenue, TState, VenueOutcome<Order>> operation, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<VenueOutcome<Order>>();
        _scheduler.Schedule(
            (Venue: this, State: state, Operation: operation, Completion: completion),
            _options.AckLatency,
            static (_, s) =>
            {
                s.Completion.TrySetResult(s.Operation(s.Venue, s.State));
                return Disposable.Empty;
            });
        return cancellationToken.CanBeCanceled ? completion.Task.WaitAsync(cancellationToken) : completion.Task;
    }

    private VenueOutcome<Order> Place(OrderRequest request)
    {
        VenueOutcome<Order> outcome;
        lock (_gate)
        {
            try
            {
                outcome = _disposed ? DisposedBeforeEffect : PlaceLocked(request, _scheduler.Now);
            }
            catch (OverflowException)
            {
                // Only the admission arithmetic (notional, lock) can overflow, before anything changed.
                outcome = PaperRejection.Malformed("price × quantity is beyond the decimal range.").As<Order>();
            }
        }

        Drain();
        return outcome;
    }

    private VenueOutcome<Order> Cancel(Symbol symbol, ClientOrderId clientOrderId)
    {
        VenueOutcome<Order> outcome;
        lock (_gate)
        {
            outcome = _disposed ? DisposedBeforeEffect : CancelLocked(symbol, clientOrderId, _scheduler.Now);
        }

        Drain();
        return outcome;
    }

    private void OnBookTicker(BookTicker ticker)
    {
        lock (_gate)
        {
            if (_disposed || !_markets.TryGetValue(ticker.Symbol, out var market))
            {
                return;
            }

            market.SetBook(ticker.BidPrice, ticker.BidQuantity, ticker.AskPrice, ticker.AskQuantity);
            MatchBook(market, _scheduler.Now);
        }

        Drain();
    }

    private void OnTrade(ITradeTick trade)
    {
        if (trade is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || trade.Price <= 0m || trade.Quantity <= 0m || !_markets.TryGetValue(trade.Symbol, out var market))
            {
                return;
            }

            market.LastTradePrice = trade.Price;
            MatchTrade(market, trade.Price, trade.Quantity, trade.IsBuyerMaker, _scheduler.Now);
        }

        Drain();
    }

    /// <summary>Queues an update for delivery (under the gate).</summary>
    private void Publish(PaperOrder order, Fill? fill) => _pending.Enqueue(new OrderUpdate(order.Snapshot(), fill));

    /// <summary>Delivers queued updates outside the gate. The caller that finds the queue idle drains it, including
    /// what other threads add meanwhile, so updates are delivered one at a time and in order.</summary>
    private void Drain()
    {
        lock (_gate)
        {
            if (_draining || _pending.Count == 0)
            {
                return;
            }

            _draining = true;
        }

        while (true)
        {
            OrderUpdate? next;
            lock (_gate)
            {
                if (!_pending.TryDequeue(out next))
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                if (next is null)
                {
                    _updates.OnCompleted();
                }
                else
                {
                    _updates.OnNext(next);
                }
            }
            catch (Exception)
            {
                // A throwing subscriber must not leave the queue stuck: the next call delivers the rest.
                lock (_gate)
                {
                    _draining = false;
                }

                throw;
            }
        }
    }
}

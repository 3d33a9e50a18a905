using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Caches;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Positions;

namespace RxTrader.Trading.Orders;

/// <summary>
/// Submits and cancels orders through an <see cref="IExecutionVenue"/>, writing every intent, answer, fill and status
/// change to an <see cref="OrderJournal"/> before acting on it, and keeps observable caches of orders, positions and
/// balances that agree with the venue.
/// </summary>
/// <remarks>
/// <para>
/// Submit: the intent is journaled (order <see cref="OrderTracking.PendingNew"/>), then sent. Accepted →
/// <see cref="OrderTracking.Open"/> (or <see cref="OrderTracking.Terminal"/>); rejected → terminal with the reason;
/// unknown → <see cref="OrderTracking.Reconciling"/>: the order is queried by client id with backoff on the scheduler until
/// the venue says whether it exists (found → tracked; "no such order" past <see cref="OrderManagerOptions.NotFoundGracePeriod"/>
/// → <see cref="OrderTracking.NotPlaced"/>). An order is never placed again by the manager.
/// </para>
/// <para>
/// Order updates: fills are journaled first (idempotent by symbol and trade id, so duplicates change nothing) and then
/// applied to positions; an order's state only moves forward (executed quantity never shrinks, a terminal order stays
/// terminal), so stale or out-of-order updates are ignored. A terminal order becomes final once its journaled fills add
/// up to its executed quantity (missing fills are fetched from the venue). Updates of orders the engine does not track
/// are reported on <see cref="ForeignOrders"/>, never adopted.
/// </para>
/// <para>
/// One gate guards the state; cache and <see cref="ForeignOrders"/> subscribers are called on the thread that made the
/// change, under that gate (it is re-entrant, so they may call the manager). Memory: the orders that are not final plus
/// <see cref="OrderManagerOptions.RetainFinalOrders"/> final ones in <see cref="Orders"/>, one position per symbol, one
/// balance per asset. The journal and the venue belong to the caller.
/// </para>
/// </remarks>
public sealed partial class OrderManager : IDisposable
{
    /// <summary>The name of the <see cref="Meter"/> of the latency instruments.</summary>
    public const string MeterName = "RxTrader.Trading";

    private readonly Lock _gate = new();
    private readonly IExecutionVenue _venue;
    private readonly OrderJournal _journal;
    private readonly IScheduler _scheduler;
    private readonly OrderManagerOptions _options;
    private readonly Func<Fill, decimal> _feeInQuote;
    private readonly Dictionary<ClientOrderId, OrderState> _open = [];
    private readonly Queue<ClientOrderId> _final = new();
    private readonly Subject<ForeignOrder> _foreign = new();
    private readonly Meter _meter;
    private readonly List<DeferredChange> _deferred = [];
    private IDisposable? _updates;
    private bool _deferring;
    private long _fillsApplied;
    private bool _started;
    private bool _disposed;

    /// <summary>Creates a manager; call <see cref="StartAsync"/> before submitting.</summary>
    /// <param name="venue">The venue.</param>
    /// <param name="journal">An open journal (new or existing).</param>
    /// <param name="scheduler">The clock and the timer of reconciliation and latencies.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public OrderManager(IExecutionVenue venue, OrderJournal journal, IScheduler scheduler, OrderManagerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(scheduler);
        options ??= new OrderManagerOptions();
        options.Validate();
        _venue = venue;
        _journal = journal;
        _scheduler = scheduler;
        _options = options;
        _feeInQuote = options.FeeInQuote ?? (static fill => fill.Commission);
        _meter = new Meter(MeterName);
        Latency = new OrderLatency(_meter);
    }

    /// <summary>Orders by client id: every order that is not final, plus the latest final ones.</summary>
    public ObservableCache<ClientOrderId, TrackedOrder> Orders { get; } = new(static order => order.ClientOrderId);

    /// <summary>Positions by symbol, derived from the journaled fills (rebuilt from the journal on start).</summary>
    public ObservableCache<Symbol, Position> Positions { get; } = new(static position => position.Symbol);

    /// <summary>Balances by asset, as last read from the venue.</summary>
    public ObservableCache<string, Balance> Balances { get; } = new(static balance => balance.Asset, StringComparer.Ordinal);

    /// <summary>Orders the venue reports that the engine does not track (reported, never adopted). Completes on dispose.</summary>
    public IObservable<ForeignOrder> ForeignOrders => _foreign.AsObservable();

    /// <summary>Per-order latencies (also published on the <see cref="MeterName"/> meter).</summary>
    public OrderLatency Latency { get; }

    /// <summary>Orders that are not final (pending, reconciling or open).</summary>
    public int OpenOrderCount
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>A snapshot of the orders that are not final (for exposure: open quantity and notional per symbol).</summary>
    public IReadOnlyList<TrackedOrder> OpenOrders
    {
        get
        {
            lock (_gate)
            {
                return [.. _open.Values.Select(static s => s.Snapshot())];
            }
        }
    }

    /// <summary>
    /// Folds the orders that are not final under the gate without snapshotting them: the risk gate asks this on every
    /// signal (<see cref="OrderManagerExposure"/>).
    /// </summary>
    internal TAccumulate AggregateOpenOrders<TState, TAccumulate>(
        TState state, TAccumulate seed, Func<TState, TAccumulate, OrderRequest, Order?, TAccumulate> step)
    {
        lock (_gate)
        {
            var result = seed;
            foreach (var order in _open.Values)
            {
                result = step(state, result, order.Request, order.Order);
            }

            return result;
        }
    }

    /// <summary>Orders whose outcome is being reconciled with the venue.</summary>
    public int ReconcilingCount
    {
        get
        {
            lock (_gate)
            {
                return _open.Values.Count(static s => s.Tracking == OrderTracking.Reconciling);
            }
        }
    }

    /// <summary>Realized and unrealized profit and fees over all positions.</summary>
    public PnlSummary Pnl => PnlSummary.Of(Positions.Items);

    /// <summary>Submits an order: journals the intent, sends it, journals the venue's answer.</summary>
    /// <param name="request">The order; its client id must never have been used with this journal.</param>
    /// <param name="cancellationToken">Cancels the wait for the venue; the order is then reconciled like an unknown outcome.</param>
    /// <returns>The order as tracked after the venue's answer (<see cref="OrderTracking.Reconciling"/> when unknown).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is not valid (<see cref="OrderRequest.Validate"/>).</exception>
    /// <exception cref="InvalidOperationException">Not started, or the client order id is already journaled (nothing is sent).</exception>
    /// <exception cref="ObjectDisposedException">The manager is disposed.</exception>
    public Task<TrackedOrder> SubmitAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(request));
        }

        OrderState state;
        lock (_gate)
        {
            ThrowIfNotRunning();
            var now = _scheduler.Now;
            var id = request.ClientOrderId;
            if (_open.ContainsKey(id) || !_journal.RecordIntent(request, now))
            {
                throw new InvalidOperationException($"Client order id '{id}' is already in the journal; an id is used once.");
            }

            state = new OrderState(request, OrderTracking.PendingNew, null, "intent journaled", now, measureLatency: true);
            _open.Add(id, state);
            Publish(state);
        }

        return SendAsync(state, cancellationToken);
    }

    /// <summary>Cancels an order: journals the request, sends it, journals the answer.</summary>
    /// <param name="clientOrderId">An order the manager tracks and that is not final.</param>
    /// <param name="cancellationToken">Cancels the wait for the venue.</param>
    /// <returns>The venue's answer; rejected with <see cref="VenueErrorCodes.NoSuchOrder"/> when the order is not tracked or already final.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientOrderId"/> is the default value.</exception>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    /// <exception cref="ObjectDisposedException">The manager is disposed.</exception>
    public Task<VenueOutcome<Order>> CancelAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken = default)
    {
        if (clientOrderId.IsDefault)
        {
            throw new ArgumentException("A client order id is required.", nameof(clientOrderId));
        }

        Symbol symbol;
        lock (_gate)
        {
            ThrowIfNotRunning();
            if (!_open.TryGetValue(clientOrderId, out var state))
            {
                return Task.FromResult<VenueOutcome<Order>>(
                    new VenueOutcome<Order>.Rejected(VenueErrorCodes.NoSuchOrder, $"'{clientOrderId}' is not an open order of this engine."));
            }

            _journal.RecordEvent(clientOrderId, JournalEventKind.CancelRequested, "cancel requested", _scheduler.Now);
            symbol = state.Request.Symbol;
        }

        return CancelCoreAsync(symbol, clientOrderId, cancellationToken);
    }

    /// <summary>Marks a symbol's position at <paramref name="price"/> (unrealized profit is computed against it).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="price">The mark (positive).</param>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is not positive.</exception>
    public void UpdateMark(Symbol symbol, decimal price)
    {
        if (symbol.IsDefault)
        {
            throw new ArgumentException("A symbol is required.", nameof(symbol));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var position = Positions.Lookup(symbol) ?? Position.Flat(symbol);
            Positions.AddOrUpdate(position.WithMark(price));
        }
    }

    /// <summary>Reads the balances from the venue into <see cref="Balances"/> (assets no longer reported are removed).</summary>
    /// <param name="cancellationToken">Cancels the wait for the venue.</param>
    /// <returns>Whether the venue answered (the cache is unchanged otherwise).</returns>
    public async Task<bool> RefreshBalancesAsync(CancellationToken cancellationToken = default)
    {
        VenueOutcome<IReadOnlyList<Balance>>? outcome;
        try
        {
            outcome = await _venue.GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the venue call is an unknown outcome, never a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }

        if (outcome is not VenueOutcome<IReadOnlyList<Balance>>.Accepted { Value: { } balances })
        {
            return false;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            var fresh = balances.Select(static b => b.Asset).ToHashSet(StringComparer.Ordinal);
            var stale = Balances.Items.Select(static b => b.Asset).Where(a => !fresh.Contains(a)).ToList();
            Balances.Edit(updater =>
            {
                foreach (var asset in stale)
                {
                    updater.Remove(asset);
                }

                updater.AddOrUpdate(balances);
            });
        }

        return true;
    }

    /// <summary>Stops reconciliation timers and the update subscription and completes the caches. The journal stays open.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var state in _open.Values)
            {
                state.Timer?.Dispose();
            }

            _updates?.Dispose();
            _foreign.OnCompleted();
            _foreign.Dispose();
            _meter.Dispose();
            Orders.Dispose();
            Positions.Dispose();
            Balances.Dispose();
        }
    }

    private static string Describe<T>(VenueOutcome<T>? outcome) => outcome switch
    {
        VenueOutcome<T>.Accepted => "accepted",
        VenueOutcome<T>.Rejected r => string.Create(CultureInfo.InvariantCulture, $"rejected {r.Code}: {r.Message}"),
        VenueOutcome<T>.Unknown u => $"unknown: {u.Reason}",
        _ => "unknown: no answer",
    };

    private async Task<TrackedOrder> SendAsync(OrderState state, CancellationToken cancellationToken)
    {
        VenueOutcome<Order>? outcome;
        try
        {
            outcome = await _venue.PlaceAsync(state.Request, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the venue call is an unknown outcome, never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            outcome = new VenueOutcome<Order>.Unknown($"{e.GetType().Name}: {e.Message}");
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return state.Snapshot();
            }

            var now = _scheduler.Now;
            switch (outcome)
            {
                case VenueOutcome<Order>.Accepted { Value: { } order } when order.ClientOrderId == state.Id:
                    RecordAck(state, now);
                    if (!Advance(state, order, JournalEventKind.Accepted, $"accepted: {order.Status}", now))
                    {
                        _journal.RecordNote(state.Id, JournalEventKind.Accepted, $"accepted: {order.Status} (state already ahead)", now);
                    }

                    break;
                case VenueOutcome<Order>.Rejected rejected when state.Tracking == OrderTracking.PendingNew:
                    var reason = Describe(rejected);
                    _journal.RecordOutcome(state.Id, JournalEventKind.Rejected, OrderTracking.Terminal, null, reason, now);
                    SetTracking(state, OrderTracking.Terminal, reason, now);
                    break;
                case VenueOutcome<Order>.Rejected rejected:
                    _journal.RecordNote(state.Id, JournalEventKind.Rejected, Describe(rejected) + " (state already ahead)", now);
                    break;
                default:
                    var unknown = outcome is VenueOutcome<Order>.Accepted ? "unknown: the answer is for another order" : Describe(outcome);
                    if (state.Tracking == OrderTracking.PendingNew)
                    {
                        _journal.RecordOutcome(state.Id, JournalEventKind.Unknown, OrderTracking.Reconciling, null, unknown, now);
                        SetTracking(state, OrderTracking.Reconciling, unknown, now);
                        ScheduleReconcile(state);
                    }
                    else
                    {
                        _journal.RecordNote(state.Id, JournalEventKind.Unknown, unknown + " (state already ahead)", now);
                    }

                    break;
            }

            return state.Snapshot();
        }
    }

    private async Task<VenueOutcome<Order>> CancelCoreAsync(Symbol symbol, ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        VenueOutcome<Order>? outcome;
        try
        {
            outcome = await _venue.CancelAsync(symbol, clientOrderId, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the venue call is an unknown outcome, never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            outcome = new VenueOutcome<Order>.Unknown($"{e.GetType().Name}: {e.Message}");
        }

        outcome ??= new VenueOutcome<Order>.Unknown("no answer");
        lock (_gate)
        {
            if (!_disposed)
            {
                var now = _scheduler.Now;
                _journal.RecordEvent(clientOrderId, JournalEventKind.CancelAnswered, Describe(outcome), now);
                if (outcome is VenueOutcome<Order>.Accepted { Value: { } order } && order.ClientOrderId == clientOrderId
                    && _open.TryGetValue(clientOrderId, out var state))
                {
                    Advance(state, order, JournalEventKind.StatusChanged, $"cancel accepted: {order.Status}", now);
                }
            }
        }

        return outcome;
    }

    private void ThrowIfNotRunning()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_started)
        {
            throw new InvalidOperationException("Call StartAsync first: it rebuilds the state from the journal and subscribes to order updates.");
        }
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Subjects;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;
using RxTrader.Streams.OrderBooks;

namespace RxTrader.Binance.OrderBooks;

/// <summary>
/// Keeps the local order book of one symbol in step with Binance's diff-depth stream, following the official
/// procedure (wire spec §1.5): buffer diffs, load a REST snapshot, drop what it covers, apply the straddling diff
/// and then every continuous one, and rebuild the book whenever anything goes wrong.
/// </summary>
/// <remarks>
/// <para><b>Inputs</b> (subscribed by <see cref="Start"/>): the symbol's diffs and the connection events of the stream
/// carrying them. <c>Connected</c> starts the procedure (a second one restarts it, since the stream restarted);
/// <c>Disconnected</c> empties the book and waits for the next <c>Connected</c>; <c>Gap</c> restarts it; other events
/// are ignored. Diffs for another symbol, or received while disconnected, are ignored and counted.</para>
/// <para><b>Procedure.</b> The first buffered diff starts the snapshot request. A snapshot whose <c>lastUpdateId + 1</c>
/// is below the first buffered <c>U</c> is fetched again (the boundary <c>U == lastUpdateId + 1</c> is continuous and
/// accepted, as §1.5 step 4 notes). Each diff then fits the book by one rule: <c>u ≤ bookId</c> is ignored (stale or
/// duplicate), <c>U &gt; bookId + 1</c> is a gap, anything else is applied. The first applied diff after a snapshot
/// makes the book <see cref="OrderBookSyncState.Synced"/>; a gap publishes the missing ids and restarts from that diff;
/// a diff arriving before the one it follows is a gap, and the late one is then stale. More than
/// <see cref="OrderBookSynchronizerOptions.MaxBufferedUpdates"/> buffered diffs restart the procedure. Failed snapshot
/// requests are retried after <see cref="OrderBookSynchronizerOptions.SnapshotRetryDelay"/>. Every
/// <see cref="OrderBookSynchronizerOptions.SanityCheckPeriod"/> the synced book is checked for best bid &lt; best ask,
/// and <see cref="OrderBookSynchronizerOptions.CrossedChecksBeforeResync"/> crossed checks in a row resync it.</para>
/// <para><b>Reading.</b> The book is only readable while synced and not crossed: <see cref="TryGetTopOfBook"/> and
/// <see cref="TryGetDepth"/> return <c>false</c> otherwise, and <see cref="TopOfBook"/> and <see cref="Depth"/> emit
/// only then. Strategies should gate on <see cref="Status"/> as well.</para>
/// <para><b>Termination.</b> When the diff stream completes, <see cref="Status"/> emits
/// <see cref="OrderBookSyncReason.StreamCompleted"/> and every output completes; when either input fails, every output
/// fails with its error; <see cref="Dispose"/> unsubscribes the inputs, cancels the snapshot request and the timers,
/// emits <see cref="OrderBookSyncReason.Disposed"/> and completes every output.</para>
/// <para><b>Threading.</b> Inputs may arrive on any thread; every entry point takes one gate, and the outputs are
/// emitted while holding it, so they are serialised and ordered (observers must not block: hand off with
/// <c>ObserveOn</c>). The snapshot function is called from an action on the scheduler outside the gate; its
/// completion is scheduled back onto the scheduler before it touches the book. Retry delays and the sanity check run
/// on the scheduler; each timer carries a generation id so that one made stale by a restart does nothing.</para>
/// </remarks>
public sealed partial class OrderBookSynchronizer : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IObservable<DepthUpdate> _updates;
    private readonly IObservable<ConnectionEvent> _connectionEvents;
    private readonly Func<Symbol, CancellationToken, Task<DepthSnapshot>> _fetchSnapshot;
    private readonly IScheduler _scheduler;
    private readonly OrderBookSynchronizerOptions _options;
    private readonly OrderBook _book;
    private readonly Queue<DepthUpdate> _buffer = new();
    private readonly BehaviorSubject<OrderBookStatus> _status;
    private readonly Subject<BookTicker> _topOfBook = new();
    private readonly Subject<DepthSnapshot> _depth = new();
    private readonly CompositeDisposable _subscriptions = [];
    private readonly SerialDisposable _retryTimer = new();
    private bool _started;
    private bool _terminated;
    private bool _disposed;
    private OrderBookSyncState _state;

    /// <summary>Creates a synchronizer; nothing is subscribed until <see cref="Start"/>.</summary>
    /// <param name="symbol">The symbol of the book.</param>
    /// <param name="updates">The symbol's diff-depth events (<c>&lt;symbol&gt;@depth</c> or <c>@depth@100ms</c>).</param>
    /// <param name="connectionEvents">The connection events of the stream that carries <paramref name="updates"/>.</param>
    /// <param name="fetchSnapshot">Requests the REST depth snapshot (<c>GET /api/v3/depth</c>); a faulted or cancelled
    /// task is a failed attempt.</param>
    /// <param name="scheduler">Runs the snapshot requests, their completions, the retry delays and the sanity check,
    /// and stamps the statuses.</param>
    /// <param name="options">Settings, or <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting in <paramref name="options"/> is out of range.</exception>
    public OrderBookSynchronizer(
        Symbol symbol,
        IObservable<DepthUpdate> updates,
        IObservable<ConnectionEvent> connectionEvents,
        Func<Symbol, CancellationToken, Task<DepthSnapshot>> fetchSnapshot,
        IScheduler scheduler,
        OrderBookSynchronizerOptions? options = null)
    {
        if (symbol.IsDefault)
        {
            throw new ArgumentException("The synchronizer needs a symbol.", nameof(symbol));
        }

        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(connectionEvents);
        ArgumentNullException.ThrowIfNull(fetchSnapshot);
        ArgumentNullException.ThrowIfNull(scheduler);
        options ??= new OrderBookSynchronizerOptions();
        options.Validate();

        Symbol = symbol;
        _updates = updates;
        _connectionEvents = connectionEvents;
        _fetchSnapshot = fetchSnapshot;
        _scheduler = scheduler;
        _options = options;
        _book = new OrderBook(symbol);
        _status = new BehaviorSubject<OrderBookStatus>(
            new OrderBookStatus(symbol, scheduler.Now, OrderBookSyncState.Disconnected, OrderBookSyncReason.None));
    }

    /// <summary>The symbol of the book.</summary>
    public Symbol Symbol { get; }

    /// <summary>The current status first, then every state change (and every failed step that restarts the procedure).</summary>
    public IObservable<OrderBookStatus> Status => _status;

    /// <summary>The best bid and ask after each applied diff that changed them, and on entering the synced state; only
    /// while synced and not crossed, and only when both sides have levels.</summary>
    public IObservable<BookTicker> TopOfBook => _topOfBook;

    /// <summary>The best <see cref="OrderBookSynchronizerOptions.DepthLevels"/> levels per side, best first, after each
    /// applied diff and on entering the synced state; only while synced and not crossed. Computed only while
    /// observed; each value is a fresh copy (conflate downstream if needed).</summary>
    public IObservable<DepthSnapshot> Depth => _depth;

    /// <summary>The current state.</summary>
    public OrderBookSyncState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>A consistent copy of the counters.</summary>
    public OrderBookSynchronizerStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return _counters.ToStatistics();
            }
        }
    }

    /// <summary>Subscribes the inputs and starts the sanity check; the book stays disconnected until <c>Connected</c>.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                throw new InvalidOperationException("The synchronizer is already started.");
            }

            _started = true;
            _subscriptions.Add(_scheduler.SchedulePeriodic(this, _options.SanityCheckPeriod, static self => self.CheckSanity()));
            _subscriptions.Add(_connectionEvents.Subscribe(OnConnectionEvent, OnInputError, static () => { }));
            _subscriptions.Add(_updates.Subscribe(OnUpdate, OnInputError, OnUpdatesCompleted));
        }
    }

    /// <summary>Gets the best bid and ask, if the book is synced, not crossed and has both sides.</summary>
    /// <param name="ticker">The top of the book, with the update id it reflects; <c>default</c> otherwise.</param>
    /// <returns>Whether the book could be read.</returns>
    public bool TryGetTopOfBook(out BookTicker ticker)
    {
        lock (_gate)
        {
            if (IsReadable)
            {
                return _book.TryGetTopOfBook(out ticker);
            }

            ticker = default;
            return false;
        }
    }

    /// <summary>Gets the best levels per side, best first, if the book is synced and not crossed.</summary>
    /// <param name="maxLevels">The most levels per side.</param>
    /// <param name="depth">A fresh copy of the levels at the book's update id; <c>default</c> otherwise.</param>
    /// <returns>Whether the book could be read.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLevels"/> is negative.</exception>
    public bool TryGetDepth(int maxLevels, out DepthSnapshot depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLevels);
        lock (_gate)
        {
            if (IsReadable)
            {
                depth = _book.ToSnapshot(maxLevels);
                return true;
            }

            depth = default;
            return false;
        }
    }

    /// <summary>Stops everything (see the remarks of the type) and completes the outputs; idempotent.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_terminated)
            {
                Stop(OrderBookSyncReason.Disposed, detail: null);
                Complete();
            }

            _retryTimer.Dispose();
            _subscriptions.Dispose();
        }
    }

    private bool IsReadable => _phase == SyncPhase.Synced && !_book.IsCrossed;
}

using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using RxTrader.Binance.Rest;
using RxTrader.Binance.UserData;
using RxTrader.Core.Connectivity;
using RxTrader.Core.Orders;
using RxTrader.Streams.Time;

namespace RxTrader.Binance.Execution;

/// <summary>
/// The Binance spot execution venue: orders over signed REST (HMAC-SHA256), order updates from the user data stream
/// with REST polling while it is down, and unknown submit outcomes resolved by querying the client order id before
/// anything is sent again — never two orders for one client order id. See the folder's README for the state machine.
/// </summary>
/// <remarks>
/// <para>Every call returns a <see cref="VenueOutcome{T}"/>; only null arguments and the caller's cancellation throw.
/// Malformed or unexpected answers become <see cref="VenueOutcome{T}.Unknown"/> (for a submit: after the resolution
/// by query failed).</para>
/// <para><see cref="OrderUpdates"/> is hot: the placement, cancel and query answers, the user data stream and the
/// poller all feed it, and an update is published only when it carries news (a fill with an unseen trade id, or an
/// order state that moved forward), so repeats are rare but allowed. It never fails and completes on
/// <see cref="Dispose"/>.</para>
/// <para>Time: every wait (request timeouts, resolve backoff, recvWindow expiry, polling, keep-alive, reconnect) runs
/// on the injected scheduler.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed partial class BinanceExecutionVenue : IExecutionVenue, IDisposable
{
    private readonly BinanceVenueOptions _options;
    private readonly IScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly RequestSigner _signer;
    private readonly OrderTracker _tracker;
    private readonly OrderRateLimiter _limiter;
    private readonly BinanceUserDataClient? _userData;
    private readonly Subject<OrderUpdate> _updates = new();
    private readonly Lock _emitGate = new();
    private readonly CompositeDisposable _subscriptions = [];
    private readonly bool _ownsRest;
    private int _disposed;

    /// <summary>Creates a venue with its own REST client (pooled handler) and, when enabled, user data client.</summary>
    /// <param name="options">The settings (credentials, REST, stream, resolution, polling).</param>
    /// <param name="scheduler">The clock of every wait and timer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public BinanceExecutionVenue(BinanceVenueOptions options, IScheduler scheduler)
        : this(options, scheduler, null)
    {
    }

    /// <summary>Creates a venue over an existing REST client (shared with market data, or over a test handler).</summary>
    /// <param name="options">The settings; <see cref="BinanceVenueOptions.Rest"/> is ignored in favour of <paramref name="rest"/>'s.</param>
    /// <param name="scheduler">The clock of every wait and timer; it should be the one behind <paramref name="rest"/>'s time provider.</param>
    /// <param name="rest">The REST client; not disposed by the venue. Null to create one.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public BinanceExecutionVenue(BinanceVenueOptions options, IScheduler scheduler, BinanceRestClient? rest)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        options.Validate();
        _options = options;
        _scheduler = scheduler;
        _time = new SchedulerTimeProvider(scheduler);
        _ownsRest = rest is null;
        Rest = rest ?? new BinanceRestClient(options.Rest, _time);
        _signer = new RequestSigner(options.ApiKey, options.SecretKey);
        _tracker = new OrderTracker(options.ClosedOrderMemory, Latencies);
        _limiter = new OrderRateLimiter(Rest.Clock, Rest.Weight, options.RateLimitShare);
        if (options.UseUserDataStream)
        {
            _userData = new BinanceUserDataClient(Rest, options.ApiKey, options.UserData, scheduler);
            _subscriptions.Add(_userData.OrderUpdates.Subscribe(u => Publish(u.Order, u.Fill)));
            _subscriptions.Add(_userData.Connection.Subscribe(OnStreamConnection));
        }
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public IObservable<OrderUpdate> OrderUpdates => _updates.AsObservable();

    /// <summary>Balance changes pushed by the user data stream (<c>outboundAccountPosition</c>); empty without the stream.</summary>
    public IObservable<AccountUpdate> AccountUpdates => _userData?.AccountUpdates ?? Observable.Never<AccountUpdate>();

    /// <summary>The user data stream's connection events (<see cref="Connected"/>, <see cref="Disconnected"/>,
    /// <see cref="Reconnecting"/>); while it is not connected the venue polls REST.</summary>
    public IObservable<ConnectionEvent> Connection => _userData?.Connection ?? Observable.Never<ConnectionEvent>();

    /// <summary>Whether order updates come from the stream now (false: from polling, or the stream is off).</summary>
    public bool IsStreaming => _userData?.IsConnected ?? false;

    /// <summary>The REST client (weight, clock offset, blocks).</summary>
    public BinanceRestClient Rest { get; }

    /// <summary>Submit → ack / first fill / closed latencies of the orders placed here.</summary>
    public OrderLatencies Latencies { get; } = new();

    /// <summary>What the venue did: submits resolved by query, resends, polls, time syncs.</summary>
    public VenueStatistics Statistics { get; } = new();

    /// <summary>
    /// Syncs the exchange clock (<c>/api/v3/time</c>), reads the rate limits (<c>exchangeInfo</c>) and starts the user
    /// data stream (and polling until it is connected). Failures of the first two are not fatal: the clock is
    /// synced again on <c>-1021</c> and the limiter keeps Binance's defaults.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start (throws).</param>
    /// <returns>When the clock and limits were read (the stream connects in the background).</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await SyncTimeAsync(cancellationToken).ConfigureAwait(false);
        if (await Rest.GetExchangeInfoAsync(null, cancellationToken).ConfigureAwait(false) is RestResult<ExchangeInfo>.Ok { Value: var info })
        {
            _limiter.Configure(info.RateLimits);
        }

        // Polling runs until the stream is connected (for ever without a stream).
        StartPolling(_options.PollInterval);
        _userData?.Start();
    }

    /// <summary>Stops the stream and the poller and completes <see cref="OrderUpdates"/>; the REST client is disposed
    /// if the venue created it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        StopPolling();
        _subscriptions.Dispose();
        _userData?.Dispose();
        lock (_emitGate)
        {
            _updates.OnCompleted();
        }

        if (_ownsRest)
        {
            Rest.Dispose();
        }
    }

    /// <summary>Prints the name and a redacted key; never the secret.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"BinanceExecutionVenue({Name}, {_signer})";

    private async Task SyncTimeAsync(CancellationToken cancellationToken)
    {
        Statistics.AddTimeSync();
        _ = await Rest.GetServerTimeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Feeds the tracker and publishes what carries news.</summary>
    private void Publish(Order order, Fill? fill)
    {
        if (_tracker.Apply(order, fill, _scheduler.Now) is not { } update)
        {
            return;
        }

        lock (_emitGate)
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                _updates.OnNext(update);
            }
        }
    }
}

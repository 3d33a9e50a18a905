using System.Net;

namespace RxTrader.Binance.Rest;

/// <summary>
/// The Binance spot REST client: public market-data endpoints with request-weight tracking, a client-side weight
/// budget, 429/418 blocking and clock-offset measurement. Every call returns a <see cref="RestResult{T}"/>.
/// </summary>
/// <remarks>
/// <para>All time (request timeouts, blocks, retry waits, weight windows) goes through the injected
/// <see cref="TimeProvider"/>, so a <c>SchedulerTimeProvider</c> over a virtual-time scheduler drives it.</para>
/// <para>Thread-safe: calls may run concurrently; the state readers (<see cref="Weight"/>, <see cref="Clock"/>,
/// <see cref="BlockedUntil"/>) may be read from any thread.</para>
/// </remarks>
public sealed partial class BinanceRestClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly RequestDeadlines _deadlines;
    private long _blockedUntilTicks;

    /// <summary>Creates a client over a pooled <see cref="SocketsHttpHandler"/> (<see cref="CreatePooledHandler"/>).</summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock and timer source.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public BinanceRestClient(BinanceRestOptions options, TimeProvider timeProvider)
        : this(options, timeProvider, CreatePooledHandler(options), disposeHandler: true)
    {
    }

    /// <summary>Creates a client over a given handler (a test handler, or one shared between clients).</summary>
    /// <param name="options">The settings; the connection settings are not applied to <paramref name="handler"/>.</param>
    /// <param name="timeProvider">The clock and timer source.</param>
    /// <param name="handler">The HTTP handler requests are sent through.</param>
    /// <param name="disposeHandler">Whether disposing the client disposes <paramref name="handler"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public BinanceRestClient(BinanceRestOptions options, TimeProvider timeProvider, HttpMessageHandler handler, bool disposeHandler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(handler);
        options.Validate();
        Options = options;
        _time = timeProvider;
        Clock = new ServerClock(timeProvider);
        Weight = new RequestWeightTracker(Clock);
        _deadlines = new RequestDeadlines(timeProvider, options.RequestTimeout);

        // The total timeout is ours (TimeProvider-driven), so the HttpClient's own is off.
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The settings.</summary>
    public BinanceRestOptions Options { get; }

    /// <summary>The request weight reported by the exchange and counted by this client.</summary>
    public RequestWeightTracker Weight { get; }

    /// <summary>The measured offset of the exchange clock (updated by <see cref="GetServerTimeAsync"/>).</summary>
    public ServerClock Clock { get; }

    /// <summary>Until when requests are refused locally after a 429/418; null when not blocked now.</summary>
    public DateTimeOffset? BlockedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _blockedUntilTicks);
            return ticks > _time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>Creates the pooled handler the default constructor uses.</summary>
    /// <param name="options">The settings: <see cref="BinanceRestOptions.MaxConnectionsPerServer"/>,
    /// <see cref="BinanceRestOptions.PooledConnectionLifetime"/>, <see cref="BinanceRestOptions.ConnectTimeout"/>.</param>
    /// <returns>A new handler, with gzip/deflate decompression and no cookies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static SocketsHttpHandler CreatePooledHandler(BinanceRestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
        };
    }

    /// <summary>Releases the HTTP client (and the handler, if owned).</summary>
    public void Dispose()
    {
        _http.Dispose();
        _deadlines.Dispose();
    }
}

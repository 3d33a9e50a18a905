using System.Net;
using System.Reactive.Concurrency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RxTrader.Simulator.Faults;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;

namespace RxTrader.Simulator.Server;

/// <summary>
/// A Binance-spot-compatible exchange on a loopback port: Kestrel serving the REST API (and the route groups
/// added beside it) over a <see cref="MatchingEngine"/> it owns.
/// </summary>
/// <remarks>
/// Point a client at <see cref="BaseAddress"/> (REST) and <see cref="StreamAddress"/> (WebSocket). The host reads
/// no configuration files or environment variables and logs nothing. Every response is Binance-shaped: unknown
/// paths answer 404 and wrong methods 405 with a <c>{"code","msg"}</c> body, and an exception in a handler
/// answers <c>-1000</c> (see <see cref="UnhandledErrorCount"/>) instead of a 500. Time comes only from the
/// scheduler given to <see cref="StartAsync"/>.
/// </remarks>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorContext _context;
    private int _disposed;

    private SimulatorServer(WebApplication app, SimulatorContext context, int port)
    {
        _app = app;
        _context = context;
        Port = port;
        var host = new IPEndPoint(context.Options.Address, port).ToString();
        BaseAddress = new Uri("http://" + host);
        StreamAddress = new Uri("ws://" + host);
    }

    /// <summary>The options the server runs with.</summary>
    public SimulatorOptions Options => _context.Options;

    /// <summary>The engine behind the endpoints (add liquidity, inspect accounts, observe events).</summary>
    public MatchingEngine Engine => _context.Engine;

    /// <summary>The synthetic market trading the symbols (its statistics, burst generation), or null when
    /// <see cref="SimulatorOptions.Market"/> is null.</summary>
    public MarketModel? Market => _context.Market;

    /// <summary>The public stream payloads and market history the endpoints serve.</summary>
    public MarketStreamHub MarketStreams => _context.Hub;

    /// <summary>Fault injection: drop, stall or corrupt connections, fail or withhold order answers, rate-limit
    /// storms, clock skew. Also driven over HTTP at <c>/sim/faults</c>.</summary>
    public FaultInjector Faults => _context.Faults;

    /// <summary>The port the server listens on (the one picked when <see cref="SimulatorOptions.Port"/> is 0).</summary>
    public int Port { get; }

    /// <summary>The REST base address, e.g. <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The WebSocket base address, e.g. <c>ws://127.0.0.1:PORT</c>.</summary>
    public Uri StreamAddress { get; }

    /// <summary>How many requests failed with an unexpected exception (answered with <c>-1000</c>).</summary>
    public long UnhandledErrorCount => _context.UnhandledErrors;

    /// <summary>Creates the engine (symbols and accounts from <paramref name="options"/>) and starts listening.</summary>
    /// <param name="options">Address, port, symbols, accounts and limits.</param>
    /// <param name="scheduler">The clock of the engine, the signature checks and the rate limits.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (e.g. a non-loopback address).</exception>
    public static Task<SimulatorServer> StartAsync(SimulatorOptions options, IScheduler scheduler, CancellationToken ct = default) =>
        StartCoreAsync(options, scheduler, extraRoutes: null, ct);

    internal static async Task<SimulatorServer> StartCoreAsync(
        SimulatorOptions options,
        IScheduler scheduler,
        Action<IEndpointRouteBuilder, SimulatorContext>? extraRoutes,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        options.Validate();

        var engine = new MatchingEngine(scheduler, options.Engine);
        foreach (var symbol in options.Symbols)
        {
            engine.AddSymbol(symbol);
        }

        foreach (var account in options.Accounts)
        {
            engine.CreateAccount(account.ApiKey, account.Balances, account.Commission);
        }

        // The hub subscribes before the model places its first books, so no trade or diff is missed.
        var hub = new MarketStreamHub(engine, scheduler, options.MarketHistory);
        var market = options.Market is { } marketOptions ? new MarketModel(engine, scheduler, marketOptions) : null;
        market?.Start();
        var context = new SimulatorContext(options, scheduler, engine, hub, market);

        // The empty builder reads no appsettings, no environment variables and adds no console logger.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();

        // Handlers never block (the engine holds its gate for microseconds), so running them on the socket's I/O
        // thread is safe and saves a thread-pool hop per request: the order round trip's tail depends on it.
        builder.WebHost.UseSockets(static s => s.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
            k.Listen(options.Address, options.Port);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Use((http, next) => ErrorBarrier.InvokeAsync(http, next, context));
        app.UseRouting();
        SimulatorEndpoints.MapAll(app, context);
        extraRoutes?.Invoke(app, context);

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            context.DisposeMarket();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, context, new Uri(address).Port);
    }

    /// <summary>Stops listening, closes connections and completes the engine's events.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Withheld order answers and stalled sockets would keep the host waiting: release them first.
            _context.Faults.Reset();

            // Upgraded connections last as long as their sockets; tell them first, as Binance does before a restart.
            _context.Sockets.AnnounceShutdown();
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _context.DisposeMarket();
        }
    }
}

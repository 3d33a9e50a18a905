using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RxTrader.Binance.Tests.Infrastructure;

/// <summary>
/// An in-process Kestrel server on <c>127.0.0.1</c> with an OS-assigned port, for tests that need a real socket
/// peer (HTTP now; a WebSocket endpoint is added the same way: <c>app.UseWebSockets()</c> plus a route).
/// </summary>
/// <remarks>
/// <para>Usage: <c>await using var server = await LoopbackServer.StartAsync(app =&gt; app.MapGet("/x", ...));</c>
/// then point the client at <see cref="BaseAddress"/>. The callback registers routes and middleware on the
/// <see cref="WebApplication"/> before it starts; <see cref="ScriptedRoute"/> gives per-test canned answers.</para>
/// <para>Every request that reaches the server is recorded in <see cref="Requests"/> (method, path and query) before
/// routing, so a test can assert that a request was NOT sent.</para>
/// </remarks>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests;

    private LoopbackServer(WebApplication app, Uri baseAddress, ConcurrentQueue<string> requests)
    {
        _app = app;
        BaseAddress = baseAddress;
        _requests = requests;
    }

    /// <summary>The server root, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The requests received so far, as <c>"GET /api/v3/depth?symbol=BTCUSDT"</c>, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Signalled when the server is stopping; long-running handlers should stop waiting on it.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Builds, configures and starts a server.</summary>
    /// <param name="configure">Registers routes and middleware (called once, before start).</param>
    /// <returns>The running server.</returns>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var requests = new ConcurrentQueue<string>();
        app.Use((context, next) =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            return next(context);
        });
        configure(app);
        await app.StartAsync();

        // Port 0: the bound address (with the real port) is only known once Kestrel has started.
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"), requests);
    }

    /// <summary>Stops the server and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

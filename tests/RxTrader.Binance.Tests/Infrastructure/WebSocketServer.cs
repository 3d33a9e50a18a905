using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RxTrader.Binance.Tests.Infrastructure;

/// <summary>A <see cref="LoopbackServer"/> with a WebSocket endpoint at <c>/stream</c>: each accepted connection is
/// handed to the test as a <see cref="ScriptedSocket"/>; refusing an upgrade is scriptable too.</summary>
public sealed class WebSocketServer : IAsyncDisposable
{
    private readonly Channel<ScriptedSocket> _accepted = Channel.CreateUnbounded<ScriptedSocket>();
    private LoopbackServer? _server;
    private int _held;

    /// <summary>The <c>ws://127.0.0.1:PORT</c> root.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>When set, upgrade requests are held open and never answered (a connect that hangs).</summary>
    public bool HoldUpgrades { get; set; }

    /// <summary>Upgrade requests held so far.</summary>
    public int HeldUpgrades => Volatile.Read(ref _held);

    /// <summary>Starts the server.</summary>
    public static async Task<WebSocketServer> StartAsync()
    {
        var server = new WebSocketServer();
        server._server = await LoopbackServer.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/stream", (Func<HttpContext, Task>)server.AcceptAsync);
        });
        server.BaseUri = new Uri($"ws://127.0.0.1:{server._server.BaseAddress.Port}");
        return server;
    }

    /// <summary>A ws:// root on a port nothing listens on (connection refused).</summary>
    public static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"ws://127.0.0.1:{port}");
    }

    /// <summary>Waits for the next accepted connection.</summary>
    public async Task<ScriptedSocket> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Await.Limit);
        return await _accepted.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (HoldUpgrades)
        {
            Interlocked.Increment(ref _held);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var scripted = new ScriptedSocket(socket, $"{context.Request.Path}{context.Request.QueryString}");
        _accepted.Writer.TryWrite(scripted);
        await scripted.RunAsync(_server!.Stopping);
    }
}

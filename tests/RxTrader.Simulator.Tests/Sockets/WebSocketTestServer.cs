using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Tests.Sockets;

/// <summary>A loopback Kestrel app with one <c>/ws</c> endpoint that accepts <see cref="SimulatorWebSocket"/>s and runs them with a message handler (echo by default).</summary>
internal sealed class WebSocketTestServer : IAsyncDisposable
{
    /// <summary>How long any awaited condition may take before the test fails (generous: the machine is shared).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly Channel<SimulatorWebSocket> _accepted = Channel.CreateUnbounded<SimulatorWebSocket>();

    private WebSocketTestServer(WebSocketSessionOptions options, Func<SimulatorWebSocket, ReadOnlyMemory<byte>, ValueTask>? onText)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        var handler = onText ?? Echo;
        _app.Map("/ws", async context =>
        {
            var socket = await SimulatorWebSocket.AcceptAsync(context, options, RealTime.Scheduler);
            if (socket is null)
            {
                return;
            }

            _accepted.Writer.TryWrite(socket);
            await socket.RunAsync(message => handler(socket, message));
        });
    }

    /// <summary>The WebSocket endpoint.</summary>
    public Uri Uri { get; private set; } = null!;

    public static async Task<WebSocketTestServer> StartAsync(WebSocketSessionOptions? options = null, Func<SimulatorWebSocket, ReadOnlyMemory<byte>, ValueTask>? onText = null)
    {
        var server = new WebSocketTestServer(options ?? Quiet, onText);
        await server._app.StartAsync();
        var http = new Uri(server._app.Urls.Single());
        server.Uri = new Uri($"ws://127.0.0.1:{http.Port}/ws");
        return server;
    }

    /// <summary>Options without pings, so tests see only the frames they cause.</summary>
    public static WebSocketSessionOptions Quiet { get; } = new() { PingInterval = TimeSpan.Zero, CloseTimeout = TimeSpan.FromSeconds(1) };

    /// <summary>The next socket the server accepted.</summary>
    public async Task<SimulatorWebSocket> AcceptedAsync() => await _accepted.Reader.ReadAsync().AsTask().WaitAsync(Limit);

    /// <summary>Connects a <see cref="ClientWebSocket"/> (no client keep-alive) and returns it with the server side.</summary>
    public async Task<(ClientWebSocket Client, SimulatorWebSocket Server)> ConnectAsync()
    {
        var client = new ClientWebSocket();
        client.Options.KeepAliveInterval = TimeSpan.Zero;
        await client.ConnectAsync(Uri, CancellationToken.None).WaitAsync(Limit);
        return (client, await AcceptedAsync());
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private static ValueTask Echo(SimulatorWebSocket socket, ReadOnlyMemory<byte> message)
    {
        socket.TrySendText(message.Span);
        return ValueTask.CompletedTask;
    }
}

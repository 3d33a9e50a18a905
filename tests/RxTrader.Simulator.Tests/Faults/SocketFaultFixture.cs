using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Tests.Faults;

/// <summary>A real simulator (real-time event-loop scheduler) plus a minimal test WebSocket route <c>/test-ws</c>:
/// it accepts a <see cref="SimulatorWebSocket"/>, registers it as a market stream (with a raw <c>serverShutdown</c>
/// announcer) and echoes text; the test sends frames from the server side.</summary>
internal sealed class SocketFaultFixture : IAsyncDisposable
{
    private readonly Channel<SimulatorWebSocket> _accepted = Channel.CreateUnbounded<SimulatorWebSocket>();
    private readonly List<ClientWebSocket> _clients = [];

    private SocketFaultFixture()
    {
    }

    public SimulatorServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public static async Task<SocketFaultFixture> StartAsync()
    {
        var fixture = new SocketFaultFixture();
        var options = new WebSocketSessionOptions { PingInterval = TimeSpan.Zero, CloseTimeout = TimeSpan.FromSeconds(2) };
        fixture.Server = await SimulatorServer.StartCoreAsync(
            new SimulatorOptions { Market = null },
            RealTime.Scheduler,
            (endpoints, context) => endpoints.Map("/test-ws", http => fixture.AcceptAsync(http, context, options)),
            CancellationToken.None);
        fixture.Http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        return fixture;
    }

    /// <summary>Connects a client (no client keep-alive) and returns it with the server side of the connection.</summary>
    public async Task<(ClientWebSocket Client, SimulatorWebSocket Server)> ConnectAsync()
    {
        var client = new ClientWebSocket();
        client.Options.KeepAliveInterval = TimeSpan.Zero;
        _clients.Add(client);
        await client.ConnectAsync(new Uri(Server.StreamAddress, "/test-ws"), CancellationToken.None).WaitAsync(Eventually.Limit);
        // Registered before it is handed over: a fault called from here on sees it.
        var server = await _accepted.Reader.ReadAsync().AsTask().WaitAsync(Eventually.Limit);
        return (client, server);
    }

    /// <summary>Receives one whole message (text); throws on close or failure; fails after <paramref name="within"/>.</summary>
    public static async Task<WebSocketReceiveResult> ReceiveAsync(ClientWebSocket client, MemoryStream into, TimeSpan? within = null)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(within ?? Eventually.Limit);
        while (true)
        {
            var result = await client.ReceiveAsync(buffer, timeout.Token);
            into.Write(buffer, 0, result.Count);
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return result;
            }
        }
    }

    public static async Task<string> ReceiveTextAsync(ClientWebSocket client)
    {
        using var message = new MemoryStream();
        var result = await ReceiveAsync(client, message);
        result.MessageType.ShouldBe(WebSocketMessageType.Text);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Abort();
            client.Dispose();
        }

        Http.Dispose();
        await Server.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext http, SimulatorContext context, WebSocketSessionOptions options)
    {
        var socket = await SimulatorWebSocket.AcceptAsync(http, options, context.Scheduler);
        if (socket is null)
        {
            return;
        }

        using var registration = context.Sockets.Register(
            socket,
            SocketKind.MarketStream,
            static s => s.TrySendText("{\"e\":\"serverShutdown\",\"E\":1}"));
        _accepted.Writer.TryWrite(socket);
        await socket.RunAsync(message =>
        {
            socket.TrySendText(message.Span);
            return ValueTask.CompletedTask;
        });
    }
}

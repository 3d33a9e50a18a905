using System.Net.WebSockets;
using System.Reactive.Concurrency;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using RxTrader.Core;
using RxTrader.Simulator.MarketStreams;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Tests.MarketStreams;

/// <summary>A real simulator (silent market unless asked) on a real <see cref="EventLoopScheduler"/>, with helpers to
/// connect <see cref="ClientWebSocket"/>s and print trades.</summary>
internal sealed class StreamFixture : IAsyncDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    public static readonly Symbol BtcUsdt = new("BTCUSDT");

    /// <summary>Stream options for tests: no pings and no message limit, so tests see only the frames they cause.</summary>
    /// <remarks>No lifetime either: Rx keeps timers due in more than a few seconds in a long-term queue that may touch the
    /// scheduler after the test disposed it.</remarks>
    public static readonly MarketStreamOptions Quiet = new() { PingInterval = TimeSpan.Zero, MaxMessagesPerSecond = null, Lifetime = null };

    private readonly List<StreamClient> _clients = [];

    private decimal _nextPrice = 60_000m;

    private StreamFixture(SimulatorServer server, IScheduler scheduler, SimulatorContext context)
    {
        Server = server;
        Scheduler = scheduler;
        Context = context;
    }

    public SimulatorServer Server { get; }

    public IScheduler Scheduler { get; }

    public SimulatorContext Context { get; }

    public static async Task<StreamFixture> StartAsync(MarketStreamOptions? streams = null, bool market = false, Action<IEndpointRouteBuilder>? extraRoutes = null)
    {
        var scheduler = RealTime.Scheduler;
        var options = new SimulatorOptions { Streams = streams ?? Quiet };
        if (!market)
        {
            options = options with { Market = null };
        }

        SimulatorContext? context = null;
        var server = await SimulatorServer.StartCoreAsync(options, scheduler, (e, c) =>
        {
            context = c;
            extraRoutes?.Invoke(e);
        }, CancellationToken.None);
        return new StreamFixture(server, scheduler, context!);
    }

    public async Task<StreamClient> ConnectAsync(string pathAndQuery)
    {
        var client = await StreamClient.ConnectAsync(new Uri(Server.StreamAddress, pathAndQuery));
        _clients.Add(client);
        return client;
    }

    /// <summary>Prints one BTCUSDT trade (a resting sell, then a crossing buy); returns its price.</summary>
    public decimal Trade()
    {
        var price = _nextPrice;
        _nextPrice += 1m;
        Server.Engine.PlaceLiquidity(BtcUsdt, Side.Sell, price, 0.01m).IsSuccess.ShouldBeTrue();
        Server.Engine.PlaceLiquidity(BtcUsdt, Side.Buy, price, 0.01m).IsSuccess.ShouldBeTrue();
        return price;
    }

    /// <summary>Changes the BTCUSDT book without trading (one update id).</summary>
    public void BookChange() => Server.Engine.PlaceLiquidity(BtcUsdt, Side.Buy, _nextPrice-- - 10_000m, 0.01m).IsSuccess.ShouldBeTrue();

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
    }
}

/// <summary>A <see cref="ClientWebSocket"/> (no client keep-alive) reading whole text messages with a timeout.</summary>
internal sealed class StreamClient : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 20];

    private StreamClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<StreamClient> ConnectAsync(Uri uri)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(uri, CancellationToken.None).WaitAsync(StreamFixture.Limit);
        return new StreamClient(socket);
    }

    public Task SendAsync(string text) => Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next text message, or null when the server closed.</summary>
    public async Task<string?> ReceiveAsync()
    {
        var length = 0;
        while (true)
        {
            var result = await Socket.ReceiveAsync(_buffer.AsMemory(length), CancellationToken.None).AsTask().WaitAsync(StreamFixture.Limit);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(_buffer, 0, length);
            }
        }
    }

    /// <summary>The next message, which must exist.</summary>
    public async Task<string> NextAsync() => (await ReceiveAsync()) ?? throw new InvalidOperationException($"Closed: {Socket.CloseStatus} {Socket.CloseStatusDescription}");

    public async Task<JsonElement> NextJsonAsync() => JsonDocument.Parse(await NextAsync()).RootElement.Clone();

    /// <summary>Reads until a message satisfies <paramref name="match"/>; returns it.</summary>
    public async Task<JsonElement> UntilAsync(Func<JsonElement, bool> match)
    {
        while (true)
        {
            var json = await NextJsonAsync();
            if (match(json))
            {
                return json;
            }
        }
    }

    /// <summary>Sends a control message and returns the next message (the reply when no data flows).</summary>
    public async Task<string> RequestAsync(string text)
    {
        await SendAsync(text);
        return await NextAsync();
    }

    /// <summary>Reads until the server's close frame (or the connection drops); returns every message seen.</summary>
    public async Task<List<string>> ReadToCloseAsync()
    {
        var seen = new List<string>();
        try
        {
            while (await ReceiveAsync() is { } message)
            {
                seen.Add(message);
            }
        }
        catch (WebSocketException)
        {
            // Dropped without a close handshake: what arrived before still counts.
        }

        return seen;
    }

    public void Dispose() => Socket.Dispose();
}

using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.WebSockets;
using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Benchmarks;

/// <summary>
/// The simulator's WebSocket send path on loopback: one producer pushes combined-stream trade frames (~160 bytes:
/// prefix + shared payload + <c>}</c>) into one <see cref="SimulatorWebSocket"/>, and one
/// <see cref="ClientWebSocket"/> reads them in a loop. One operation is one frame delivered (frames/s = 1 / time).
/// </summary>
/// <remarks>The producer paces itself on <see cref="SimulatorWebSocket.QueuedBytes"/> (checked every 1024 frames)
/// so the byte-bounded queue never trips the slow-consumer close; the operation ends when the client has read every
/// frame. Allocations are the whole process's: server, Kestrel and client.</remarks>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases them in [GlobalCleanup].")]
public class SimulatorWebSocketBenchmarks
{
    /// <summary>Frames per operation.</summary>
    public const int Frames = 200_000;

    private const long PauseAboveBytes = 8 << 20;

    private static readonly byte[] Prefix = """{"stream":"btcusdt@trade","data":"""u8.ToArray();
    private static readonly byte[] Payload = """{"e":"trade","E":1723161254013,"s":"BTCUSDT","t":3735683259,"p":"61035.99000000","q":"0.00041000","T":1723161254012,"m":true,"M":true}"""u8.ToArray();
    private static readonly byte[] Suffix = "}"u8.ToArray();

    private readonly SemaphoreSlim _allReceived = new(0);
    private WebApplication _app = null!;
    private EventLoopScheduler _scheduler = null!;
    private ClientWebSocket _client = null!;
    private SimulatorWebSocket _socket = null!;
    private Task _reader = null!;
    private long _received;
    private long _target;

    /// <summary>Starts Kestrel, connects the client and starts its read loop.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Closes the connection and stops Kestrel.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _socket.Abort();
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _scheduler.Dispose();
        _allReceived.Dispose();
    }

    /// <summary>Pushes <see cref="Frames"/> frames and waits until the client has read them all.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public void PushTradeFrames()
    {
        Volatile.Write(ref _target, _target + Frames);
        for (var i = 0; i < Frames; i++)
        {
            if ((i & 1023) == 0)
            {
                while (_socket.QueuedBytes > PauseAboveBytes)
                {
                    Thread.Yield();
                }
            }

            if (!_socket.TrySendText(Prefix, Payload, Suffix))
            {
                throw new InvalidOperationException($"Frame refused: {_socket.Statistics.Closure}");
            }
        }

        _allReceived.Wait();
    }

    private async Task SetupAsync()
    {
        _scheduler = new EventLoopScheduler();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        var accepted = new TaskCompletionSource<SimulatorWebSocket>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new WebSocketSessionOptions { SendQueueBytes = 32 << 20 };
        _app.Map("/ws", async context =>
        {
            var socket = await SimulatorWebSocket.AcceptAsync(context, options, _scheduler).ConfigureAwait(false);
            if (socket is not null)
            {
                accepted.SetResult(socket);
                await socket.RunAsync(static _ => ValueTask.CompletedTask).ConfigureAwait(false);
            }
        });
        await _app.StartAsync().ConfigureAwait(false);
        var port = new Uri(_app.Urls.Single()).Port;
        _client = new ClientWebSocket();
        _client.Options.KeepAliveInterval = TimeSpan.Zero;
        await _client.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws"), CancellationToken.None).ConfigureAwait(false);
        _socket = await accepted.Task.ConfigureAwait(false);
        _reader = Task.Run(ReadLoopAsync);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 << 10];
        while (true)
        {
            var result = await _client.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (result.EndOfMessage && ++_received == Volatile.Read(ref _target))
            {
                _allReceived.Release();
            }
        }
    }
}

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
/// frame. Allocations are the whole process's: server, Kestrel and client.
/// <para>Measured on the shared 2-core machine (ShortRun, medians): ClientWebSocket reader 585–772 ns/frame
/// (1.3–1.7 M frames/s), raw TCP reader 114–116 ns/frame (8.6 M frames/s), 2 B/frame allocated in both (amortised:
/// the enqueue path itself allocates nothing, see the socket tests). The client's per-message parsing is the limit.</para></remarks>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases them in [GlobalCleanup].")]
public class SimulatorWebSocketBenchmarks
{
    /// <summary>Frames per operation.</summary>
    public const int Frames = 200_000;

    private const long PauseAboveBytes = 1 << 20;

    private static readonly byte[] Prefix = """{"stream":"btcusdt@trade","data":"""u8.ToArray();
    private static readonly byte[] Payload = """{"e":"trade","E":1723161254013,"s":"BTCUSDT","t":3735683259,"p":"61035.99000000","q":"0.00041000","T":1723161254012,"m":true,"M":true}"""u8.ToArray();
    private static readonly byte[] Suffix = "}"u8.ToArray();

    private static readonly int FrameBytes = 4 + Prefix.Length + Payload.Length + Suffix.Length;

    private readonly SemaphoreSlim _allReceived = new(0);
    private WebApplication _app = null!;
    private EventLoopScheduler _scheduler = null!;
    private ClientWebSocket? _client;
    private System.Net.Sockets.TcpClient? _tcp;
    private SimulatorWebSocket _socket = null!;
    private Task _reader = null!;
    private long _received;
    private long _target;

    /// <summary>The reading side: a <see cref="ClientWebSocket"/> that parses every frame, or a raw TCP socket that only counts bytes (isolates the server's cost).</summary>
    [Params("ClientWebSocket", "RawTcp")]
    public string Reader { get; set; } = "ClientWebSocket";

    /// <summary>Starts Kestrel, connects the client and starts its read loop.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Closes the connection and stops Kestrel.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _socket.Abort();
        _client?.Dispose();
        _tcp?.Dispose();
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
        if (Reader == "RawTcp")
        {
            _tcp = new System.Net.Sockets.TcpClient();
            await _tcp.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            var stream = _tcp.GetStream();
            var request = $"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request)).ConfigureAwait(false);
            var one = new byte[1];
            var tail = 0u;
            while (tail != 0x0D0A0D0A)
            {
                await stream.ReadExactlyAsync(one).ConfigureAwait(false);
                tail = (tail << 8) | one[0];
            }

            _socket = await accepted.Task.ConfigureAwait(false);
            _reader = Task.Run(() => CountBytesAsync(stream));
        }
        else
        {
            _client = new ClientWebSocket();
            _client.Options.KeepAliveInterval = TimeSpan.Zero;
            await _client.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws"), CancellationToken.None).ConfigureAwait(false);
            _socket = await accepted.Task.ConfigureAwait(false);
            _reader = Task.Run(ReadLoopAsync);
        }
    }

    private async Task CountBytesAsync(System.Net.Sockets.NetworkStream stream)
    {
        var buffer = new byte[256 << 10];
        long bytes = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            bytes += read;
            if (bytes == Volatile.Read(ref _target) * FrameBytes)
            {
                _allReceived.Release();
            }
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 << 10];
        while (true)
        {
            var result = await _client!.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
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

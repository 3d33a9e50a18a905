using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.MarketStreams;
using RxTrader.Simulator.Server;

namespace RxTrader.Benchmarks;

/// <summary>
/// Trade frames per second received by one <see cref="ClientWebSocket"/> reader from a full <see cref="SimulatorServer"/>
/// (Kestrel, routing, market-stream session, socket): one operation is one frame received (frames/s = 1 / time).
/// </summary>
/// <remarks>
/// <para><c>Firehose</c>: the load stream <c>btcusdt@trade@firehose</c> on a raw <c>/ws</c> connection, pushing hand-encoded
/// trades as fast as the connection drains. <c>ModelBurst</c>: the normal path, the market model's burst mode
/// (<see cref="Simulator.Market.MarketModel.GenerateTrades"/>) through the engine and the hub to
/// <c>/ws/btcusdt@trade/ethusdt@trade/bnbusdt@trade</c>; one operation is one printed trade delivered.</para>
/// <para>The clock is a frozen <see cref="HistoricalScheduler"/> (no timers run); the reader only counts messages.
/// Allocations are the whole process's (server, Kestrel, client).</para>
/// <para>Measured on the shared 2-core machine (ShortRun, medians): Firehose 284 ns/frame (~3.5 M frames/s, 3 B/frame);
/// ModelBurst 4,255 ns per printed trade (~235 k frames/s, 1,020 B/trade, mostly the model's and the engine's).</para>
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases them in [GlobalCleanup].")]
public class MarketStreamServerBenchmarks
{
    /// <summary>Frames per operation in firehose mode.</summary>
    public const int Frames = 200_000;

    /// <summary>Model arrivals per operation in burst mode.</summary>
    public const int Arrivals = 2_000;

    private readonly ManualResetEventSlim _done = new();
    private SimulatorServer _server = null!;
    private ClientWebSocket _client = null!;
    private IDisposable? _printedSubscription;
    private Task _reader = null!;
    private long _received;
    private long _waitingFor = long.MaxValue;
    private long _printed;
    private long _expected;

    /// <summary>Where the frames come from.</summary>
    [Params("Firehose", "ModelBurst")]
    public string Source { get; set; } = "Firehose";

    /// <summary>Starts the server and connects the reader.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Stops the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _printedSubscription?.Dispose();
        _client.Abort();
        _client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _done.Dispose();
    }

    /// <summary>Firehose: <see cref="Frames"/> frames received. ModelBurst: <see cref="Arrivals"/> model arrivals, then every trade they printed received.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public void ReceiveTradeFrames()
    {
        if (Source == "Firehose")
        {
            // The load stream never pauses: count from wherever the reader is now.
            _expected = Volatile.Read(ref _received);
            WaitFor(Frames);
            return;
        }

        // Measured per printed trade (BenchmarkDotNet divides by Frames), so repeat until that many printed. The burst
        // is delivered synchronously into the socket's queue: wait for the reader after each step, or a long burst
        // would overflow the queue and drop the connection as a slow consumer.
        long printed = 0;
        while (printed < Frames)
        {
            var before = Interlocked.Read(ref _printed);
            _server.Market!.GenerateTrades(Arrivals);
            var step = Interlocked.Read(ref _printed) - before;
            printed += step;
            WaitFor(step);
        }
    }

    private void WaitFor(long frames)
    {
        _expected += frames;
        _done.Reset();
        Volatile.Write(ref _waitingFor, _expected);
        if (Volatile.Read(ref _received) < _expected)
        {
            _done.Wait();
        }
    }

    private async Task SetupAsync()
    {
        var scheduler = new HistoricalScheduler(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var streams = new MarketStreamOptions { PingInterval = TimeSpan.Zero, Lifetime = null, SendQueueBytes = 16 << 20, EnableFirehose = true };
        var firehose = Source == "Firehose";
        var options = new SimulatorOptions { Streams = streams };
        if (firehose)
        {
            options = options with { Market = null };
        }

        _server = await SimulatorServer.StartAsync(options, scheduler).ConfigureAwait(false);
        if (!firehose)
        {
            _printedSubscription = _server.Engine.Events.Subscribe(e =>
            {
                if (e is PublicTradeExecuted)
                {
                    Interlocked.Increment(ref _printed);
                }
            });
        }

        _client = new ClientWebSocket();
        _client.Options.KeepAliveInterval = TimeSpan.Zero;
        var path = firehose ? "/ws/btcusdt@trade@firehose" : "/ws/btcusdt@trade/ethusdt@trade/bnbusdt@trade";
        await _client.ConnectAsync(new Uri(_server.StreamAddress, path), CancellationToken.None).ConfigureAwait(false);
        _reader = Task.Run(ReadLoopAsync);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 << 10];
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _client.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (result.EndOfMessage)
            {
                var received = Interlocked.Increment(ref _received);
                if (received >= Volatile.Read(ref _waitingFor))
                {
                    Volatile.Write(ref _waitingFor, long.MaxValue);
                    _done.Set();
                }
            }
        }
    }
}

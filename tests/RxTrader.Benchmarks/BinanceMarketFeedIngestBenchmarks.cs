using System.Diagnostics.CodeAnalysis;
using System.Reactive.Concurrency;
using System.Text;
using BenchmarkDotNet.Attributes;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Wire;
using RxTrader.Core;

namespace RxTrader.Benchmarks;

/// <summary>
/// Loopback ingest of one feed connection: a local server blasts pre-encoded combined trade frames; one operation
/// is <see cref="Frames"/> frames received, decoded and handed off as typed trades (messages/s = Frames / time).
/// </summary>
/// <remarks>The consumer counts trades on its own event loop; the hand-off capacity is large enough that nothing
/// is dropped, so the operation ends when the consumer has seen every trade.</remarks>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases them in [GlobalCleanup].")]
public class BinanceMarketFeedIngestBenchmarks
{
    /// <summary>Frames per operation.</summary>
    public const int Frames = 100_000;

    private static readonly byte[] TradeFrame = Encoding.UTF8.GetBytes(
        """{"stream":"btcusdt@trade","data":{"e":"trade","E":1723161254013,"s":"BTCUSDT","t":3735683259,"p":"61035.99000000","q":"0.00041000","T":1723161254012,"m":true,"M":true}}""");

    private BlastWebSocketServer _server = null!;
    private EventLoopScheduler _timers = null!;
    private EventLoopScheduler _consumer = null!;
    private BinanceMarketFeed _feed = null!;
    private IDisposable _subscription = null!;
    private long _received;

    /// <summary>Starts the server and connects the feed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = new BlastWebSocketServer();
        _timers = new EventLoopScheduler();
        _consumer = new EventLoopScheduler();
        _feed = new BinanceMarketFeed(new BinanceFeedOptions
        {
            BaseUri = _server.BaseUri,
            Scheduler = _timers,
            ConsumerScheduler = _consumer,
            HandOffCapacity = Frames,
        });
        _subscription = _feed.Trades.Subscribe(_ => Interlocked.Increment(ref _received));
        _feed.Subscribe([StreamName.Trade(new Symbol("BTCUSDT"))]);
        _feed.Start();
        Ingest();
    }

    /// <summary>Disconnects and stops everything.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _subscription.Dispose();
        _feed.Dispose();
        _server.Dispose();
        _timers.Dispose();
        _consumer.Dispose();
    }

    /// <summary>Blasts <see cref="Frames"/> trade frames and waits until the consumer has all of them as trades.</summary>
    /// <returns>The trades received so far.</returns>
    [Benchmark(OperationsPerInvoke = Frames)]
    public long Ingest()
    {
        var target = Interlocked.Read(ref _received) + Frames;
        _server.BlastAsync(TradeFrame, Frames).GetAwaiter().GetResult();
        var spin = new SpinWait();
        while (Interlocked.Read(ref _received) < target)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return _received;
    }
}

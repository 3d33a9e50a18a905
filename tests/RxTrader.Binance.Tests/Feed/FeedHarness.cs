using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.Tests.Feed;

/// <summary>A feed against a <see cref="WebSocketServer"/>, with its output collected. Timers run on a real
/// event loop with short settings (real sockets make time real); tests await conditions, never durations.</summary>
internal sealed class FeedHarness : IAsyncDisposable
{
    private readonly EventLoopScheduler _timers = new();
    private readonly EventLoopScheduler _consumer = new();
    private readonly List<IDisposable> _subscriptions = [];

    private int _completions;

    public BinanceMarketFeed Feed { get; private set; } = null!;

    public ConcurrentQueue<Trade> Trades { get; } = new();

    public ConcurrentQueue<BookTicker> BookTickers { get; } = new();

    public ConcurrentQueue<ConnectionEvent> Events { get; } = new();

    public ConcurrentQueue<Exception> Errors { get; } = new();

    public int Completions => Volatile.Read(ref _completions);

    public static FeedHarness Create(Uri baseUri, Func<BinanceFeedOptions, BinanceFeedOptions>? configure = null)
    {
        var harness = new FeedHarness();
        var options = new BinanceFeedOptions
        {
            BaseUri = baseUri,
            Scheduler = harness._timers,
            ConsumerScheduler = harness._consumer,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            Backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100)),
            StaleAfter = TimeSpan.FromSeconds(30),
        };
        harness.Feed = new BinanceMarketFeed(configure is null ? options : configure(options));
        harness.Collect(harness.Feed.Trades, harness.Trades);
        harness.Collect(harness.Feed.BookTickers, harness.BookTickers);
        harness.Collect(harness.Feed.ConnectionEvents, harness.Events);
        return harness;
    }

    public IReadOnlyList<T> EventsOf<T>() where T : ConnectionEvent => [.. Events.OfType<T>()];

    public async ValueTask DisposeAsync()
    {
        Feed.Dispose();
        await Await.UntilAsync(() => Completions == 3, "streams completed");
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _timers.Dispose();
        _consumer.Dispose();
    }

    private void Collect<T>(IObservable<T> stream, ConcurrentQueue<T> into) =>
        _subscriptions.Add(stream.Subscribe(into.Enqueue, Errors.Enqueue, () => Interlocked.Increment(ref _completions)));
}

using System.Reactive.Subjects;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;
using RxTrader.Engine.Sources;

namespace RxTrader.Engine.Tests;

/// <summary>A market-data source fed by hand, counting what it was given.</summary>
internal sealed class FakeMarketSource : IMarketDataSource
{
    private readonly Subject<Trade> _trades = new();
    private readonly Subject<ConnectionEvent> _events = new();
    private readonly Subject<BookSyncChange> _books = new();
    private long _messages;

    public string Name => "fake-market";

    public IObservable<Trade> Trades => _trades;

    public IObservable<ConnectionEvent> ConnectionEvents => _events;

    public IObservable<BookSyncChange> BookSync => _books;

    public long BookResyncs { get; set; }

    public System.Reactive.Concurrency.IScheduler? DeliveryScheduler { get; init; }

    public bool Started { get; private set; }

    public bool Disposed { get; private set; }

    public long Malformed { get; set; }

    public MarketSourceCounters ReadCounters() =>
        new(Started ? "Connected" : "Idle", Interlocked.Read(ref _messages), _messages * 100, 0, Malformed, 0, 0, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4), BookResyncs);

    public void Start() => Started = true;

    public void Push(Trade trade)
    {
        Interlocked.Increment(ref _messages);
        _trades.OnNext(trade);
    }

    public void Raise(ConnectionEvent e) => _events.OnNext(e);

    public void Raise(BookSyncChange change) => _books.OnNext(change);

    public void Dispose()
    {
        Disposed = true;
        _trades.OnCompleted();
        _events.OnCompleted();
        _books.OnCompleted();
    }
}

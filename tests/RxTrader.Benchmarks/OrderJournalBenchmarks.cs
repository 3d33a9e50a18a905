using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost of one journal append (one SQLite transaction in WAL mode) per record kind, with synchronous=FULL (every commit
/// waits for the disk) and NORMAL (commits reach the OS cache only). Files live in the temp folder.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OrderJournalBenchmarks : IDisposable
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset Time = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private string _path = string.Empty;
    private OrderJournal? _journal;
    private long _sequence;
    private Order? _order;

    /// <summary>The synchronous setting.</summary>
    [Params(JournalDurability.Full, JournalDurability.Normal)]
    public JournalDurability Durability { get; set; }

    /// <summary>Creates a journal with one order to update.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"rxtrader-journal-bench-{Guid.NewGuid():N}.db");
        _journal = OrderJournal.Open(_path, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew, Durability = Durability });
        var request = OrderRequest.Limit(ClientOrderId.For("bench", 0), Btc, Side.Buy, 1m, 100m);
        _journal.RecordIntent(request, Time);
        _order = new Order(request.ClientOrderId, Btc, Side.Buy, OrderType.Limit, TimeInForce.GoodTillCanceled, 100m, 1m, 0m, 0m, OrderStatus.New, 1, Time, Time);
    }

    /// <summary>Deletes the journal.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _journal?.Dispose();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>An order intent (the full request) and its event.</summary>
    [Benchmark]
    public bool Intent() =>
        _journal!.RecordIntent(OrderRequest.Limit(ClientOrderId.For("bench", ++_sequence), Btc, Side.Buy, 1m, 100m), Time);

    /// <summary>A new fill (insert keyed by symbol and trade id) and its event.</summary>
    [Benchmark]
    public bool Fill() =>
        _journal!.RecordFill(new Fill(_order!.ClientOrderId, 1, ++_sequence, Btc, Side.Buy, 100m, 0.01m, 1m, 0.001m, "USDT", false, Time), Time);

    /// <summary>A duplicate fill: the unique key refuses it, nothing is written.</summary>
    [Benchmark]
    public bool DuplicateFill() =>
        _journal!.RecordFill(new Fill(_order!.ClientOrderId, 1, 0, Btc, Side.Buy, 100m, 0.01m, 1m, 0.001m, "USDT", false, Time), Time);

    /// <summary>A venue answer / status change: the order row updated and an event appended.</summary>
    [Benchmark]
    public bool Outcome() =>
        _journal!.RecordOutcome(_order!.ClientOrderId, JournalEventKind.StatusChanged, OrderTracking.Open, _order, "status New", Time);
}

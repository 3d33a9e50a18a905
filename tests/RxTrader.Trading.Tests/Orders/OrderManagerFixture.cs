using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;
using RxTrader.Trading.Tests.Journal;

namespace RxTrader.Trading.Tests.Orders;

/// <summary>A journal in a temp folder, a fake venue, a TestScheduler and a manager over them.</summary>
internal sealed class OrderManagerFixture : IDisposable
{
    public static readonly Symbol Btc = new("BTCUSDT");

    private readonly TempDirectory _dir = new();

    public OrderManagerFixture(OrderManagerOptions? options = null)
    {
        Options = options;
        Venue.Scheduler = Scheduler;
        JournalPath = _dir.File("orders.db");
        Journal = OrderJournal.Open(JournalPath, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });
        Manager = new OrderManager(Venue, Journal, Scheduler, options);
    }

    public OrderManagerOptions? Options { get; }

    public TestScheduler Scheduler { get; } = new();

    public FakeVenue Venue { get; } = new();

    public string JournalPath { get; }

    public OrderJournal Journal { get; private set; }

    public OrderManager Manager { get; private set; }

    public static ClientOrderId Id(int n) => ClientOrderId.For("test", n);

    public static OrderRequest Limit(int n, Side side = Side.Buy, decimal quantity = 1m, decimal price = 100m) =>
        OrderRequest.Limit(Id(n), Btc, side, quantity, price);

    public TrackedOrder Tracked(int n) => Manager.Orders.Lookup(Id(n)).ShouldNotBeNull();

    /// <summary>Simulates a restart: the manager and journal are closed, the journal reopened and a new manager started on it.</summary>
    public async Task<ReconciliationReport> RestartAsync()
    {
        Manager.Dispose();
        Journal.Dispose();
        Journal = OrderJournal.Open(JournalPath);
        Manager = new OrderManager(Venue, Journal, Scheduler, Options);
        return await Manager.StartAsync();
    }

    public void Dispose()
    {
        Manager.Dispose();
        Journal.Dispose();
        Venue.Dispose();
        _dir.Dispose();
    }
}

using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;

namespace RxTrader.Trading.Tests.Journal;

public sealed class OrderJournalBatchTests : IDisposable
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Batch_Committed_KeepsEveryWrite()
    {
        using var journal = NewJournal("j.db");
        journal.RecordIntent(OrderRequest.Market(Id(1), Btc, Side.Buy, 1m), T0);

        using (var batch = journal.BeginBatch())
        {
            journal.RecordFill(MakeFill(7), T0).ShouldBeTrue();
            journal.RecordOutcome(Id(1), JournalEventKind.StatusChanged, OrderTracking.Terminal, null, "status Filled", T0).ShouldBeTrue();
            batch.Commit();
        }

        journal.FillCount.ShouldBe(1);
        journal.FindOrder(Id(1))!.Tracking.ShouldBe(OrderTracking.Terminal);
        journal.ReadEvents(Id(1)).Select(e => e.Kind).ShouldBe([JournalEventKind.Intent, JournalEventKind.Fill, JournalEventKind.StatusChanged]);
    }

    [Fact]
    public void Batch_DisposedWithoutCommit_RollsEveryWriteBack()
    {
        using var journal = NewJournal("j.db");
        journal.RecordIntent(OrderRequest.Market(Id(1), Btc, Side.Buy, 1m), T0);

        using (journal.BeginBatch())
        {
            journal.RecordFill(MakeFill(7), T0).ShouldBeTrue();
            journal.RecordOutcome(Id(1), JournalEventKind.StatusChanged, OrderTracking.Terminal, null, "status Filled", T0);
        }

        journal.FillCount.ShouldBe(0);
        journal.FindOrder(Id(1))!.Tracking.ShouldBe(OrderTracking.PendingNew);
        journal.RecordFill(MakeFill(7), T0).ShouldBeTrue();
    }

    [Fact]
    public void Batch_DisposeAfterCommitAndNesting_AreSafe()
    {
        using var journal = NewJournal("j.db");
        journal.RecordIntent(OrderRequest.Market(Id(1), Btc, Side.Buy, 1m), T0);

        var batch = journal.BeginBatch();
        Should.Throw<InvalidOperationException>(() => journal.BeginBatch());
        journal.RecordFill(MakeFill(1), T0);
        batch.Commit();
        batch.Dispose();
        batch.Commit();

        journal.FillCount.ShouldBe(1);
        using (var next = journal.BeginBatch())
        {
            next.ShouldNotBe(batch);
            next.Commit();
        }
    }

    [Fact]
    public void BeginBatch_Disposed_Throws()
    {
        var journal = NewJournal("j.db");
        journal.Dispose();

        Should.Throw<ObjectDisposedException>(() => journal.BeginBatch());
    }

    [Fact]
    public void RecordNote_IsReadBackAndSurvivesAReopen()
    {
        var path = _dir.File("j.db");
        using (var journal = NewJournal("j.db"))
        {
            journal.RecordIntent(OrderRequest.Market(Id(1), Btc, Side.Buy, 1m), T0);
            journal.RecordNote(Id(1), JournalEventKind.Accepted, "accepted: FILLED (state already ahead)", T0.AddMilliseconds(1));

            journal.ReadEvents(Id(1)).Select(e => e.Kind).ShouldBe([JournalEventKind.Intent, JournalEventKind.Accepted]);
            journal.RecordNote(Id(1), JournalEventKind.Unknown, "late", T0.AddMilliseconds(2));
        }

        using var reopened = OrderJournal.Open(path);
        reopened.ReadEvents(Id(1)).Select(e => e.Detail).ShouldBe(["intent", "accepted: FILLED (state already ahead)", "late"]);
    }

    [Fact]
    public void RecordNote_WrittenWithTheNextTransactionInOrder()
    {
        using var journal = NewJournal("j.db");
        journal.RecordIntent(OrderRequest.Market(Id(1), Btc, Side.Buy, 1m), T0);

        journal.RecordNote(Id(1), JournalEventKind.Accepted, "note", T0);
        journal.RecordFill(MakeFill(3), T0);

        journal.ReadEvents(Id(1)).Select(e => e.Kind).ShouldBe([JournalEventKind.Intent, JournalEventKind.Accepted, JournalEventKind.Fill]);
    }

    [Fact]
    public void ManyCommits_CheckpointedInTheBackground_AllReadBackAfterReopen()
    {
        var path = _dir.File("j.db");
        using (var journal = OrderJournal.Open(path, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew, Durability = JournalDurability.Normal }))
        {
            for (var i = 1; i <= 500; i++)
            {
                journal.RecordIntent(OrderRequest.Market(Id(i), Btc, Side.Buy, 1m), T0);
            }
        }

        File.Exists(path + "-wal").ShouldBeFalse();
        using var reopened = OrderJournal.Open(path);
        reopened.OrderCount.ShouldBe(500);
    }

    private OrderJournal NewJournal(string name) =>
        OrderJournal.Open(_dir.File(name), new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });

    private static ClientOrderId Id(long n) => ClientOrderId.For("t", n);

    private static Fill MakeFill(long tradeId) =>
        new(Id(1), 100, tradeId, Btc, Side.Buy, 100m, 0.1m, 10m, 0.01m, "USDT", false, T0);
}

using Microsoft.Data.Sqlite;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;

namespace RxTrader.Trading.Tests.Journal;

public sealed class OrderJournalTests : IDisposable
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_NullOrEmptyPath_Throws()
    {
        Should.Throw<ArgumentNullException>(() => OrderJournal.Open(null!));
        Should.Throw<ArgumentException>(() => OrderJournal.Open(" "));
    }

    [Fact]
    public void Open_MissingFileWithoutCreate_ThrowsMissingAndCreatesNothing()
    {
        var path = _dir.File("missing.db");

        var e = Should.Throw<OrderJournalException>(() => OrderJournal.Open(path));

        e.Failure.ShouldBe(JournalFailure.Missing);
        e.Message.ShouldContain("CreateNew");
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public void Open_CreateNewOnExistingFile_ThrowsAlreadyExists()
    {
        var path = _dir.File("j.db");
        OrderJournal.Open(path, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew }).Dispose();

        Should.Throw<OrderJournalException>(() => OrderJournal.Open(path, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew }))
            .Failure.ShouldBe(JournalFailure.AlreadyExists);
    }

    [Fact]
    public void Open_NewJournal_IsInWalModeWithFullSync()
    {
        using var journal = OrderJournal.Open(_dir.File("j.db"), new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });

        journal.JournalMode.ShouldBe("wal");
        journal.Durability.ShouldBe(JournalDurability.Full);
        journal.OrderCount.ShouldBe(0);
    }

    [Fact]
    public void Reopen_ReadsBackEverything()
    {
        var path = _dir.File("j.db");
        var request = OrderRequest.Limit(Id(1), Btc, Side.Buy, 0.5m, 100.25m);
        var order = VenueOrder(request, 0.2m, OrderStatus.PartiallyFilled);
        var fill = Fill(request.ClientOrderId, tradeId: 7, 0.2m, 100.25m);
        using (var journal = OrderJournal.Open(path, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew }))
        {
            journal.RecordIntent(request, T0).ShouldBeTrue();
            journal.RecordOutcome(request.ClientOrderId, JournalEventKind.Accepted, OrderTracking.Open, order with { ExecutedQuantity = 0m, CumulativeQuoteQuantity = 0m, Status = OrderStatus.New }, "accepted", T0.AddMilliseconds(1));
            journal.RecordFill(fill, T0.AddMilliseconds(2)).ShouldBeTrue();
            journal.RecordOutcome(request.ClientOrderId, JournalEventKind.StatusChanged, OrderTracking.Open, order, "status PartiallyFilled", T0.AddMilliseconds(3));
            journal.RecordEvent(request.ClientOrderId, JournalEventKind.CancelRequested, "cancel requested", T0.AddMilliseconds(4));
        }

        using var reopened = OrderJournal.Open(path);
        var journaled = reopened.FindOrder(request.ClientOrderId).ShouldNotBeNull();
        journaled.Request.ShouldBe(request);
        journaled.Tracking.ShouldBe(OrderTracking.Open);
        journaled.Order.ShouldBe(order);
        journaled.LastOutcome.ShouldBe("status PartiallyFilled");
        journaled.IntentTime.ShouldBe(T0);
        journaled.UpdateTime.ShouldBe(T0.AddMilliseconds(3));
        reopened.ReadFills(request.ClientOrderId).ShouldBe([fill]);
        reopened.LoadOrdersNotFinal().Select(o => o.Request.ClientOrderId).ShouldBe([request.ClientOrderId]);
        reopened.ReadEvents(request.ClientOrderId).Select(e => e.Kind).ShouldBe(
        [
            JournalEventKind.Intent, JournalEventKind.Accepted, JournalEventKind.Fill, JournalEventKind.StatusChanged, JournalEventKind.CancelRequested,
        ]);
        reopened.JournalMode.ShouldBe("wal");
    }

    [Fact]
    public void RecordIntent_MarketAndQuoteQuantityRequests_RoundTripExactly()
    {
        using var journal = OrderJournal.Open(_dir.File("j.db"), new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });
        var market = OrderRequest.Market(Id(1), Btc, Side.Sell, 0.00012345m);
        var quote = new OrderRequest(Id(2), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: 25.50m);
        var maker = OrderRequest.LimitMaker(Id(3), Btc, Side.Buy, 1m, 99.990m);

        journal.RecordIntent(market, T0).ShouldBeTrue();
        journal.RecordIntent(quote, T0).ShouldBeTrue();
        journal.RecordIntent(maker, T0).ShouldBeTrue();

        journal.FindOrder(market.ClientOrderId)!.Request.ShouldBe(market);
        journal.FindOrder(quote.ClientOrderId)!.Request.ShouldBe(quote);
        journal.FindOrder(maker.ClientOrderId)!.Request.Price.ShouldBe(99.990m);
        journal.FindOrder(market.ClientOrderId)!.Tracking.ShouldBe(OrderTracking.PendingNew);
    }

    [Fact]
    public void RecordIntent_SameClientIdTwice_SecondIsRefusedAndNothingChanges()
    {
        using var journal = OrderJournal.Open(_dir.File("j.db"), new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });
        var request = OrderRequest.Market(Id(1), Btc, Side.Buy, 1m);

        journal.RecordIntent(request, T0).ShouldBeTrue();
        journal.RecordIntent(request with { Quantity = 2m }, T0.AddSeconds(1)).ShouldBeFalse();

        journal.FindOrder(request.ClientOrderId)!.Request.Quantity.ShouldBe(1m);
        journal.ReadEvents(request.ClientOrderId).Count.ShouldBe(1);
    }

    [Fact]
    public void RecordFill_SameSymbolAndTradeIdTwice_IsIdempotent()
    {
        using var journal = OrderJournal.Open(_dir.File("j.db"), new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });
        var fill = Fill(Id(1), tradeId: 5, 1m, 10m);

        journal.RecordFill(fill, T0).ShouldBeTrue();
        journal.RecordFill(fill, T0.AddSeconds(1)).ShouldBeFalse();
        journal.RecordFill(fill with { Quantity = 3m }, T0.AddSeconds(2)).ShouldBeFalse();
        journal.RecordFill(fill with { Symbol = new Symbol("ETHUSDT") }, T0).ShouldBeTrue();

        journal.FillCount.ShouldBe(2);
        journal.ContainsFill(Btc, 5, Side.Buy).ShouldBeTrue();
        journal.ContainsFill(Btc, 5, Side.Sell).ShouldBeFalse();
        journal.ContainsFill(Btc, 6, Side.Buy).ShouldBeFalse();
        journal.ReadEvents(Id(1)).Count(e => e.Kind == JournalEventKind.Fill).ShouldBe(2);
    }

    [Fact]
    public void RecordOutcome_UnknownOrder_ReturnsFalseAndWritesNothing()
    {
        using var journal = OrderJournal.Open(_dir.File("j.db"), new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });

        journal.RecordOutcome(Id(9), JournalEventKind.Accepted, OrderTracking.Open, null, "accepted", T0).ShouldBeFalse();

        journal.ReadEvents(Id(9)).ShouldBeEmpty();
    }

    [Fact]
    public void LoadOrdersNotFinal_SkipsTerminalAndNotPlaced()
    {
        using var journal = OrderJournal.Open(_dir.File("j.db"), new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });
        for (var i = 1; i <= 5; i++)
        {
            journal.RecordIntent(OrderRequest.Market(Id(i), Btc, Side.Buy, 1m), T0.AddSeconds(i));
        }

        journal.RecordOutcome(Id(2), JournalEventKind.Rejected, OrderTracking.Terminal, null, "rejected", T0);
        journal.RecordOutcome(Id(3), JournalEventKind.ResolvedNotPlaced, OrderTracking.NotPlaced, null, "not placed", T0);
        journal.RecordOutcome(Id(4), JournalEventKind.Unknown, OrderTracking.Reconciling, null, "unknown", T0);

        journal.LoadOrdersNotFinal().Select(o => (o.Request.ClientOrderId, o.Tracking)).ShouldBe(
        [
            (Id(1), OrderTracking.PendingNew), (Id(4), OrderTracking.Reconciling), (Id(5), OrderTracking.PendingNew),
        ]);
    }

    [Fact]
    public void Open_RandomBytes_ThrowsNotADatabaseAndLeavesTheFileUntouched()
    {
        var path = _dir.File("random.db");
        var bytes = new byte[8192];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        Should.Throw<OrderJournalException>(() => OrderJournal.Open(path, new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate }))
            .Failure.ShouldBe(JournalFailure.NotADatabase);

        File.ReadAllBytes(path).ShouldBe(bytes);
        File.Exists(path + "-wal").ShouldBeFalse();
    }

    [Fact]
    public void Open_TextFile_ThrowsNotADatabaseAndLeavesTheFileUntouched()
    {
        var path = _dir.File("notes.txt");
        File.WriteAllText(path, "these are my notes, not a journal\n");
        var before = File.ReadAllBytes(path);

        var e = Should.Throw<OrderJournalException>(() => OrderJournal.Open(path));

        e.Failure.ShouldBe(JournalFailure.NotADatabase);
        e.Message.ShouldContain("not modified");
        File.ReadAllBytes(path).ShouldBe(before);
    }

    [Fact]
    public void Open_EmptyFile_ThrowsNotADatabaseAndLeavesItEmpty()
    {
        var path = _dir.File("empty.db");
        File.WriteAllBytes(path, []);

        Should.Throw<OrderJournalException>(() => OrderJournal.Open(path, new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate }))
            .Failure.ShouldBe(JournalFailure.NotADatabase);

        new FileInfo(path).Length.ShouldBe(0);
    }

    [Fact]
    public void Open_WrongSchemaVersion_ThrowsUnsupportedVersionAndLeavesTheFileUntouched()
    {
        var path = _dir.File("j.db");
        OrderJournal.Open(path, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew }).Dispose();
        Execute(path, "UPDATE journal_schema SET version = 99");
        var before = File.ReadAllBytes(path);

        var e = Should.Throw<OrderJournalException>(() => OrderJournal.Open(path));

        e.Failure.ShouldBe(JournalFailure.UnsupportedVersion);
        e.Message.ShouldContain("99");
        File.ReadAllBytes(path).ShouldBe(before);
    }

    [Fact]
    public void Open_OtherSqliteDatabase_ThrowsNotAJournalAndLeavesTheFileUntouched()
    {
        var path = _dir.File("other.db");
        Execute(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        var before = File.ReadAllBytes(path);

        Should.Throw<OrderJournalException>(() => OrderJournal.Open(path)).Failure.ShouldBe(JournalFailure.NotAJournal);

        File.ReadAllBytes(path).ShouldBe(before);
    }

    [Fact]
    public void Open_DamagedPages_ThrowsAndLeavesTheFileUntouched()
    {
        var path = _dir.File("j.db");
        using (var journal = OrderJournal.Open(path, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew }))
        {
            for (var i = 1; i <= 300; i++)
            {
                journal.RecordIntent(OrderRequest.Market(Id(i), Btc, Side.Buy, i), T0);
            }
        }

        // Keep the header page, overwrite the rest with noise.
        var bytes = File.ReadAllBytes(path);
        var noise = new byte[bytes.Length - 4096];
        new Random(7).NextBytes(noise);
        noise.CopyTo(bytes, 4096);
        File.WriteAllBytes(path, bytes);

        var e = Should.Throw<OrderJournalException>(() => OrderJournal.Open(path));

        e.Failure.ShouldBeOneOf(JournalFailure.IntegrityCheckFailed, JournalFailure.NotADatabase, JournalFailure.NotAJournal);
        File.ReadAllBytes(path).ShouldBe(bytes);
    }

    [Fact]
    public void Durability_Normal_IsAppliedAndStillWal()
    {
        var path = _dir.File("j.db");
        using var journal = OrderJournal.Open(path, new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate, Durability = JournalDurability.Normal });

        journal.Durability.ShouldBe(JournalDurability.Normal);
        journal.JournalMode.ShouldBe("wal");
    }

    [Fact]
    public void Dispose_ThenUse_ThrowsObjectDisposed()
    {
        var journal = OrderJournal.Open(_dir.File("j.db"), new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });
        journal.Dispose();
        journal.Dispose();

        Should.Throw<ObjectDisposedException>(() => journal.RecordIntent(OrderRequest.Market(Id(1), Btc, Side.Buy, 1m), T0));
    }

    internal static ClientOrderId Id(int n) => ClientOrderId.For("test", n);

    internal static Order VenueOrder(OrderRequest request, decimal executed, OrderStatus status) =>
        new(request.ClientOrderId, request.Symbol, request.Side, request.Type, request.TimeInForce, request.Price, request.Quantity,
            executed, executed * (request.Price ?? 0m), status, 4242, T0, T0.AddSeconds(1));

    internal static Fill Fill(ClientOrderId id, long tradeId, decimal quantity, decimal price) =>
        new(id, 4242, tradeId, Btc, Side.Buy, price, quantity, quantity * price, 0.001m, "BNB", true, T0);

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

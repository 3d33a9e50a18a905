using Microsoft.Reactive.Testing;
using RxTrader.Core.Connectivity;
using RxTrader.Streams.FlowControl;
using RxTrader.Trading.Risk;
using static RxTrader.Testing.MarbleTime;
using static RxTrader.Trading.Tests.Risk.RiskTestData;

namespace RxTrader.Trading.Tests.Risk;

public sealed class RiskGateDataHealthTests : ReactiveTest
{
    private const string Trades = "btcusdt@trade";

    [Fact]
    public void SetDataHealth_StaleThenFresh_RejectsThenAccepts()
    {
        using var gate = CreateSut(new TestScheduler());
        var rejections = gate.RecordRejections();

        gate.SetDataHealth(Btc, Trades, DataHealth.Stale);
        var result = gate.Check(BuyLimit(1m, 100m));
        gate.Check(BuyLimit(1m, 100m, Eth)).ShouldBeApproved();
        gate.SetDataHealth(Btc, Trades, DataHealth.Healthy);

        result.ShouldBeRejected().ShouldBe(RiskRejectionReason.DataUnhealthy);
        result.Rejection!.Message.ShouldContain("Stale");
        result.Rejection.Message.ShouldContain(Trades);
        rejections.ShouldHaveSingleItem().Reason.ShouldBe(RiskRejectionReason.DataUnhealthy);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
    }

    [Theory]
    [InlineData(DataHealth.Stale)]
    [InlineData(DataHealth.Gapped)]
    [InlineData(DataHealth.Disconnected)]
    [InlineData(DataHealth.BookUnsynced)]
    public void SetDataHealth_AnyUnhealthyState_Rejects(DataHealth health)
    {
        using var gate = CreateSut(new TestScheduler());

        gate.SetDataHealth(Btc, "book", health);

        gate.DataHealthOf(Btc).ShouldBe(health);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.DataUnhealthy);
    }

    [Fact]
    public void SetDataHealth_OneSourceBack_DoesNotHideAnotherStillDown()
    {
        using var gate = CreateSut(new TestScheduler());

        gate.SetDataHealth(Btc, "book", DataHealth.BookUnsynced);
        gate.SetDataHealth(Btc, Trades, DataHealth.Stale);
        gate.SetDataHealth(Btc, Trades, DataHealth.Healthy);

        gate.DataHealthOf(Btc).ShouldBe(DataHealth.BookUnsynced);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.DataUnhealthy);
        gate.SetDataHealth(Btc, "book", DataHealth.Healthy);
        gate.DataHealthOf(Btc).ShouldBe(DataHealth.Healthy);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
    }

    [Fact]
    public void DataHealthOf_NeverReported_Healthy()
    {
        using var gate = CreateSut(new TestScheduler());

        gate.DataHealthOf(Btc).ShouldBe(DataHealth.Healthy);
        gate.DataHealthOf(Unknown).ShouldBe(DataHealth.Healthy);
    }

    [Fact]
    public void TrackDataHealth_ConnectionEvents_MapToHealth()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<ConnectionEvent>(
            OnNext<ConnectionEvent>(100, new Connected(At(100), Trades)),
            OnNext<ConnectionEvent>(200, new Stale(At(200), Trades, At(50))),
            OnNext<ConnectionEvent>(300, new Fresh(At(300), Trades, TimeSpan.FromTicks(250))),
            OnNext<ConnectionEvent>(400, new Disconnected(At(400), Trades, DisconnectReason.TransportError)),
            OnNext<ConnectionEvent>(500, new Reconnecting(At(500), Trades, 1, TimeSpan.FromSeconds(1))),
            OnNext<ConnectionEvent>(600, new Connected(At(600), Trades)),
            OnNext<ConnectionEvent>(700, new Gap(At(700), Trades, At(390), At(700))),
            OnNext<ConnectionEvent>(800, new Stale(At(800), Trades, At(700))),
            OnNext<ConnectionEvent>(900, new Fresh(At(900), Trades, TimeSpan.FromTicks(200))));
        using var gate = CreateSut(scheduler);
        var subscription = gate.TrackDataHealth(Btc, Trades, xs);
        var seen = new List<DataHealth>();

        for (var t = 150; t <= 950; t += 100)
        {
            scheduler.AdvanceTo(t);
            seen.Add(gate.DataHealthOf(Btc));
            (gate.Check(BuyLimit(1m, 100m)).IsApproved == (seen[^1] == DataHealth.Healthy)).ShouldBeTrue();
        }

        seen.ShouldBe([
            DataHealth.Healthy, DataHealth.Stale, DataHealth.Healthy, DataHealth.Disconnected, DataHealth.Disconnected,
            DataHealth.Healthy, DataHealth.Gapped, DataHealth.Stale, DataHealth.Healthy]);
        subscription.Dispose();
        xs.Subscriptions.AssertEqual(Subscribe(0, 950));
    }

    [Fact]
    public void TrackDataHealth_GapAfterReconnect_StaysGappedUntilSetHealthy()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<ConnectionEvent>(
            OnNext<ConnectionEvent>(100, new Disconnected(At(100), Trades, DisconnectReason.ServerClosed)),
            OnNext<ConnectionEvent>(200, new Connected(At(200), Trades)),
            OnNext<ConnectionEvent>(210, new Gap(At(210), Trades, At(90), At(210))));
        using var gate = CreateSut(scheduler);
        using var subscription = gate.TrackDataHealth(Btc, Trades, xs);

        scheduler.AdvanceTo(10_000);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.DataUnhealthy);
        gate.SetDataHealth(Btc, Trades, DataHealth.Healthy);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
    }

    [Fact]
    public void TrackDataHealth_Error_SourceBecomesDisconnected()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext<ConnectionEvent>(100, new Connected(At(100), Trades)),
            OnError<ConnectionEvent>(200, new InvalidOperationException("feed died")));
        using var gate = CreateSut(scheduler);
        using var subscription = gate.TrackDataHealth(Btc, Trades, xs);

        scheduler.AdvanceTo(150);
        gate.DataHealthOf(Btc).ShouldBe(DataHealth.Healthy);
        scheduler.AdvanceTo(250);
        gate.DataHealthOf(Btc).ShouldBe(DataHealth.Disconnected);
        xs.Subscriptions.AssertEqual(Subscribe(0, 200));
    }

    [Fact]
    public void TrackDataHealth_Completed_SourceBecomesDisconnected()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext<ConnectionEvent>(100, new Connected(At(100), Trades)),
            OnCompleted<ConnectionEvent>(200));
        using var gate = CreateSut(scheduler);
        using var subscription = gate.TrackDataHealth(Btc, Trades, xs);

        scheduler.AdvanceTo(250);

        gate.DataHealthOf(Btc).ShouldBe(DataHealth.Disconnected);
        xs.Subscriptions.AssertEqual(Subscribe(0, 200));
    }

    [Fact]
    public void TrackDataHealth_Disposed_LaterEventsIgnoredAndLastStateKept()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<ConnectionEvent>(
            OnNext<ConnectionEvent>(100, new Stale(At(100), Trades, null)),
            OnNext<ConnectionEvent>(300, new Fresh(At(300), Trades, TimeSpan.FromTicks(300))));
        using var gate = CreateSut(scheduler);
        var subscription = gate.TrackDataHealth(Btc, Trades, xs);

        scheduler.AdvanceTo(200);
        subscription.Dispose();
        scheduler.AdvanceTo(400);

        gate.DataHealthOf(Btc).ShouldBe(DataHealth.Stale);
        xs.Subscriptions.AssertEqual(Subscribe(0, 200));
    }

    [Fact]
    public void TrackDataHealth_GateDisposed_EndsTheSubscription()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<ConnectionEvent>(OnNext<ConnectionEvent>(300, new Stale(At(300), Trades, null)));
        var gate = CreateSut(scheduler);
        gate.TrackDataHealth(Btc, Trades, xs);

        scheduler.AdvanceTo(200);
        gate.Dispose();
        scheduler.AdvanceTo(400);

        gate.DataHealthOf(Btc).ShouldBe(DataHealth.Healthy);
        xs.Subscriptions.AssertEqual(Subscribe(0, 200));
    }

    [Fact]
    public void TrackDataHealth_FedByDetectStale_BlocksWhileTradesAreSilent()
    {
        var scheduler = new TestScheduler();
        var trades = scheduler.CreateHotObservable(
            OnNext(Seconds(1), 1),
            OnNext(Seconds(2), 2),
            OnNext(Seconds(9), 3),
            OnNext(Seconds(10), 4));
        using var gate = CreateSut(scheduler);
        using var subscription = gate.TrackDataHealth(Btc, Trades, trades.DetectStale(TimeSpan.FromSeconds(4), scheduler, Trades));

        scheduler.AdvanceTo(Seconds(6) - 1);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        scheduler.AdvanceTo(Seconds(6));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeRejected().ShouldBe(RiskRejectionReason.DataUnhealthy);
        scheduler.AdvanceTo(Seconds(9));
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
    }
}

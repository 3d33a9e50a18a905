using RxTrader.Core;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Market;

public sealed class CsvTradeReplayTests
{
    private const long T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z in ms

    private static readonly string[] Lines =
    [
        "id,price,qty,quote_qty,time,is_buyer_maker,is_best_match",
        $"1,100.50,0.200,20.1,{T0},True,True",
        $"2,100.60,0.100,10.06,{T0},False,True",
        "not,a,trade",
        "",
        $"3,abc,0.1,1,{T0 + 500},True,True",
        $"4,100.70,0.300,30.21,{(T0 + 1_500) * 1000},false,true", // microseconds
    ];

    [Fact]
    public void Start_PrintsEachLineAtItsTimeAndSide_CountsBadLines()
    {
        using var f = new EngineFixture();
        using var replay = new CsvTradeReplay(f.Engine, f.Scheduler, BtcUsdt, Lines);
        var start = f.Scheduler.Now.AddTicks(1); // a TestScheduler runs work due now one tick later

        replay.Start();
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(5).Ticks);

        var trades = f.Events.OfType<PublicTradeExecuted>().Select(e => e.Trade).ToList();
        trades.Select(t => (t.Price, t.Quantity, t.IsBuyerMaker, t.TradeTime - start)).ShouldBe(
        [
            (100.50m, 0.200m, true, TimeSpan.Zero),
            (100.60m, 0.100m, false, TimeSpan.Zero),
            (100.70m, 0.300m, false, TimeSpan.FromSeconds(1.5)),
        ]);
        replay.GetState().ShouldBe(new CsvTradeReplayState(Replayed: 3, Skipped: 2, Completed: true));
        f.Engine.GetLiquidity(BtcUsdt).ShouldBeEmpty();
        f.Engine.GetDepth(BtcUsdt).Value.Bids.ShouldBeEmpty();
    }

    [Fact]
    public void Start_SpeedAndMaxGap_ShapeTheWaits()
    {
        using var f = new EngineFixture();
        string[] lines = [$"1,100,1,100,{T0},true,true", $"2,101,1,101,{T0 + 4_000},true,true", $"3,102,1,102,{T0 + 3_600_000},true,true"];
        using var replay = new CsvTradeReplay(f.Engine, f.Scheduler, BtcUsdt, lines, new CsvTradeReplayOptions { Speed = 2, MaxGap = TimeSpan.FromSeconds(10) });
        var start = f.Scheduler.Now.AddTicks(1); // a TestScheduler runs work due now one tick later

        replay.Start();
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(60).Ticks);

        f.Events.OfType<PublicTradeExecuted>().Select(e => e.Trade.TradeTime - start)
            .ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(12)]);
    }

    [Fact]
    public void Replay_FillsAUserOrderAtABetterPrice()
    {
        using var f = new EngineFixture();
        var user = f.Place(Alice, Limit(Side.Sell, 100m, 0.5m)).Order.OrderId;
        using var replay = new CsvTradeReplay(f.Engine, f.Scheduler, BtcUsdt, [$"1,101,1,101,{T0},false,true"]);

        replay.Start();
        f.Scheduler.AdvanceBy(1);

        f.Engine.QueryOrder(Alice, BtcUsdt, user, null).Value!.Status.ShouldBe(OrderStatus.Filled);
        f.Engine.GetLiquidity(BtcUsdt).ShouldBeEmpty();
    }

    [Fact]
    public void Dispose_StopsThePlayback()
    {
        using var f = new EngineFixture();
        string[] lines = [$"1,100,1,100,{T0},true,true", $"2,101,1,101,{T0 + 1_000},true,true"];
        var replay = new CsvTradeReplay(f.Engine, f.Scheduler, BtcUsdt, lines);
        replay.Start();
        f.Scheduler.AdvanceBy(1);

        replay.Dispose();
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(5).Ticks);

        f.Events.OfType<PublicTradeExecuted>().ShouldHaveSingleItem();
        replay.GetState().Completed.ShouldBeFalse();
        Should.Throw<ObjectDisposedException>(replay.Start);
    }

    [Fact]
    public void Arguments_Checked()
    {
        using var f = new EngineFixture();
        Should.Throw<ArgumentNullException>(() => new CsvTradeReplay(null!, f.Scheduler, BtcUsdt, []));
        Should.Throw<ArgumentNullException>(() => new CsvTradeReplay(f.Engine, null!, BtcUsdt, []));
        Should.Throw<ArgumentNullException>(() => new CsvTradeReplay(f.Engine, f.Scheduler, BtcUsdt, null!));
        Should.Throw<ArgumentOutOfRangeException>(() => new CsvTradeReplay(f.Engine, f.Scheduler, BtcUsdt, [], new CsvTradeReplayOptions { Speed = 0 }));
        Should.Throw<ArgumentOutOfRangeException>(() => new CsvTradeReplay(f.Engine, f.Scheduler, BtcUsdt, [], new CsvTradeReplayOptions { MaxGap = TimeSpan.Zero }));
        using var unknown = new CsvTradeReplay(f.Engine, f.Scheduler, new Symbol("NOPE"), []);
        Should.Throw<ArgumentException>(unknown.Start);
        using var twice = new CsvTradeReplay(f.Engine, f.Scheduler, BtcUsdt, []);
        twice.Start();
        Should.Throw<InvalidOperationException>(twice.Start);
        f.Scheduler.AdvanceBy(1);
        twice.GetState().ShouldBe(new CsvTradeReplayState(0, 0, true));
    }

    [Theory]
    [InlineData("1,100,1,100,1000,true")]
    [InlineData(" 1,100.5,0.25,25.125,1000,False,True ")]
    public void TryParse_ValidLines(string line) => CsvTrade.TryParse(line, out _).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1,100,1,100,1000")]
    [InlineData("1,-100,1,100,1000,true,true")]
    [InlineData("1,100,0,100,1000,true,true")]
    [InlineData("1,100,1,100,-1,true,true")]
    [InlineData("1,100,1,100,1000,maybe,true")]
    [InlineData("1,100,1,100,999999999999999999,true,true")]
    [InlineData("x,100,1,100,1000,true,true")]
    public void TryParse_BadLines_False(string? line) => CsvTrade.TryParse(line, out _).ShouldBeFalse();
}

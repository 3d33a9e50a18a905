using System.Reactive.Disposables;
using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Candles;
using RxTrader.Testing;
using static RxTrader.Testing.MarbleTime;

namespace RxTrader.Streams.Tests.Candles;

/// <summary>Behaviour of candle aggregation: alignment, closing, partials, empty intervals, late trades, symbols.</summary>
public sealed partial class CandleAggregationTests
{
    [Fact]
    public void OpenOf_RealTimestamps_FloorsToEpochMultiples()
    {
        static long Open(long unixMs, TimeSpan interval) =>
            CandleTime.OpenOf(DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcTicks, interval.Ticks);
        static long Ticks(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcTicks;

        Open(1_700_000_123_456, TimeSpan.FromMinutes(1)).ShouldBe(Ticks(1_700_000_100_000));
        Open(1_700_000_123_456, TimeSpan.FromHours(1)).ShouldBe(Ticks(1_699_999_200_000));
        Open(1_700_000_123_456, TimeSpan.FromDays(1)).ShouldBe(Ticks(1_699_920_000_000));
        Open(1_700_000_100_000, TimeSpan.FromMinutes(1)).ShouldBe(Ticks(1_700_000_100_000));
        Open(-1, TimeSpan.FromSeconds(1)).ShouldBe(Ticks(-1_000)); // before the epoch it still floors
    }

    [Fact]
    public void ToCandles_MinuteBars_SplitAtTheMinuteBoundary()
    {
        var minute = TimeSpan.FromMinutes(1);
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(59_999), _btc.At(Ms(59_999), 10m)),
            OnNext(Seconds(60), _btc.At(Seconds(60), 20m)),
            OnCompleted<Trade>(Seconds(61)));
        var results = _scheduler.Start(
            () => xs.ToCandles(minute, _scheduler).ValidateGrammar(), Created, Subscribed, Seconds(200));
        results.Messages.AssertEqual(
            OnNext(Seconds(60), new Candle(_btc.Symbol, minute, At(0), At(Ms(59_999)),
                10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m, true)),
            OnNext(Seconds(61), new Candle(_btc.Symbol, minute, At(Seconds(60)), At(Ms(119_999)),
                20m, 20m, 20m, 20m, 1m, 20m, 1, 1m, 20m, false)),
            OnCompleted<Candle>(Seconds(61)));
    }

    [Fact]
    public void ToCandles_NoFurtherTrade_TimerClosesBarWithExactSums()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(100), _btc.At(Ms(100), 100.01m, 0.003m)),
            OnNext(Ms(300), _btc.At(Ms(300), 100.5m, 0.1m, isBuyerMaker: true)),
            OnNext(Ms(700), _btc.At(Ms(700), 99.99m, 0.2m)));
        var results = Run(xs, disposed: Ms(1500));
        // quote = 0.30003 + 10.05 + 19.998; taker buy = first and last trade.
        results.Messages.AssertEqual(
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 100.01m, 100.5m, 99.99m, 99.99m, 0.303m, 30.34803m, 3,
                0.203m, 20.29803m)));
    }

    [Fact]
    public void ToCandles_TradeOfLaterBar_ClosesBarAtOnce()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(500), _btc.At(Ms(500), 10m)),
            OnNext(Ms(1200), _btc.At(Ms(1200), 12m)));
        var results = Run(xs, disposed: Ms(1800), new CandleOptions { CloseDelay = Seconds5 });
        results.Messages.AssertEqual(
            OnNext(Ms(1200), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m)));
    }

    [Fact]
    public void ToCandles_EmitPartial_EmitsInProgressBarAfterEachTrade()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(100), _btc.At(Ms(100), 10m)),
            OnNext(Ms(300), _btc.At(Ms(300), 12m, 2m, isBuyerMaker: true)));
        var results = Run(xs, disposed: Ms(1500), new CandleOptions { EmitPartial = true });
        results.Messages.AssertEqual(
            OnNext(Ms(100), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m, closed: false)),
            OnNext(Ms(300), Bar(_btc.Symbol, 0, 10m, 12m, 10m, 12m, 3m, 34m, 2, 1m, 10m, closed: false)),
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 10m, 12m, 10m, 12m, 3m, 34m, 2, 1m, 10m)));
    }

    [Fact]
    public void ToCandles_FlatPolicy_EmitsFlatBarEachEmptyInterval()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(500), _btc.At(Ms(500), 10m)),
            OnNext(Ms(3200), _btc.At(Ms(3200), 12m)));
        var results = Run(xs, disposed: Ms(4500));
        results.Messages.AssertEqual(
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m)),
            OnNext(Seconds(2), Flat(_btc.Symbol, 1000, 10m)),
            OnNext(Seconds(3), Flat(_btc.Symbol, 2000, 10m)),
            OnNext(Seconds(4), Bar(_btc.Symbol, 3000, 12m, 12m, 12m, 12m, 1m, 12m, 1, 1m, 12m)));
    }

    [Fact]
    public void ToCandles_SkipPolicy_EmitsNothingForEmptyIntervals()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(500), _btc.At(Ms(500), 10m)),
            OnNext(Ms(3200), _btc.At(Ms(3200), 12m)));
        var results = Run(xs, disposed: Ms(4500), new CandleOptions { EmptyIntervals = EmptyIntervalPolicy.Skip });
        results.Messages.AssertEqual(
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m)),
            OnNext(Seconds(4), Bar(_btc.Symbol, 3000, 12m, 12m, 12m, 12m, 1m, 12m, 1, 1m, 12m)));
    }

    [Fact]
    public void ToCandles_TradeJumpsFarAhead_FillsOnlyTheCapAndCountsTheRest()
    {
        var counters = new CandleCounters();
        var options = new CandleOptions { CloseDelay = Seconds100, MaxFilledIntervals = 2, Counters = counters };
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(100), _btc.At(Ms(100), 10m)),
            OnNext(Ms(200), _btc.At(Ms(6_500), 13m)), // exchange clock far ahead of ours
            OnCompleted<Trade>(Ms(300)));
        var results = Run(xs, disposed: Seconds(5), options);
        results.Messages.AssertEqual(
            OnNext(Ms(200), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m)),
            OnNext(Ms(200), Flat(_btc.Symbol, 4000, 10m)),
            OnNext(Ms(200), Flat(_btc.Symbol, 5000, 10m)),
            OnNext(Ms(300), Bar(_btc.Symbol, 6000, 13m, 13m, 13m, 13m, 1m, 13m, 1, 1m, 13m, closed: false)),
            OnCompleted<Candle>(Ms(300)));
        counters.SkippedIntervals.ShouldBe(3);
    }

    [Fact]
    public void ToCandles_TimerRunsLate_FillsOnlyTheCapThenResumesPerInterval()
    {
        var counters = new CandleCounters();
        var xs = _scheduler.CreateHotObservable(OnNext(Ms(100), _btc.At(Ms(100), 10m)));
        // The clock jumps 5 s without running anything, as after a suspended machine: the 1 s timer runs at 5.9 s.
        _scheduler.ScheduleAbsolute(_scheduler, Ms(900), static (_, scheduler) =>
        {
            scheduler.Sleep(Seconds(5));
            return Disposable.Empty;
        });
        var results = Run(xs, disposed: Ms(6500), new CandleOptions { MaxFilledIntervals = 2, Counters = counters });
        results.Messages.AssertEqual(
            OnNext(Ms(5900), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m)),
            OnNext(Ms(5900), Flat(_btc.Symbol, 3000, 10m)),
            OnNext(Ms(5900), Flat(_btc.Symbol, 4000, 10m)),
            OnNext(Seconds(6), Flat(_btc.Symbol, 5000, 10m)));
        counters.SkippedIntervals.ShouldBe(2);
    }

    [Fact]
    public void ToCandles_TradeOfClosedBar_IsDroppedAndCounted()
    {
        var counters = new CandleCounters();
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(500), _btc.At(Ms(500), 10m)),
            OnNext(Ms(1100), _btc.At(Ms(900), 50m)), // belongs to the bar closed at 1 s
            OnCompleted<Trade>(Ms(1500)));
        var results = Run(xs, disposed: Seconds(5), new CandleOptions { Counters = counters, EmitPartial = true });
        results.Messages.AssertEqual(
            OnNext(Ms(500), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m, closed: false)),
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m)),
            OnCompleted<Candle>(Ms(1500)));
        counters.LateTrades.ShouldBe(1);
    }

    [Fact]
    public void ToCandles_OutOfOrderWithinBar_OpenAndCloseFollowTradeTime()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(100), _btc.At(Ms(300), 11m)),
            OnNext(Ms(200), _btc.At(Ms(100), 10m)),
            OnNext(Ms(400), _btc.At(Ms(350), 12m)),
            OnNext(Ms(500), _btc.At(Ms(200), 13m)));
        var results = Run(xs, disposed: Ms(1500));
        results.Messages.AssertEqual(
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 10m, 13m, 10m, 12m, 4m, 46m, 4, 4m, 46m)));
    }

    [Fact]
    public void ToCandles_TradesAtTheSameTime_OpenIsFirstArrivedCloseIsLastArrived()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(100), _btc.At(Ms(100), 10m)),
            OnNext(Ms(110), _btc.At(Ms(100), 11m)),
            OnNext(Ms(120), _btc.At(Ms(100), 9m)));
        var results = Run(xs, disposed: Ms(1500));
        results.Messages.AssertEqual(
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 10m, 11m, 9m, 9m, 3m, 30m, 3, 3m, 30m)));
    }

    [Fact]
    public void ToCandles_SteadyState_AllocatesNothingPerTrade()
    {
        using var subject = new Subject<Trade>();
        var trades = Enumerable.Range(0, 10_000)
            .Select(i => (i % 2 == 0 ? _btc : _eth).At(Ms(100) + i, 10m + (i % 7), 0.5m, i % 3 == 0))
            .ToArray();
        var count = 0;
        using var subscription = subject.ToCandles(Second, _scheduler).Subscribe(_ => count++);
        foreach (var trade in trades.AsSpan(0, 100))
        {
            subject.OnNext(trade);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var trade in trades.AsSpan(100))
        {
            subject.OnNext(trade);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(1024);
        count.ShouldBe(0);
    }

    [Fact]
    public void ToCandles_SeveralSymbolsInterleaved_KeepIndependentBars()
    {
        var sol = new TradeBuilder("SOLUSDT");
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(100), _btc.At(Ms(100), 100m)),
            OnNext(Ms(150), _eth.At(Ms(150), 10m, 2m)),
            OnNext(Ms(200), _btc.At(Ms(200), 101m)),
            OnNext(Ms(250), _eth.At(Ms(250), 9m, 1m, isBuyerMaker: true)),
            OnNext(Ms(300), _btc.At(Ms(300), 99m)),
            OnNext(Ms(1300), sol.At(Ms(1300), 1m)),
            OnNext(Ms(1400), _eth.At(Ms(1400), 11m)));
        var results = Run(xs, disposed: Ms(2500), new CandleOptions { EmptyIntervals = EmptyIntervalPolicy.Skip });
        results.Messages.AssertEqual(
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 100m, 101m, 99m, 99m, 3m, 300m, 3, 3m, 300m)),
            OnNext(Seconds(1), Bar(_eth.Symbol, 0, 10m, 10m, 9m, 9m, 3m, 29m, 2, 2m, 20m)),
            OnNext(Seconds(2), Bar(_eth.Symbol, 1000, 11m, 11m, 11m, 11m, 1m, 11m, 1, 1m, 11m)),
            OnNext(Seconds(2), Bar(sol.Symbol, 1000, 1m, 1m, 1m, 1m, 1m, 1m, 1, 1m, 1m)));
    }

    [Fact]
    public void ToCandles_CloseDelay_WaitsForTradesArrivingAfterTheBoundary()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(500), _btc.At(Ms(500), 10m)),
            OnNext(Ms(1100), _btc.At(Ms(950), 11m))); // 150 ms network latency
        var results = Run(xs, disposed: Ms(2500), new CandleOptions { CloseDelay = TimeSpan.FromMilliseconds(200) });
        results.Messages.AssertEqual(
            OnNext(Ms(1200), Bar(_btc.Symbol, 0, 10m, 11m, 10m, 11m, 2m, 21m, 2, 2m, 21m)),
            OnNext(Ms(2200), Flat(_btc.Symbol, 1000, 11m)));
    }

    [Fact]
    public void ToCandles_AggregateTrades_AggregateLikeTrades()
    {
        var time = At(Ms(100));
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(100), new AggregateTrade(_btc.Symbol, 1, 10m, 3m, 1, 4, time, time, true)));
        var results = _scheduler.Start(
            () => xs.ToCandles(Second, _scheduler).ValidateGrammar(), Created, Subscribed, Ms(1500));
        results.Messages.AssertEqual(
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 3m, 30m, 1, 0m, 0m)));
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Candles;
using RxTrader.Testing;
using static RxTrader.Testing.MarbleTime;

namespace RxTrader.Streams.Tests.Candles;

/// <summary>Argument checks, the fixed marble matrix and shared helpers; behaviours are in the .Behaviour part.</summary>
public sealed partial class CandleAggregationTests : ReactiveTest
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Seconds5 = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Seconds100 = TimeSpan.FromSeconds(100);

    private readonly TestScheduler _scheduler = new();
    private readonly TradeBuilder _btc = new("BTCUSDT");
    private readonly TradeBuilder _eth = new("ETHUSDT");

    // ---- Argument checking ----

    [Fact]
    public void ToCandles_NullArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<Trade>)null!).ToCandles(Second, _scheduler));
        Should.Throw<ArgumentNullException>(() => _scheduler.CreateHotObservable<Trade>().ToCandles(Second, null!));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-10_000L)]
    [InlineData(5_000L)] // 0.5 ms
    [InlineData(15_000L)] // 1.5 ms: divides a day but is not whole milliseconds
    [InlineData(70_000L)] // 7 ms does not divide a day
    [InlineData(900_000_000_000L)] // 25 h
    [InlineData(1_296_000_000_000L)] // 1.5 days
    public void ToCandles_InvalidInterval_ThrowsAtCallTime(long ticks) =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            _scheduler.CreateHotObservable<Trade>().ToCandles(TimeSpan.FromTicks(ticks), _scheduler));

    [Theory]
    [InlineData(10_000L)] // 1 ms
    [InlineData(10_000_000L)] // 1 s
    [InlineData(600_000_000L)] // 1 m
    [InlineData(144_000_000_000L)] // 4 h
    [InlineData(864_000_000_000L)] // 1 d
    [InlineData(2_592_000_000_000L)] // 3 d
    public void ToCandles_ValidInterval_IsAccepted(long ticks) =>
        _scheduler.CreateHotObservable<Trade>().ToCandles(TimeSpan.FromTicks(ticks), _scheduler).ShouldNotBeNull();

    [Fact]
    public void CandleOptions_InvalidValues_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CandleOptions { CloseDelay = TimeSpan.FromTicks(-1) });
        Should.Throw<ArgumentOutOfRangeException>(() => new CandleOptions { MaxFilledIntervals = -1 });
        Should.Throw<ArgumentOutOfRangeException>(() => new CandleOptions { EmptyIntervals = (EmptyIntervalPolicy)7 });
    }

    [Fact]
    public void CandleOptions_Defaults_AreDocumentedValues()
    {
        var options = new CandleOptions();
        options.CloseDelay.ShouldBe(TimeSpan.Zero);
        options.EmitPartial.ShouldBeFalse();
        options.EmptyIntervals.ShouldBe(EmptyIntervalPolicy.Flat);
        options.MaxFilledIntervals.ShouldBe(1000);
        options.Counters.ShouldBeNull();
    }

    // ---- The fixed matrix: empty, never, error, completion, dispose ----

    [Fact]
    public void ToCandles_Empty_CompletesWithNothing()
    {
        var xs = _scheduler.CreateHotObservable(OnCompleted<Trade>(400));
        var results = _scheduler.Start(() => xs.ToCandles(Second, _scheduler).ValidateGrammar());
        results.Messages.AssertEqual(OnCompleted<Candle>(400));
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void ToCandles_Never_EmitsNothing()
    {
        var xs = _scheduler.CreateHotObservable<Trade>();
        var results = _scheduler.Start(() => xs.ToCandles(Second, _scheduler).ValidateGrammar());
        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void ToCandles_Error_PassesOnAtOnceAndDropsOpenBar()
    {
        var error = new InvalidOperationException("boom");
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(100), _btc.At(Ms(100), 10m)),
            OnError<Trade>(Ms(500), error));
        var results = Run(xs, disposed: Seconds(5));
        results.Messages.AssertEqual(OnError<Candle>(Ms(500), error));
        xs.Subscriptions.AssertEqual(Subscribe(200, Ms(500)));
    }

    [Fact]
    public void ToCandles_Completion_FlushesOpenBarsAsNotClosed()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(100), _btc.At(Ms(100), 10m, 2m)),
            OnNext(Ms(200), _eth.At(Ms(200), 5m, 1m, isBuyerMaker: true)),
            OnNext(Ms(300), _btc.At(Ms(300), 11m, 1m)),
            OnCompleted<Trade>(Ms(500)));
        var results = Run(xs, disposed: Seconds(5));
        results.Messages.AssertEqual(
            OnNext(Ms(500), Bar(_btc.Symbol, 0, 10m, 11m, 10m, 11m, 3m, 31m, 2, 3m, 31m, closed: false)),
            OnNext(Ms(500), Bar(_eth.Symbol, 0, 5m, 5m, 5m, 5m, 1m, 5m, 1, 0m, 0m, closed: false)),
            OnCompleted<Candle>(Ms(500)));
        xs.Subscriptions.AssertEqual(Subscribe(200, Ms(500)));
    }

    [Fact]
    public void ToCandles_CompletionDuringFlatBar_EmitsNoFlatPartial()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(Ms(500), _btc.At(Ms(500), 10m)),
            OnCompleted<Trade>(Ms(1500)));
        var results = Run(xs, disposed: Seconds(5));
        results.Messages.AssertEqual(
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m)),
            OnCompleted<Candle>(Ms(1500)));
    }

    [Fact]
    public void ToCandles_DisposedBeforeTimer_EmitsNothingAfterwards()
    {
        var xs = _scheduler.CreateHotObservable(OnNext(Ms(100), _btc.At(Ms(100), 10m)));
        var results = Run(xs, disposed: Ms(500));
        _scheduler.AdvanceTo(Seconds(10));
        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, Ms(500)));
    }

    [Fact]
    public void ToCandles_DisposedByItsOwnEmission_ArmsNoFurtherTimer()
    {
        var scheduler = new CountingScheduler(_scheduler);
        var xs = _scheduler.CreateHotObservable(OnNext(Ms(100), _btc.At(Ms(100), 10m)));
        var results = _scheduler.Start(
            () => xs.ToCandles(Second, scheduler).Take(1).ValidateGrammar(),
            Created,
            Subscribed,
            Seconds(5));
        results.Messages.AssertEqual(
            OnNext(Seconds(1), Bar(_btc.Symbol, 0, 10m, 10m, 10m, 10m, 1m, 10m, 1, 1m, 10m)),
            OnCompleted<Candle>(Seconds(1)));
        scheduler.Scheduled.ShouldBe(1);
    }

    private ITestableObserver<Candle> Run(ITestableObservable<Trade> xs, long disposed, CandleOptions? options = null) =>
        _scheduler.Start(() => xs.ToCandles(Second, _scheduler, options).ValidateGrammar(), Created, Subscribed, disposed);

    private static Candle Bar(
        Symbol symbol, long openMs, decimal open, decimal high, decimal low, decimal close, decimal volume,
        decimal quoteVolume, long trades, decimal takerBuyVolume, decimal takerBuyQuoteVolume, bool closed = true) =>
        new(symbol, Second, At(Ms(openMs)), At(Ms(openMs + 999)), open, high, low, close, volume, quoteVolume,
            trades, takerBuyVolume, takerBuyQuoteVolume, closed);

    private static Candle Flat(Symbol symbol, long openMs, decimal price) =>
        Bar(symbol, openMs, price, price, price, price, 0m, 0m, 0, 0m, 0m);

    /// <summary>Counts timers the operator schedules, delegating to the test scheduler.</summary>
    private sealed class CountingScheduler(TestScheduler inner) : IScheduler
    {
        public int Scheduled { get; private set; }

        public DateTimeOffset Now => inner.Now;

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, action);
        }

        public IDisposable Schedule<TState>(
            TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, action);
        }

        public IDisposable Schedule<TState>(
            TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, action);
        }
    }
}

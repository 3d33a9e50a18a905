using System.Collections.Immutable;
using System.Reactive;
using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using RxTrader.Binance.Fallback;
using RxTrader.Binance.Rest;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;
using RxTrader.Testing;
using static RxTrader.Binance.Tests.Fallback.FallbackData;
using static RxTrader.Testing.MarbleTime;

namespace RxTrader.Binance.Tests.Fallback;

public sealed class MarketDataFallbackTests : ReactiveTest
{
    private readonly TestScheduler _scheduler = new();
    private readonly ScriptedFallbackSource _source;
    private ITestableObservable<Candle> _candles = null!;
    private ITestableObservable<BookTicker> _books = null!;
    private ITestableObservable<ConnectionEvent> _events = null!;
    private ITestableObserver<Candle> _candlesOut = null!;
    private ITestableObserver<BookTicker> _booksOut = null!;
    private ITestableObserver<FallbackSwitch> _switchesOut = null!;

    public MarketDataFallbackTests() => _source = new ScriptedFallbackSource(_scheduler);

    [Fact]
    public void Socket_Healthy_PassesThroughWithoutPolls()
    {
        var fallback = Run(
            [OnNext(Seconds(1), Minute(0, false)), OnNext(Seconds(2), Minute(0, true))],
            [OnNext(Ms(1500), Book(Btc, 1))],
            [],
            disposeAt: Seconds(10));

        _candlesOut.Messages.AssertEqual(
            OnNext(Seconds(1), Minute(0, false)), OnNext(Seconds(2), Minute(0, true)), OnCompleted<Candle>(Seconds(10)));
        _booksOut.Messages.AssertEqual(OnNext(Ms(1500), Book(Btc, 1)), OnCompleted<BookTicker>(Seconds(10)));
        _switchesOut.Messages.AssertEqual(OnCompleted<FallbackSwitch>(Seconds(10)));
        _source.KlineCalls.ShouldBeEmpty();
        _source.BookTickerCalls.ShouldBeEmpty();
        fallback.Mode.ShouldBe(FallbackMode.Socket);
        _candles.Subscriptions.AssertEqual(Subscribe(0, Seconds(10)));
        _books.Subscriptions.AssertEqual(Subscribe(0, Seconds(10)));
        _events.Subscriptions.AssertEqual(Subscribe(0, Seconds(10)));
    }

    [Fact]
    public void Disconnected_LongerThanThreshold_SwitchesAndPollsAtThePeriods()
    {
        var fallback = Run([], [], [OnNext<ConnectionEvent>(Seconds(1), Down(1))], disposeAt: Ms(9500));

        _switchesOut.Messages.AssertEqual(
            OnNext(Seconds(6), new FallbackSwitch(At(Seconds(6)), "fallback", FallbackMode.Rest, "Disconnected for 00:00:05")),
            OnCompleted<FallbackSwitch>(Ms(9500)));
        _source.BookTickerCalls.ShouldBe([P(6), P(7), P(8), P(9)]);
        _source.KlineCalls.ShouldBe([P(6), P(8)]);
        _booksOut.Messages.AssertEqual(
            OnNext(P(6), Book(Btc, P(6))),
            OnNext(P(7), Book(Btc, P(7))),
            OnNext(P(8), Book(Btc, P(8))),
            OnNext(P(9), Book(Btc, P(9))),
            OnCompleted<BookTicker>(Ms(9500)));
        fallback.Statistics.Polls.ShouldBe(6);
        fallback.Statistics.PollsSucceeded.ShouldBe(6);
        fallback.Statistics.SwitchesToRest.ShouldBe(1);
    }

    [Fact]
    public void Stale_LongerThanThreshold_Switches()
    {
        Run([], [], [OnNext<ConnectionEvent>(Seconds(1), new Stale(At(Seconds(1)), "feed", null))], disposeAt: Ms(6500));

        _switchesOut.Messages.AssertEqual(
            OnNext(Seconds(6), new FallbackSwitch(At(Seconds(6)), "fallback", FallbackMode.Rest, "Stale for 00:00:05")),
            OnCompleted<FallbackSwitch>(Ms(6500)));
        _source.BookTickerCalls.ShouldBe([P(6)]);
    }

    [Fact]
    public void Outage_ShorterThanThreshold_DoesNotSwitch()
    {
        var fallback = Run(
            [],
            [OnNext(Seconds(5), Book(Btc, 5))],
            [OnNext<ConnectionEvent>(Seconds(1), Down(1)), OnNext<ConnectionEvent>(Seconds(4), new Connected(At(Seconds(4)), "feed"))],
            disposeAt: Seconds(30));

        _switchesOut.Messages.AssertEqual(OnCompleted<FallbackSwitch>(Seconds(30)));
        _booksOut.Messages.AssertEqual(OnNext(Seconds(5), Book(Btc, 5)), OnCompleted<BookTicker>(Seconds(30)));
        _source.BookTickerCalls.ShouldBeEmpty();
        fallback.Statistics.SwitchesToRest.ShouldBe(0);
    }

    [Fact]
    public void Socket_RecoversWithData_SwitchesBackAndStopsPolling()
    {
        var fallback = Run(
            [],
            [OnNext(Ms(7200), Book(Btc, 1)), OnNext(Ms(8200), Book(Btc, 2)), OnNext(Seconds(9), Book(Btc, 3))],
            [OnNext<ConnectionEvent>(Seconds(1), Down(1)), OnNext<ConnectionEvent>(Ms(7500), new Connected(At(Ms(7500)), "feed"))],
            disposeAt: Seconds(20));

        _switchesOut.Messages.AssertEqual(
            OnNext(Seconds(6), new FallbackSwitch(At(Seconds(6)), "fallback", FallbackMode.Rest, "Disconnected for 00:00:05")),
            OnNext(Ms(8200), new FallbackSwitch(At(Ms(8200)), "fallback", FallbackMode.Socket, "socket data resumed")),
            OnCompleted<FallbackSwitch>(Seconds(20)));

        // Socket data before the socket reconnected (7.2 s) is ignored; from the switch back, only socket data flows.
        _booksOut.Messages.AssertEqual(
            OnNext(P(6), Book(Btc, P(6))),
            OnNext(P(7), Book(Btc, P(7))),
            OnNext(P(8), Book(Btc, P(8))),
            OnNext(Ms(8200), Book(Btc, 2)),
            OnNext(Seconds(9), Book(Btc, 3)),
            OnCompleted<BookTicker>(Seconds(20)));
        _source.BookTickerCalls.ShouldBe([P(6), P(7), P(8)]);
        _source.KlineCalls.ShouldBe([P(6), P(8)]);
        fallback.Mode.ShouldBe(FallbackMode.Socket);
        fallback.Statistics.SwitchesToSocket.ShouldBe(1);
    }

    [Fact]
    public void Budget_Exhausted_SkipsAndCountsPollsUntilWeightFrees()
    {
        _source.CurrentMinuteWeight = 599;
        _scheduler.ScheduleAbsolute(Ms(8500), () => _source.CurrentMinuteWeight = 598);
        _scheduler.ScheduleAbsolute(Ms(9500), () => _source.IsBlocked = true);
        var fallback = Run([], [], [OnNext<ConnectionEvent>(Seconds(1), Down(1))], disposeAt: Ms(10500));

        // Book ticker: 6, 7, 8 skipped (599 + 2 > 600), 9 sent, 10 skipped (blocked); klines: 6, 8 skipped, 10 skipped.
        _source.BookTickerCalls.ShouldBe([P(9)]);
        _source.KlineCalls.ShouldBeEmpty();
        fallback.Statistics.PollsSkippedForBudget.ShouldBe(7);
        fallback.Statistics.Polls.ShouldBe(1);
    }

    [Fact]
    public void RestErrors_AreCountedAndPollingGoesOn()
    {
        _source.BookTicker = static (_, time) => time == P(6)
            ? new RestResult<BookTicker>.Rejected(400, -1121, "Invalid symbol.")
            : time == P(7)
                ? new RestResult<BookTicker>.Unknown(UnknownReason.Timeout, "timeout")
                : new RestResult<BookTicker>.RateLimited(RateLimitReason.TooManyRequests, At(Seconds(60)), -1003, "too many");
        _source.Klines = static (_, time) => time == P(6)
            ? throw new InvalidOperationException("boom")
            : new RestResult<ImmutableArray<Candle>>.Malformed(200, "bad body");
        var fallback = Run([], [], [OnNext<ConnectionEvent>(Seconds(1), Down(1))], disposeAt: Ms(8500));

        _source.BookTickerCalls.ShouldBe([P(6), P(7), P(8)]);
        _source.KlineCalls.ShouldBe([P(6), P(8)]);
        _booksOut.Messages.AssertEqual(OnCompleted<BookTicker>(Ms(8500)));
        var statistics = fallback.Statistics;
        (statistics.Polls, statistics.PollsRejected, statistics.PollsUnknown, statistics.PollsRateLimited,
            statistics.PollsFaulted, statistics.PollsMalformed, statistics.PollsSucceeded).ShouldBe((5L, 1L, 1L, 1L, 1L, 1L, 0L));
    }

    [Fact]
    public void SlowPoll_NextPollWaitsForItsAnswer()
    {
        var slow = new TaskCompletionSource<RestResult<BookTicker>>();
        _scheduler.ScheduleAbsolute(Ms(8500), () => slow.SetResult(new RestResult<BookTicker>.Ok(Book(Btc, 1))));
        _source.BookTickerTask = (symbol, time) =>
            time == P(6) ? slow.Task : Task.FromResult<RestResult<BookTicker>>(new RestResult<BookTicker>.Ok(Book(symbol, time)));
        Run([], [], [OnNext<ConnectionEvent>(Seconds(1), Down(1))], disposeAt: Ms(9600));

        // The answer came 1.5 periods late: the next poll follows it at once, then the period counts from there.
        _source.BookTickerCalls.ShouldBe([P(6), Ms(8500) + 1, Ms(9500) + 1]);
        _booksOut.Messages.Take(2).ShouldBe([OnNext(Ms(8500), Book(Btc, 1)), OnNext(Ms(8500) + 1, Book(Btc, Ms(8500) + 1))]);
    }

    [Fact]
    public void SwitchBack_WithPollInFlight_CancelsItAndDropsItsAnswer()
    {
        var slow = new TaskCompletionSource<RestResult<BookTicker>>();
        _scheduler.ScheduleAbsolute(Ms(8500), () => slow.TrySetResult(new RestResult<BookTicker>.Ok(Book(Btc, 1))));
        _source.BookTickerTask = (_, _) => slow.Task;
        var fallback = Run(
            [],
            [OnNext(Ms(7500), Book(Btc, 2))],
            [OnNext<ConnectionEvent>(Seconds(1), Down(1)), OnNext<ConnectionEvent>(Seconds(7), new Fresh(At(Seconds(7)), "feed", TimeSpan.FromSeconds(6)))],
            disposeAt: Seconds(20));

        _source.Tokens.ShouldHaveSingleItem().IsCancellationRequested.ShouldBeTrue();
        _booksOut.Messages.AssertEqual(OnNext(Ms(7500), Book(Btc, 2)), OnCompleted<BookTicker>(Seconds(20)));
        _source.BookTickerCalls.ShouldBe([P(6)]);
        fallback.Statistics.PollsFaulted.ShouldBe(0);
    }

    [Fact]
    public void FeedGaveUp_SeveralSymbols_EachPolled()
    {
        var eth = new Symbol("ETHUSDT");
        _candles = _scheduler.CreateHotObservable<Candle>();
        _books = _scheduler.CreateHotObservable<BookTicker>();
        _events = _scheduler.CreateHotObservable(
            OnNext<ConnectionEvent>(Seconds(1), new RxTrader.Binance.Feed.FeedGaveUp(At(Seconds(1)), "feed", 10)));
        using var fallback = new MarketDataFallback(
            _candles, _books, _events, _source, [Btc, eth, Btc], _scheduler,
            new MarketDataFallbackOptions { SwitchAfter = TimeSpan.FromSeconds(2), Name = "btc-eth" });
        var switches = _scheduler.CreateObserver<FallbackSwitch>();
        fallback.Switches.ValidateGrammar().Subscribe(switches);
        fallback.Start();
        _scheduler.AdvanceTo(Ms(3500));

        switches.Messages.AssertEqual(
            OnNext(Seconds(3), new FallbackSwitch(At(Seconds(3)), "btc-eth", FallbackMode.Rest, "FeedGaveUp for 00:00:02")));
        _source.Symbols.ShouldBe([Btc, eth]);
    }

    [Fact]
    public void Candles_AcrossSwitches_ClosedOnesEmittedOnce()
    {
        _source.Klines = static (_, time) => new RestResult<ImmutableArray<Candle>>.Ok(
            time < Seconds(120) ? [Minute(0, true), Minute(1, false)] : [Minute(1, true), Minute(2, false)]);
        var fallback = Run(
            [OnNext(Seconds(60), Minute(0, true)), OnNext(Ms(121500), Minute(1, true)), OnNext(Seconds(122), Minute(2, false, 101m))],
            [],
            [OnNext<ConnectionEvent>(Seconds(61), Down(61)), OnNext<ConnectionEvent>(Seconds(121), new Fresh(At(Seconds(121)), "feed", TimeSpan.FromSeconds(60)))],
            disposeAt: Seconds(130));

        // REST says minute 1 is closed only once its close time has passed on the scheduler's clock (at the 120 s poll).
        _candlesOut.Messages.AssertEqual(
            OnNext(Seconds(60), Minute(0, true)),
            OnNext(P(66), Minute(1, false)),
            OnNext(P(120), Minute(1, true)),
            OnNext(P(120), Minute(2, false)),
            OnNext(Seconds(122), Minute(2, false, 101m)),
            OnCompleted<Candle>(Seconds(130)));
        _switchesOut.Messages.Where(m => m.Value.HasValue).Select(m => m.Value.Value.Mode).ShouldBe([FallbackMode.Rest, FallbackMode.Socket]);
        _switchesOut.Messages[1].Time.ShouldBe(Ms(121500));
        fallback.Statistics.DuplicateCandlesDropped.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void RestCandle_ClosedOnExchangeButNotYetOnOurClock_IsEmittedOpen()
    {
        _source.Klines = static (_, _) => new RestResult<ImmutableArray<Candle>>.Ok([Minute(0, true)]);
        Run([], [], [OnNext<ConnectionEvent>(Seconds(1), Down(1))], disposeAt: Ms(6500));

        _candlesOut.Messages.AssertEqual(OnNext(P(6), Minute(0, false)), OnCompleted<Candle>(Ms(6500)));
    }

    [Fact]
    public void Dispose_InRestMode_StopsPollsAndEvents()
    {
        var fallback = Run(
            [OnNext(Seconds(8), Minute(0, false))],
            [],
            [OnNext<ConnectionEvent>(Seconds(1), Down(1)), OnNext<ConnectionEvent>(Seconds(8), Down(8))],
            disposeAt: Ms(7500));

        _source.BookTickerCalls.ShouldBe([P(6), P(7)]);
        _source.KlineCalls.ShouldBe([P(6)]);
        _candlesOut.Messages.AssertEqual(OnCompleted<Candle>(Ms(7500)));
        _switchesOut.Messages.Count.ShouldBe(2);
        _events.Subscriptions.AssertEqual(Subscribe(0, Ms(7500)));
        _candles.Subscriptions.AssertEqual(Subscribe(0, Ms(7500)));
        fallback.Dispose();
    }

    [Fact]
    public void InputError_EndsOutputsAndPolling()
    {
        var error = new InvalidOperationException("feed broke");
        Run([], [], [OnNext<ConnectionEvent>(Seconds(1), Down(1)), OnError<ConnectionEvent>(Ms(7500), error)], disposeAt: Seconds(20));

        _source.BookTickerCalls.ShouldBe([P(6), P(7)]);
        _candlesOut.Messages.AssertEqual(OnError<Candle>(Ms(7500), error));
        _booksOut.Messages.Last().ShouldBe(OnError<BookTicker>(Ms(7500), error));
        _switchesOut.Messages.Last().ShouldBe(OnError<FallbackSwitch>(Ms(7500), error));
        _candles.Subscriptions.AssertEqual(Subscribe(0, Ms(7500)));
        _books.Subscriptions.AssertEqual(Subscribe(0, Ms(7500)));
    }

    [Fact]
    public void InputCompleted_CompletesOutputs()
    {
        Run([OnCompleted<Candle>(Seconds(3))], [], [OnNext<ConnectionEvent>(Seconds(1), Down(1))], disposeAt: Seconds(20));

        _candlesOut.Messages.AssertEqual(OnCompleted<Candle>(Seconds(3)));
        _booksOut.Messages.AssertEqual(OnCompleted<BookTicker>(Seconds(3)));
        _switchesOut.Messages.AssertEqual(OnCompleted<FallbackSwitch>(Seconds(3)));
        _source.BookTickerCalls.ShouldBeEmpty();
        _events.Subscriptions.AssertEqual(Subscribe(0, Seconds(3)));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        var candles = _scheduler.CreateHotObservable<Candle>();
        var books = _scheduler.CreateHotObservable<BookTicker>();
        var events = _scheduler.CreateHotObservable<ConnectionEvent>();
        Symbol[] symbols = [Btc];

        Should.Throw<ArgumentNullException>(() => new MarketDataFallback(null!, books, events, _source, symbols, _scheduler));
        Should.Throw<ArgumentNullException>(() => new MarketDataFallback(candles, null!, events, _source, symbols, _scheduler));
        Should.Throw<ArgumentNullException>(() => new MarketDataFallback(candles, books, null!, _source, symbols, _scheduler));
        Should.Throw<ArgumentNullException>(() => new MarketDataFallback(candles, books, events, null!, symbols, _scheduler));
        Should.Throw<ArgumentNullException>(() => new MarketDataFallback(candles, books, events, _source, null!, _scheduler));
        Should.Throw<ArgumentNullException>(() => new MarketDataFallback(candles, books, events, _source, symbols, null!));
        Should.Throw<ArgumentException>(() => new MarketDataFallback(candles, books, events, _source, [], _scheduler));
        Should.Throw<ArgumentException>(() => new MarketDataFallback(candles, books, events, _source, [default], _scheduler));
        Should.Throw<ArgumentOutOfRangeException>(() => new MarketDataFallback(
            candles, books, events, _source, symbols, _scheduler, new MarketDataFallbackOptions { SwitchAfter = TimeSpan.Zero }));
        Should.Throw<ArgumentOutOfRangeException>(() => new MarketDataFallback(
            candles, books, events, _source, symbols, _scheduler, new MarketDataFallbackOptions { BookTickerPollPeriod = TimeSpan.Zero }));
        Should.Throw<ArgumentOutOfRangeException>(() => new MarketDataFallback(
            candles, books, events, _source, symbols, _scheduler, new MarketDataFallbackOptions { KlinesPollPeriod = TimeSpan.FromSeconds(-1) }));
        Should.Throw<ArgumentOutOfRangeException>(() => new MarketDataFallback(
            candles, books, events, _source, symbols, _scheduler, new MarketDataFallbackOptions { WeightBudgetPerMinute = 0 }));
        Should.Throw<ArgumentException>(() => new MarketDataFallback(
            candles, books, events, _source, symbols, _scheduler, new MarketDataFallbackOptions { KlineInterval = " " }));
        Should.Throw<ArgumentNullException>(() => new BinanceRestFallbackSource(null!));
        candles.Subscriptions.ShouldBeEmpty();
    }

    [Fact]
    public void Start_Twice_OrAfterDispose_Throws()
    {
        var fallback = new MarketDataFallback(
            _scheduler.CreateHotObservable<Candle>(), _scheduler.CreateHotObservable<BookTicker>(),
            _scheduler.CreateHotObservable<ConnectionEvent>(), _source, [Btc], _scheduler);
        fallback.Start();
        Should.Throw<InvalidOperationException>(fallback.Start);
        fallback.Dispose();
        Should.Throw<ObjectDisposedException>(fallback.Start);
    }

    // A poll scheduled "now" runs one tick later on the TestScheduler.
    private static long P(long seconds) => Seconds(seconds) + 1;

    private static Disconnected Down(long seconds) =>
        new(At(Seconds(seconds)), "feed", DisconnectReason.TransportError);

    private MarketDataFallback Run(
        Recorded<Notification<Candle>>[] candles,
        Recorded<Notification<BookTicker>>[] books,
        Recorded<Notification<ConnectionEvent>>[] events,
        long disposeAt)
    {
        _candles = _scheduler.CreateHotObservable(candles);
        _books = _scheduler.CreateHotObservable(books);
        _events = _scheduler.CreateHotObservable(events);
        var fallback = new MarketDataFallback(_candles, _books, _events, _source, [Btc], _scheduler);
        _candlesOut = _scheduler.CreateObserver<Candle>();
        _booksOut = _scheduler.CreateObserver<BookTicker>();
        _switchesOut = _scheduler.CreateObserver<FallbackSwitch>();
        fallback.Candles.ValidateGrammar().Subscribe(_candlesOut);
        fallback.BookTickers.ValidateGrammar().Subscribe(_booksOut);
        fallback.Switches.ValidateGrammar().Subscribe(_switchesOut);
        fallback.Start();
        _scheduler.ScheduleAbsolute(disposeAt, fallback.Dispose);
        _scheduler.Start();
        return fallback;
    }
}

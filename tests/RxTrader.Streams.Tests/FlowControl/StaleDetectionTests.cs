using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Core.Connectivity;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.FlowControl;

public sealed class StaleDetectionTests : ReactiveTest
{
    private const string Name = "btcusdt@trade";
    private static readonly TimeSpan Timeout = TimeSpan.FromTicks(100);

    private static Recorded<Notification<ConnectionEvent>> StaleAt(long ticks, long? lastData) =>
        OnNext<ConnectionEvent>(ticks, new Stale(MarbleTime.At(ticks), Name, lastData is { } t ? MarbleTime.At(t) : null));

    private static Recorded<Notification<ConnectionEvent>> FreshAt(long ticks, long staleFor) =>
        OnNext<ConnectionEvent>(ticks, new Fresh(MarbleTime.At(ticks), Name, TimeSpan.FromTicks(staleFor)));

    [Fact]
    public void DetectStale_BadArguments_ThrowAtCallTime()
    {
        var xs = Observable.Never<int>();
        var scheduler = new TestScheduler();
        Should.Throw<ArgumentNullException>(() => StaleDetectionExtensions.DetectStale<int>(null!, Timeout, scheduler, Name));
        Should.Throw<ArgumentNullException>(() => xs.DetectStale(Timeout, null!, Name));
        Should.Throw<ArgumentNullException>(() => xs.DetectStale(Timeout, scheduler, null!));
        Should.Throw<ArgumentOutOfRangeException>(() => xs.DetectStale(TimeSpan.Zero, scheduler, Name));
        Should.Throw<ArgumentOutOfRangeException>(() => xs.DetectStale(TimeSpan.FromTicks(-1), scheduler, Name));
    }

    [Fact]
    public void DetectStale_Empty_CompletesWithoutStale()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<int>(250));

        var results = scheduler.Start(() => xs.DetectStale(Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(OnCompleted<ConnectionEvent>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void DetectStale_Never_OneStaleWithoutLastDataTime()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<int>();

        var results = scheduler.Start(() => xs.DetectStale(Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(StaleAt(300, null));
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void DetectStale_Error_PassesOnWithoutStale()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("boom");
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnError<int>(250, error));

        var results = scheduler.Start(() => xs.DetectStale(Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(OnError<ConnectionEvent>(250, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void DetectStale_CompletedWhileStale_CompletesWithNothingAfter()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnCompleted<int>(400));

        var results = scheduler.Start(() => xs.DetectStale(Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(StaleAt(310, 210), OnCompleted<ConnectionEvent>(400));
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void DetectStale_Disposed_EmitsNothingAfterwards()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(Enumerable.Range(0, 40).Select(i => OnNext(210 + (i * 20), i)).ToArray());

        var results = scheduler.Start(() => xs.DetectStale(Timeout, scheduler, Name).ValidateGrammar());

        // The last element at 990 would make the stream stale at 1090, after disposal at 1000.
        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
        scheduler.Clock.ShouldBe(1000); // the pending timer was cancelled, not run
    }

    [Fact]
    public void DetectStale_SilenceThenData_StaleThenFreshWithDuration()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, 1), OnNext(250, 2), // stale at 350, once, although silent until 500
            OnNext(500, 3), OnNext(520, 4), // fresh at 500, silent for 250
            OnCompleted<int>(700)); // stale at 620

        var results = scheduler.Start(() => xs.DetectStale(Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(
            StaleAt(350, 250), FreshAt(500, 250), StaleAt(620, 520), OnCompleted<ConnectionEvent>(700));
        xs.Subscriptions.AssertEqual(Subscribe(200, 700));
    }

    [Fact]
    public void DetectStale_FirstDataAfterStale_FreshCountsFromSubscription()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(450, 1), OnCompleted<int>(500));

        var results = scheduler.Start(() => xs.DetectStale(Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(StaleAt(300, null), FreshAt(450, 250), OnCompleted<ConnectionEvent>(500));
        xs.Subscriptions.AssertEqual(Subscribe(200, 500));
    }

    [Fact]
    public void DetectStale_SteadyData_NeverStale()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            Enumerable.Range(0, 30).Select(i => OnNext(230 + (i * 25), i)).Append(OnCompleted<int>(990)).ToArray());

        var results = scheduler.Start(() => xs.DetectStale(Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(OnCompleted<ConnectionEvent>(990));
        xs.Subscriptions.AssertEqual(Subscribe(200, 990));
    }

    [Fact]
    public void DetectStale_BusyStream_OneTimerPerTimeoutNotPerElement()
    {
        var scheduler = new TestScheduler();
        var counting = new CountingScheduler(scheduler);
        var xs = scheduler.CreateHotObservable(Enumerable.Range(0, 700).Select(i => OnNext(201 + i, i)).ToArray());

        scheduler.Start(() => xs.DetectStale(Timeout, counting, Name).ValidateGrammar());

        // 700 elements over 700 ticks with a 100-tick timeout: about one timer per 100 ticks.
        counting.Scheduled.ShouldBeLessThanOrEqualTo(9);
    }

    private sealed class CountingScheduler(IScheduler inner) : IScheduler
    {
        public int Scheduled { get; private set; }

        public DateTimeOffset Now => inner.Now;

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, action);
        }

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, action);
        }

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, action);
        }
    }
}

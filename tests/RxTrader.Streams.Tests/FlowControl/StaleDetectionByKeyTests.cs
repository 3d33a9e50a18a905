using System.Reactive;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Core.Connectivity;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.FlowControl;

public sealed class StaleDetectionByKeyTests : ReactiveTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromTicks(100);

    private static char Key(char c) => c;

    private static string Name(char key) => $"{key}@trade";

    private static Recorded<Notification<ConnectionEvent>> StaleAt(long ticks, char key, long lastData) =>
        OnNext<ConnectionEvent>(ticks, new Stale(MarbleTime.At(ticks), Name(key), MarbleTime.At(lastData)));

    private static Recorded<Notification<ConnectionEvent>> FreshAt(long ticks, char key, long staleFor) =>
        OnNext<ConnectionEvent>(ticks, new Fresh(MarbleTime.At(ticks), Name(key), TimeSpan.FromTicks(staleFor)));

    [Fact]
    public void DetectStale_Keyed_BadArguments_ThrowAtCallTime()
    {
        var xs = Observable.Never<char>();
        var scheduler = new TestScheduler();
        Should.Throw<ArgumentNullException>(() => StaleDetectionExtensions.DetectStale<char, char>(null!, Key, Timeout, scheduler, Name));
        Should.Throw<ArgumentNullException>(() => xs.DetectStale<char, char>(null!, Timeout, scheduler, Name));
        Should.Throw<ArgumentNullException>(() => xs.DetectStale(Key, Timeout, null!, Name));
        Should.Throw<ArgumentNullException>(() => xs.DetectStale(Key, Timeout, scheduler, null!));
        Should.Throw<ArgumentOutOfRangeException>(() => xs.DetectStale(Key, TimeSpan.Zero, scheduler, Name));
        Should.Throw<ArgumentOutOfRangeException>(() => xs.DetectStale(Key, TimeSpan.FromTicks(-1), scheduler, Name));
    }

    [Fact]
    public void DetectStale_Keyed_Empty_Completes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<char>(250));

        var results = scheduler.Start(() => xs.DetectStale(Key, Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(OnCompleted<ConnectionEvent>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void DetectStale_Keyed_Never_ReportsNothing()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<char>();

        var results = scheduler.Start(() => xs.DetectStale(Key, Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void DetectStale_Keyed_Error_PassesOn()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("boom");
        var xs = scheduler.CreateHotObservable(OnNext(210, 'a'), OnError<char>(400, error));

        var results = scheduler.Start(() => xs.DetectStale(Key, Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(StaleAt(310, 'a', 210), OnError<ConnectionEvent>(400, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void DetectStale_Keyed_Disposed_EmitsNothingAfterwards()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(950, 'a'), OnNext(960, 'b'));

        var results = scheduler.Start(() => xs.DetectStale(Key, Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
        scheduler.Clock.ShouldBe(1000); // the timers due at 1050 and 1060 were cancelled, not run
    }

    [Fact]
    public void DetectStale_Keyed_EachKeyHasItsOwnTimer()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, 'a'), OnNext(220, 'b'), OnNext(260, 'a'), // b stale at 320, a at 360
            OnNext(400, 'b'), // b fresh after 180 of silence
            OnCompleted<char>(450));

        var results = scheduler.Start(() => xs.DetectStale(Key, Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(
            StaleAt(320, 'b', 220), StaleAt(360, 'a', 260), FreshAt(400, 'b', 180), OnCompleted<ConnectionEvent>(450));
        xs.Subscriptions.AssertEqual(Subscribe(200, 450));
    }

    [Fact]
    public void DetectStale_Keyed_SourceName_CalledOncePerKey()
    {
        var scheduler = new TestScheduler();
        var calls = new List<char>();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, 'a'), OnNext(220, 'b'), OnNext(230, 'a'), OnNext(500, 'a'), OnCompleted<char>(600));

        scheduler.Start(() => xs.DetectStale(Key, Timeout, scheduler, k =>
        {
            calls.Add(k);
            return Name(k);
        }).ValidateGrammar());

        calls.ShouldBe(['a', 'b']);
    }

    [Fact]
    public void DetectStale_Keyed_KeySelectorThrows_Errors()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("bad key");
        var xs = scheduler.CreateHotObservable(OnNext(210, 'a'), OnNext(230, 'x'));

        var results = scheduler.Start(() =>
            xs.DetectStale(c => c == 'x' ? throw error : c, Timeout, scheduler, Name).ValidateGrammar());

        results.Messages.AssertEqual(OnError<ConnectionEvent>(230, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 230));
    }

    [Fact]
    public void DetectStale_Keyed_SourceNameThrows_Errors()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("bad name");
        var xs = scheduler.CreateHotObservable(OnNext(210, 'a'), OnNext(230, 'x'));

        var results = scheduler.Start(() =>
            xs.DetectStale(Key, Timeout, scheduler, c => c == 'x' ? throw error : Name(c)).ValidateGrammar());

        results.Messages.AssertEqual(OnError<ConnectionEvent>(230, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 230));
    }
}

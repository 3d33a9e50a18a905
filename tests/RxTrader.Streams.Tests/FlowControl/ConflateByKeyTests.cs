using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.FlowControl;

public sealed class ConflateByKeyTests : ReactiveTest
{
    private static readonly TimeSpan Period = TimeSpan.FromTicks(100);

    private static char Key((char Key, int Value) x) => x.Key;

    [Fact]
    public void Conflate_Keyed_BadArguments_ThrowAtCallTime()
    {
        var xs = Observable.Never<(char, int)>();
        var scheduler = new TestScheduler();
        Should.Throw<ArgumentNullException>(() => ConflateExtensions.Conflate<(char, int), char>(null!, Key, Period, scheduler));
        Should.Throw<ArgumentNullException>(() => xs.Conflate<(char, int), char>(null!, Period, scheduler));
        Should.Throw<ArgumentNullException>(() => xs.Conflate(Key, Period, null!));
        Should.Throw<ArgumentOutOfRangeException>(() => xs.Conflate(Key, TimeSpan.Zero, scheduler));
        Should.Throw<ArgumentOutOfRangeException>(() => xs.Conflate(Key, TimeSpan.FromTicks(-1), scheduler));
    }

    [Fact]
    public void Conflate_Keyed_Empty_Completes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<(char, int)>(250));

        var results = scheduler.Start(() => xs.Conflate(Key, Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnCompleted<(char, int)>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Conflate_Keyed_Never_DeliversNothing()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<(char, int)>();

        var results = scheduler.Start(() => xs.Conflate(Key, Period, scheduler).ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Conflate_Keyed_Error_FlushesAllKeysInArrivalOrderThenErrors()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("boom");
        var xs = scheduler.CreateHotObservable(
            OnNext(210, ('a', 1)), OnNext(220, ('b', 1)), OnNext(230, ('b', 2)), OnNext(240, ('a', 2)),
            OnError<(char, int)>(250, error));

        var results = scheduler.Start(() => xs.Conflate(Key, Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(
            OnNext(210, ('a', 1)), OnNext(220, ('b', 1)), OnNext(250, ('b', 2)), OnNext(250, ('a', 2)),
            OnError<(char, int)>(250, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Conflate_Keyed_Completed_FlushesAllKeysInArrivalOrderThenCompletes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, ('a', 1)), OnNext(220, ('b', 1)), OnNext(225, ('a', 9)), OnNext(230, ('b', 2)),
            OnNext(240, ('a', 2)), OnCompleted<(char, int)>(250));

        var results = scheduler.Start(() => xs.Conflate(Key, Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(
            OnNext(210, ('a', 1)), OnNext(220, ('b', 1)), OnNext(250, ('b', 2)), OnNext(250, ('a', 2)),
            OnCompleted<(char, int)>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Conflate_Keyed_Disposed_DeliversNothingAfterwards()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(950, ('a', 1)), OnNext(955, ('b', 1)), OnNext(960, ('a', 2)), OnNext(965, ('b', 2)));

        var results = scheduler.Start(() => xs.Conflate(Key, Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(950, ('a', 1)), OnNext(955, ('b', 1)));
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
        scheduler.Clock.ShouldBe(1000); // the timers due at 1050 and 1055 were cancelled, not run
    }

    [Fact]
    public void Conflate_Keyed_KeysAreIndependent()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, ('a', 1)), OnNext(220, ('b', 1)), OnNext(230, ('a', 2)), OnNext(240, ('a', 3)),
            OnNext(250, ('b', 2)), OnNext(600, ('a', 4)), OnCompleted<(char, int)>(700));

        var results = scheduler.Start(() => xs.Conflate(Key, Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(
            OnNext(210, ('a', 1)), OnNext(220, ('b', 1)), OnNext(310, ('a', 3)), OnNext(320, ('b', 2)),
            OnNext(600, ('a', 4)), OnCompleted<(char, int)>(700));
        xs.Subscriptions.AssertEqual(Subscribe(200, 700));
    }

    [Fact]
    public void Conflate_Keyed_KeySelectorThrows_FlushesThenErrors()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("bad key");
        var xs = scheduler.CreateHotObservable(OnNext(210, ('a', 1)), OnNext(220, ('a', 2)), OnNext(230, ('x', 0)));

        var results = scheduler.Start(() =>
            xs.Conflate(x => x.Item1 == 'x' ? throw error : x.Item1, Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(210, ('a', 1)), OnNext(230, ('a', 2)), OnError<(char, int)>(230, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 230));
    }

    [Fact]
    public void Conflate_Keyed_IdleKeys_HoldNoState()
    {
        var scheduler = new TestScheduler();
        var observer = scheduler.CreateObserver<(char Key, int Value)>();
        using var conflate = new ConflateByKey<(char Key, int Value), char>(observer, Key, Period, scheduler);

        scheduler.AdvanceTo(200);
        conflate.OnNext(('a', 1));
        conflate.OnNext(('b', 1));
        conflate.OnNext(('a', 2));
        conflate.ActiveKeyCount.ShouldBe(2);

        scheduler.AdvanceTo(300); // a delivers its pending value and stays active; b goes idle
        conflate.ActiveKeyCount.ShouldBe(1);
        scheduler.AdvanceTo(400);
        conflate.ActiveKeyCount.ShouldBe(0);

        observer.Messages.AssertEqual(OnNext(200, ('a', 1)), OnNext(200, ('b', 1)), OnNext(300, ('a', 2)));
    }

    [Fact]
    public void Conflate_Keyed_ProducerOnAnotherThread_KeepsGrammarAndDeliversLastValues()
    {
        const int count = 200_000;
        using var timers = new EventLoopScheduler();
        using var producer = new EventLoopScheduler();
        var violations = new List<string>();
        var received = new List<int>();
        using var done = new ManualResetEventSlim();
        var source = Observable.Range(1, count, producer);

        using var subscription = source
            .Conflate(static i => i % 7, TimeSpan.FromTicks(1), timers)
            .ValidateGrammar(violations)
            .Subscribe(received.Add, () => done.Set());

        done.Wait(TimeSpan.FromMinutes(1)).ShouldBeTrue();
        violations.ShouldBeEmpty();
        for (var key = 0; key < 7; key++)
        {
            var values = received.Where(i => i % 7 == key).ToList();
            values.ShouldBeInOrder(SortDirection.Ascending);
            values[^1].ShouldBe(count - ((count - key) % 7)); // the key's last value
        }
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.FlowControl;

public sealed class ConflateTests : ReactiveTest
{
    private static readonly TimeSpan Period = TimeSpan.FromTicks(100);

    [Fact]
    public void Conflate_BadArguments_ThrowAtCallTime()
    {
        var xs = Observable.Never<int>();
        var scheduler = new TestScheduler();
        Should.Throw<ArgumentNullException>(() => ConflateExtensions.Conflate<int>(null!, Period, scheduler));
        Should.Throw<ArgumentNullException>(() => xs.Conflate(Period, null!));
        Should.Throw<ArgumentOutOfRangeException>(() => xs.Conflate(TimeSpan.Zero, scheduler));
        Should.Throw<ArgumentOutOfRangeException>(() => xs.Conflate(TimeSpan.FromTicks(-1), scheduler));
    }

    [Fact]
    public void Conflate_Empty_Completes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<int>(250));

        var results = scheduler.Start(() => xs.Conflate(Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnCompleted<int>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Conflate_Never_DeliversNothing()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<int>();

        var results = scheduler.Start(() => xs.Conflate(Period, scheduler).ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Conflate_Error_FlushesPendingThenErrors()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("boom");
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnNext(230, 3), OnError<int>(250, error));

        var results = scheduler.Start(() => xs.Conflate(Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(210, 1), OnNext(250, 3), OnError<int>(250, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Conflate_Completed_FlushesPendingThenCompletes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnCompleted<int>(250));

        var results = scheduler.Start(() => xs.Conflate(Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(210, 1), OnNext(250, 2), OnCompleted<int>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Conflate_CompletedWhileIdle_CompletesOnly()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnCompleted<int>(250));

        var results = scheduler.Start(() => xs.Conflate(Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(210, 1), OnCompleted<int>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Conflate_DisposedWithPending_DeliversNothingAfterwards()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(950, 1), OnNext(960, 2), OnNext(1010, 3));

        var results = scheduler.Start(() => xs.Conflate(Period, scheduler).ValidateGrammar());

        // The period that would deliver 2 ends at 1050, after disposal at 1000.
        results.Messages.AssertEqual(OnNext(950, 1));
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
        scheduler.Clock.ShouldBe(1010);
    }

    [Fact]
    public void Conflate_Burst_DeliversFirstAtOnceAndLatestAtPeriodEnd()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, 1), OnNext(220, 2), OnNext(230, 3), // 1 at once, 3 at 310
            OnNext(330, 4), OnNext(350, 5), // 5 at 410; the period ending at 510 is empty -> idle
            OnNext(600, 6), // idle: at once
            OnCompleted<int>(700));

        var results = scheduler.Start(() => xs.Conflate(Period, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(
            OnNext(210, 1), OnNext(310, 3), OnNext(410, 5), OnNext(600, 6), OnCompleted<int>(700));
        xs.Subscriptions.AssertEqual(Subscribe(200, 700));
    }

    [Fact]
    public void Conflate_SteadyStream_AtMostOnePerPeriodAndLastDelivered()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            Enumerable.Range(0, 20).Select(i => OnNext(205 + (i * 30), i)).Append(OnCompleted<int>(900)).ToArray());

        var results = scheduler.Start(() => xs.Conflate(Period, scheduler).ValidateGrammar());

        // Arrivals at 205, 235, ... 775; deliveries at 205 then every 100 ticks with the latest value.
        results.Messages.AssertEqual(
            OnNext(205, 0), OnNext(305, 3), OnNext(405, 6), OnNext(505, 10), OnNext(605, 13), OnNext(705, 16),
            OnNext(805, 19), OnCompleted<int>(900));
        xs.Subscriptions.AssertEqual(Subscribe(200, 900));
    }

    [Fact]
    public void Conflate_ProducerOnAnotherThread_KeepsGrammarAndDeliversLastValue()
    {
        const int count = 200_000;
        using var timers = new EventLoopScheduler();
        using var producer = new EventLoopScheduler();
        var violations = new List<string>();
        var received = new List<int>();
        using var done = new ManualResetEventSlim();
        var source = Observable.Create<int>(observer =>
        {
            for (var i = 1; i <= count; i++)
            {
                observer.OnNext(i);
            }

            observer.OnCompleted();
            return () => { };
        });

        using var subscription = source
            .SubscribeOn(producer)
            .Conflate(TimeSpan.FromTicks(1), timers)
            .ValidateGrammar(violations)
            .Subscribe(received.Add, () => done.Set());

        done.Wait(TimeSpan.FromMinutes(1)).ShouldBeTrue();
        violations.ShouldBeEmpty();
        received[^1].ShouldBe(count);
        received.ShouldBeInOrder(SortDirection.Ascending);
    }
}

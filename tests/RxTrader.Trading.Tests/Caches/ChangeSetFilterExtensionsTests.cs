using System.Reactive;
using Microsoft.Reactive.Testing;
using RxTrader.Testing;
using RxTrader.Trading.Caches;
using static RxTrader.Trading.Tests.Caches.CacheTestData;

namespace RxTrader.Trading.Tests.Caches;

public sealed class ChangeSetFilterExtensionsTests : ReactiveTest
{
    private static bool Big(Order order) => order.Quantity >= 10;

    [Fact]
    public void Filter_NullArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<ChangeSet<string, Order>>)null!).Filter(Big));
        Should.Throw<ArgumentNullException>(() => new TestScheduler().CreateHotObservable<ChangeSet<string, Order>>().Filter(null!));
    }

    [Fact]
    public void Filter_Empty_Completes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<ChangeSet<string, Order>>(300));

        var results = scheduler.Start(() => xs.Filter(Big).ValidateGrammar());

        results.Kinds().ShouldBe([(300L, NotificationKind.OnCompleted)]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void Filter_Never_EmitsNothingAndUnsubscribesOnDispose()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<ChangeSet<string, Order>>();

        var results = scheduler.Start(() => xs.Filter(Big).ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Filter_Error_PassesThroughAfterEarlierSets()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("boom");
        var xs = scheduler.CreateHotObservable(
            OnNext(210, Set(Add(O("a", 10)))),
            OnError<ChangeSet<string, Order>>(300, error));

        var results = scheduler.Start(() => xs.Filter(Big).ValidateGrammar());

        results.Sets().ShouldBe([[Add(O("a", 10))]]);
        results.Messages[^1].ShouldBe(OnError<ChangeSet<string, Order>>(300, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void Filter_ThrowingPredicate_EndsWithError()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, Set(Add(O("a", 10)))),
            OnNext(220, Set(Add(O("b", 1)))));

        var results = scheduler.Start(() =>
            xs.Filter(o => o.Id == "b" ? throw new InvalidOperationException("bad") : true).ValidateGrammar());

        results.Sets().ShouldBe([[Add(O("a", 10))]]);
        results.Messages[^1].Value.Exception.ShouldBeOfType<InvalidOperationException>();
        xs.Subscriptions.AssertEqual(Subscribe(200, 220));
    }

    [Fact]
    public void Filter_UpdatesCrossingThePredicate_BecomeAddsAndRemoves()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, Set(Add(O("a", 1)), Add(O("b", 10)))),
            OnNext(220, Set(Update(O("a", 11), O("a", 1)))),
            OnNext(230, Set(Update(O("a", 12), O("a", 11)))),
            OnNext(240, Set(Update(O("b", 2), O("b", 10)))),
            OnNext(250, Set(Update(O("b", 3), O("b", 2)))),
            OnNext(260, Set(Remove(O("b", 3)), Remove(O("a", 12)))),
            OnCompleted<ChangeSet<string, Order>>(300));

        var results = scheduler.Start(() => xs.Filter(Big).ValidateGrammar());

        results.Sets().ShouldBe(
        [
            [Add(O("b", 10))],
            [Add(O("a", 11))],
            [Update(O("a", 12), O("a", 11))],
            [Remove(O("b", 10))],
            [Remove(O("a", 12))],
        ]);
        results.Messages.Select(m => m.Time).ShouldBe([210L, 220, 230, 240, 260, 300]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void Filter_SetWithNothingPassing_EmitsNothing()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, Set(Add(O("a", 1)), Remove(O("a", 1)))));

        var results = scheduler.Start(() => xs.Filter(Big).ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }
}

using System.Reactive;
using Microsoft.Reactive.Testing;
using RxTrader.Testing;
using RxTrader.Trading.Caches;
using static RxTrader.Trading.Tests.Caches.CacheTestData;

namespace RxTrader.Trading.Tests.Caches;

public sealed class ChangeSetTransformExtensionsTests : ReactiveTest
{
    private static Change<string, int> C(ChangeReason reason, string key, int current, int previous = 0) =>
        new(reason, key, current, previous);

    [Fact]
    public void Transform_NullArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<ChangeSet<string, Order>>)null!).Transform(o => o.Quantity));
        Should.Throw<ArgumentNullException>(() =>
            new TestScheduler().CreateHotObservable<ChangeSet<string, Order>>().Transform<string, Order, int>(null!));
    }

    [Fact]
    public void Transform_Empty_Completes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<ChangeSet<string, Order>>(300));

        var results = scheduler.Start(() => xs.Transform(o => o.Quantity).ValidateGrammar());

        results.Kinds().ShouldBe([(300L, NotificationKind.OnCompleted)]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void Transform_Never_EmitsNothingAndUnsubscribesOnDispose()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<ChangeSet<string, Order>>();

        var results = scheduler.Start(() => xs.Transform(o => o.Quantity).ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Transform_Error_PassesThrough()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("boom");
        var xs = scheduler.CreateHotObservable(
            OnNext(210, Set(Add(O("a", 1)))),
            OnError<ChangeSet<string, Order>>(300, error));

        var results = scheduler.Start(() => xs.Transform(o => o.Quantity).ValidateGrammar());

        results.Sets().ShouldBe([[C(ChangeReason.Add, "a", 1)]]);
        results.Messages[^1].ShouldBe(OnError<ChangeSet<string, int>>(300, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void Transform_ThrowingSelector_EndsWithError()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, Set(Add(O("a", 1)))));

        var results = scheduler.Start(() => xs.Transform<string, Order, int>(_ => throw new InvalidOperationException("bad")).ValidateGrammar());

        results.Messages.Single().Value.Exception.ShouldBeOfType<InvalidOperationException>();
        xs.Subscriptions.AssertEqual(Subscribe(200, 210));
    }

    [Fact]
    public void Transform_UpdatesProjectAgainAndRemovesCarryTheProjectedValue()
    {
        var scheduler = new TestScheduler();
        var calls = 0;
        var xs = scheduler.CreateHotObservable(
            OnNext(210, Set(Add(O("a", 1)), Add(O("b", 2)))),
            OnNext(220, Set(Update(O("a", 5), O("a", 1)))),
            OnNext(230, Set(Remove(O("b", 2)))),
            OnCompleted<ChangeSet<string, Order>>(300));

        var results = scheduler.Start(() => xs.Transform(o =>
        {
            calls++;
            return o.Quantity * 10;
        }).ValidateGrammar());

        results.Sets().ShouldBe(
        [
            [C(ChangeReason.Add, "a", 10), C(ChangeReason.Add, "b", 20)],
            [C(ChangeReason.Update, "a", 50, 10)],
            [C(ChangeReason.Remove, "b", 20, 20)],
        ]);
        calls.ShouldBe(3);
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }
}

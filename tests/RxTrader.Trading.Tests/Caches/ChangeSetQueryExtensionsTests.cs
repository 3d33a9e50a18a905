using System.Reactive;
using Microsoft.Reactive.Testing;
using RxTrader.Testing;
using RxTrader.Trading.Caches;
using static RxTrader.Trading.Tests.Caches.CacheTestData;

namespace RxTrader.Trading.Tests.Caches;

public sealed class ChangeSetQueryExtensionsTests : ReactiveTest
{
    [Fact]
    public void QueryWhenChanged_NullSource_ThrowsAtCallTime() =>
        Should.Throw<ArgumentNullException>(() => ((IObservable<ChangeSet<string, Order>>)null!).QueryWhenChanged());

    [Fact]
    public void QueryWhenChanged_Empty_Completes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<ChangeSet<string, Order>>(300));

        var results = scheduler.Start(() => xs.QueryWhenChanged().ValidateGrammar());

        results.Kinds().ShouldBe([(300L, NotificationKind.OnCompleted)]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void QueryWhenChanged_Never_EmitsNothingAndUnsubscribesOnDispose()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<ChangeSet<string, Order>>();

        var results = scheduler.Start(() => xs.QueryWhenChanged().ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void QueryWhenChanged_Error_PassesThrough()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("boom");
        var xs = scheduler.CreateHotObservable(OnError<ChangeSet<string, Order>>(300, error));

        var results = scheduler.Start(() => xs.QueryWhenChanged().ValidateGrammar());

        results.Messages.Single().Value.Exception.ShouldBeSameAs(error);
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void QueryWhenChanged_EachSet_GivesAnIndependentSnapshot()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, Set(Add(O("a", 1)), Add(O("b", 2)))),
            OnNext(220, Set(Update(O("a", 3), O("a", 1)), Remove(O("b", 2)))),
            OnCompleted<ChangeSet<string, Order>>(300));

        var results = scheduler.Start(() => xs.QueryWhenChanged().ValidateGrammar());

        var snapshots = results.Messages.Where(m => m.Value.Kind == NotificationKind.OnNext).Select(m => m.Value.Value).ToArray();
        snapshots.Length.ShouldBe(2);
        snapshots[0].ShouldBe(new Dictionary<string, Order> { ["a"] = O("a", 1), ["b"] = O("b", 2) }, ignoreOrder: true);
        snapshots[1].ShouldBe(new Dictionary<string, Order> { ["a"] = O("a", 3) }, ignoreOrder: true);
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }
}

using System.Reactive;
using System.Reactive.Linq;
using RxTrader.Testing;
using RxTrader.Trading.Caches;
using static RxTrader.Trading.Tests.Caches.CacheTestData;

namespace RxTrader.Trading.Tests.Caches;

public sealed class ObservableCacheTests
{
    private static List<Change<string, Order>[]> Record(IObservable<ChangeSet<string, Order>> source, out IDisposable subscription, List<string>? violations = null)
    {
        var sets = new List<Change<string, Order>[]>();
        subscription = source.ValidateGrammar(violations).Subscribe(set => sets.Add([.. set]));
        return sets;
    }

    [Fact]
    public void Constructor_NullKeySelector_Throws() =>
        Should.Throw<ArgumentNullException>(() => new ObservableCache<string, Order>(null!));

    [Fact]
    public void Members_NullArguments_ThrowAtCallTime()
    {
        using var cache = NewCache();
        Should.Throw<ArgumentNullException>(() => cache.AddOrUpdate((IEnumerable<Order>)null!));
        Should.Throw<ArgumentNullException>(() => cache.Remove(null!));
        Should.Throw<ArgumentNullException>(() => cache.Edit(null!));
        Should.Throw<ArgumentNullException>(() => cache.Lookup(null!));
        Should.Throw<ArgumentNullException>(() => cache.Watch(null!));
        Should.Throw<ArgumentNullException>(() => cache.Connect(null!));
    }

    [Fact]
    public void Change_UndefinedReason_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Change<string, Order>((ChangeReason)7, "a", O("a", 1)));

    [Fact]
    public void Writes_WithoutSubscribers_ChangeTheContent()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(O("a", 1));
        cache.AddOrUpdate([O("b", 2), O("a", 3)]);
        cache.Remove("b").ShouldBeTrue();
        cache.Remove("b").ShouldBeFalse();

        cache.Count.ShouldBe(1);
        cache.Lookup("a").ShouldBe(O("a", 3));
        cache.Lookup("b").ShouldBeNull();
        cache.Items.ShouldBe([O("a", 3)]);
        cache.KeyValues.ShouldBe(new Dictionary<string, Order> { ["a"] = O("a", 3) });
    }

    [Fact]
    public void Connect_EmptyCache_EmitsNoSnapshotThenEveryChange()
    {
        using var cache = NewCache();
        var sets = Record(cache.Connect(), out var subscription);

        cache.AddOrUpdate(O("a", 1));
        cache.AddOrUpdate(O("a", 1));
        cache.Remove("a");
        cache.Remove("missing");
        cache.Clear();
        subscription.Dispose();

        sets.ShouldBe(
        [
            [Add(O("a", 1))],
            [Update(O("a", 1), O("a", 1))],
            [Remove(O("a", 1))],
        ]);
    }

    [Fact]
    public void Connect_NonEmptyCache_EmitsSnapshotAsAddsFirst()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([O("a", 1), O("b", 2)]);
        var sets = Record(cache.Connect(), out var subscription);

        cache.AddOrUpdate(O("b", 3));
        subscription.Dispose();

        sets.Count.ShouldBe(2);
        sets[0].ShouldBe([Add(O("a", 1)), Add(O("b", 2))], ignoreOrder: true);
        sets[1].ShouldBe([Update(O("b", 3), O("b", 2))]);
    }

    [Fact]
    public void Edit_ManyChanges_EmitsOneSetInOrder()
    {
        using var cache = NewCache();
        cache.AddOrUpdate(O("x", 9));
        var sets = Record(cache.Connect(), out var subscription);

        cache.Edit(updater =>
        {
            updater.AddOrUpdate(O("a", 1));
            updater.AddOrUpdate(O("a", 2));
            updater.TryGetValue("a", out var a).ShouldBeTrue();
            a.ShouldBe(O("a", 2));
            updater.Remove("x").ShouldBeTrue();
            updater.Remove("x").ShouldBeFalse();
            updater.Count.ShouldBe(1);
        });
        cache.Edit(static _ => { });
        subscription.Dispose();

        sets.ShouldBe(
        [
            [Add(O("x", 9))],
            [Add(O("a", 1)), Update(O("a", 2), O("a", 1)), Remove(O("x", 9))],
        ]);
    }

    [Fact]
    public void Clear_NonEmpty_EmitsOneRemovePerItem()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([O("a", 1), O("b", 2)]);
        var sets = Record(cache.Connect(), out var subscription);

        cache.Clear();
        subscription.Dispose();

        sets.Count.ShouldBe(2);
        sets[1].ShouldBe([Remove(O("a", 1)), Remove(O("b", 2))], ignoreOrder: true);
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void Edit_ThrowingAction_PublishesWhatItChangedAndRethrows()
    {
        using var cache = NewCache();
        var sets = Record(cache.Connect(), out var subscription);

        Should.Throw<InvalidOperationException>(() => cache.Edit(updater =>
        {
            updater.AddOrUpdate(O("a", 1));
            throw new InvalidOperationException("half done");
        }));
        cache.AddOrUpdate(O("b", 2));
        subscription.Dispose();

        cache.Count.ShouldBe(2);
        sets.ShouldBe([[Add(O("a", 1))], [Add(O("b", 2))]]);
    }

    [Fact]
    public void Edit_WritingToTheCacheItself_Throws()
    {
        using var cache = NewCache();

        Should.Throw<InvalidOperationException>(() => cache.Edit(_ => cache.AddOrUpdate(O("a", 1))));
        Should.Throw<InvalidOperationException>(() => cache.Edit(_ => cache.Connect().Subscribe()));

        cache.Count.ShouldBe(0);
        cache.AddOrUpdate(O("a", 1));
        cache.Count.ShouldBe(1);
    }

    [Fact]
    public void KeySelectorReturningNull_Throws()
    {
        using var cache = new ObservableCache<string, Order>(static _ => null!);
        Should.Throw<ArgumentNullException>(() => cache.AddOrUpdate(O("a", 1)));
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void Dispose_CompletesSubscribersAndRefusesWrites()
    {
        var cache = NewCache();
        cache.AddOrUpdate(O("a", 1));
        var notifications = new List<Notification<ChangeSet<string, Order>>>();
        using var subscription = cache.Connect().ValidateGrammar().Materialize().Subscribe(notifications.Add);

        cache.Dispose();
        cache.Dispose();

        notifications.Select(n => n.Kind).ShouldBe([NotificationKind.OnNext, NotificationKind.OnCompleted]);
        Should.Throw<ObjectDisposedException>(() => cache.AddOrUpdate(O("b", 1)));
        Should.Throw<ObjectDisposedException>(() => cache.Remove("a"));
        Should.Throw<ObjectDisposedException>(() => cache.Clear());
        cache.Lookup("a").ShouldBe(O("a", 1));
    }

    [Fact]
    public void Connect_AfterDispose_CompletesAtOnce()
    {
        var cache = NewCache();
        cache.AddOrUpdate(O("a", 1));
        cache.Dispose();

        var kinds = new List<NotificationKind>();
        using var subscription = cache.Connect().ValidateGrammar().Materialize().Subscribe(n => kinds.Add(n.Kind));

        kinds.ShouldBe([NotificationKind.OnCompleted]);
    }

    [Fact]
    public void DisposedSubscription_ReceivesNothingMore()
    {
        using var cache = NewCache();
        var sets = Record(cache.Connect(), out var subscription);
        var others = Record(cache.Connect(), out var other);

        cache.AddOrUpdate(O("a", 1));
        subscription.Dispose();
        cache.AddOrUpdate(O("b", 1));
        other.Dispose();

        sets.Count.ShouldBe(1);
        others.Count.ShouldBe(2);
    }

    [Fact]
    public void Connect_WithPredicate_SeesOnlyMatchingItems()
    {
        using var cache = NewCache();
        cache.AddOrUpdate([O("a", 1), O("b", 20)]);
        var sets = Record(cache.Connect(o => o.Quantity >= 10), out var subscription);

        cache.AddOrUpdate(O("a", 15));
        cache.AddOrUpdate(O("b", 5));
        subscription.Dispose();

        sets.ShouldBe([[Add(O("b", 20))], [Add(O("a", 15))], [Remove(O("b", 20))]]);
    }

    [Fact]
    public void Watch_PresentKey_GivesCurrentValueThenItsChangesOnly()
    {
        var cache = NewCache();
        cache.AddOrUpdate([O("a", 1), O("b", 2)]);
        var changes = new List<Notification<Change<string, Order>>>();
        using var subscription = cache.Watch("a").ValidateGrammar().Materialize().Subscribe(changes.Add);

        cache.AddOrUpdate(O("b", 3));
        cache.AddOrUpdate(O("a", 4));
        cache.Remove("a");
        cache.AddOrUpdate(O("a", 5));
        cache.Dispose();

        changes.Where(n => n.Kind == NotificationKind.OnNext).Select(n => n.Value).ShouldBe(
            [Add(O("a", 1)), Update(O("a", 4), O("a", 1)), Remove(O("a", 4)), Add(O("a", 5))]);
        changes[^1].Kind.ShouldBe(NotificationKind.OnCompleted);
    }

    [Fact]
    public void Watch_AbsentKey_StartsWithItsFirstAdd()
    {
        using var cache = NewCache();
        var changes = new List<Change<string, Order>>();
        using var subscription = cache.Watch("a").ValidateGrammar().Subscribe(changes.Add);

        cache.AddOrUpdate(O("b", 1));
        cache.AddOrUpdate(O("a", 2));

        changes.ShouldBe([Add(O("a", 2))]);
    }

    [Fact]
    public void CountChanged_GivesCountNowThenEachNewCount()
    {
        var cache = NewCache();
        var counts = new List<Notification<int>>();
        using var subscription = cache.CountChanged.ValidateGrammar().Materialize().Subscribe(counts.Add);

        cache.AddOrUpdate(O("a", 1));
        cache.AddOrUpdate(O("a", 2));
        cache.AddOrUpdate([O("b", 1), O("c", 1)]);
        cache.Remove("a");
        cache.Clear();
        cache.Dispose();

        counts.Where(n => n.Kind == NotificationKind.OnNext).Select(n => n.Value).ShouldBe([0, 1, 3, 2, 0]);
        counts[^1].Kind.ShouldBe(NotificationKind.OnCompleted);
    }

    [Fact]
    public void SubscriberWritingBack_IsDeliveredAfterTheCurrentSetWithoutDeadlock()
    {
        using var cache = NewCache();
        var seen = new List<string>();
        var second = new List<string>();
        using var writer = cache.Connect().ValidateGrammar().Subscribe(set =>
        {
            var change = set[0];
            seen.Add($"{change.Reason} {change.Key} start");
            if (change.Key == "a")
            {
                cache.AddOrUpdate(O("b", 1));
                cache.Count.ShouldBe(2); // the write happened at once; only its delivery waits
            }

            seen.Add($"{change.Reason} {change.Key} end");
        });
        using var observer = cache.Connect().ValidateGrammar().Subscribe(set => second.Add(set[0].Key));

        cache.AddOrUpdate(O("a", 1));

        seen.ShouldBe(["Add a start", "Add a end", "Add b start", "Add b end"]);
        second.ShouldBe(["a", "b"]);
    }

    [Fact]
    public void SubscriberCallback_RunsOutsideTheLock()
    {
        using var cache = NewCache();
        var otherThreadGotIn = false;
        using var subscription = cache.Connect().Subscribe(_ =>
            otherThreadGotIn = Task.Run(() => cache.Count).Wait(TimeSpan.FromSeconds(10)));

        cache.AddOrUpdate(O("a", 1));

        otherThreadGotIn.ShouldBeTrue();
    }

    [Fact]
    public void ThrowingSubscriber_IsDetachedAndDoesNotStallOthers()
    {
        using var cache = NewCache();
        var thrower = new List<string>();
        var others = new List<string>();
        using var failing = cache.Connect().Subscribe(set =>
        {
            thrower.Add(set[0].Key);
            throw new InvalidOperationException("subscriber bug");
        });
        using var healthy = cache.Connect().Subscribe(set => others.Add(set[0].Key));

        Should.Throw<InvalidOperationException>(() => cache.AddOrUpdate(O("a", 1)));
        cache.AddOrUpdate(O("b", 1));

        thrower.ShouldBe(["a"]);
        others.ShouldBe(["a", "b"]);
    }
}

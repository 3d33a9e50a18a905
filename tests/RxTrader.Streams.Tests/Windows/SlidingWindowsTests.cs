using System.Collections.Immutable;
using System.Reactive;
using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using RxTrader.Streams.Windows;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.Windows;

public sealed class SlidingWindowsTests : ReactiveTest
{
    private readonly TestScheduler _scheduler = new();

    // ---- Unkeyed: argument checking and the fixed matrix ----

    [Fact]
    public void SlidingWindow_BadArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<int>)null!).SlidingWindow(3));
        Should.Throw<ArgumentOutOfRangeException>(() => Source().SlidingWindow(0));
        Should.Throw<ArgumentOutOfRangeException>(() => Source().SlidingWindow(-1));
    }

    [Fact]
    public void SlidingWindow_Empty_Completes()
    {
        var xs = _scheduler.CreateHotObservable(OnCompleted<int>(400));
        var results = _scheduler.Start(() => xs.SlidingWindow(3).ValidateGrammar());
        results.Messages.AssertEqual(OnCompleted<ImmutableArray<int>>(400));
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void SlidingWindow_Never_EmitsNothing()
    {
        var xs = _scheduler.CreateHotObservable<int>();
        var results = _scheduler.Start(() => xs.SlidingWindow(3).ValidateGrammar());
        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void SlidingWindow_Error_PassesOnAfterWindows()
    {
        var error = new InvalidOperationException("boom");
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnError<int>(300, error));
        var results = _scheduler.Start(() => xs.SlidingWindow(3).ValidateGrammar());
        ShouldHaveWindows(results.Messages, (210, [1]), (220, [1, 2]));
        results.Messages[^1].ShouldBe(OnError<ImmutableArray<int>>(300, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void SlidingWindow_Completion_GrowsThenSlidesAndWrapsAround()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(210, 1), OnNext(220, 2), OnNext(230, 3), OnNext(240, 4), OnNext(250, 5), OnNext(260, 6),
            OnNext(270, 7), OnCompleted<int>(400));
        var results = _scheduler.Start(() => xs.SlidingWindow(3).ValidateGrammar());
        ShouldHaveWindows(
            results.Messages,
            (210, [1]), (220, [1, 2]), (230, [1, 2, 3]), (240, [2, 3, 4]), (250, [3, 4, 5]), (260, [4, 5, 6]),
            (270, [5, 6, 7]));
        results.Messages[^1].ShouldBe(OnCompleted<ImmutableArray<int>>(400));
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void SlidingWindow_Dispose_UnsubscribesAndEmitsNothingAfter()
    {
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1), OnNext(1100, 2));
        var results = _scheduler.Start(() => xs.SlidingWindow(3).ValidateGrammar());
        ShouldHaveWindows(results.Messages, (210, [1]));
        results.Messages.Count.ShouldBe(1);
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    // ---- Unkeyed behaviour ----

    [Fact]
    public void SlidingWindow_OnlyWhenFull_StartsAtTheCountthValue()
    {
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnNext(230, 3), OnNext(240, 4));
        var results = _scheduler.Start(() => xs.SlidingWindow(3, onlyWhenFull: true).ValidateGrammar());
        ShouldHaveWindows(results.Messages, (230, [1, 2, 3]), (240, [2, 3, 4]));
    }

    [Fact]
    public void SlidingWindow_CountOne_HoldsTheLastValue()
    {
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2));
        var results = _scheduler.Start(() => xs.SlidingWindow(1).ValidateGrammar());
        ShouldHaveWindows(results.Messages, (210, [1]), (220, [2]));
    }

    [Fact]
    public void SlidingWindow_EarlierSnapshots_StayValidAfterLaterValues()
    {
        using var subject = new Subject<int>();
        var snapshots = new List<ImmutableArray<int>>();
        using var subscription = subject.SlidingWindow(2).Subscribe(snapshots.Add);
        for (var i = 1; i <= 5; i++)
        {
            subject.OnNext(i);
        }

        snapshots.Select(s => s.ToArray()).ShouldBe([[1], [1, 2], [2, 3], [3, 4], [4, 5]]);
    }

    [Fact]
    public void SlidingWindow_SeededRandomInput_MatchesTakeLastOfPrefix()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 500).Select(_ => random.Next()).ToArray();
        var count = random.Next(1, 50);
        using var subject = new Subject<int>();
        var snapshots = new List<ImmutableArray<int>>();
        using var subscription = subject.SlidingWindow(count).Subscribe(snapshots.Add);
        foreach (var value in values)
        {
            subject.OnNext(value);
        }

        for (var i = 0; i < values.Length; i++)
        {
            snapshots[i].ToArray().ShouldBe(values.Take(i + 1).TakeLast(count).ToArray());
        }
    }

    // ---- Keyed: argument checking and the fixed matrix ----

    [Fact]
    public void KeyedSlidingWindow_BadArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<int>)null!).SlidingWindow(KeyOf, 3));
        Should.Throw<ArgumentNullException>(() => Source().SlidingWindow((Func<int, string>)null!, 3));
        Should.Throw<ArgumentOutOfRangeException>(() => Source().SlidingWindow(KeyOf, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => Source().SlidingWindow(KeyOf, 3, maxKeys: 0));
    }

    [Fact]
    public void KeyedSlidingWindow_Empty_Completes()
    {
        var xs = _scheduler.CreateHotObservable(OnCompleted<int>(400));
        var results = _scheduler.Start(() => xs.SlidingWindow(KeyOf, 3).ValidateGrammar());
        results.Messages.AssertEqual(OnCompleted<KeyedWindow<string, int>>(400));
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void KeyedSlidingWindow_Never_EmitsNothing()
    {
        var xs = _scheduler.CreateHotObservable<int>();
        var results = _scheduler.Start(() => xs.SlidingWindow(KeyOf, 3).ValidateGrammar());
        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void KeyedSlidingWindow_Error_PassesOn()
    {
        var error = new InvalidOperationException("boom");
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1), OnError<int>(300, error));
        var results = _scheduler.Start(() => xs.SlidingWindow(KeyOf, 3).ValidateGrammar());
        ShouldHaveKeyedWindows(results.Messages, (210, "odd", [1]));
        results.Messages[^1].ShouldBe(OnError<KeyedWindow<string, int>>(300, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void KeyedSlidingWindow_Completion_KeysAreIndependent()
    {
        var xs = _scheduler.CreateHotObservable(
            OnNext(210, 1), OnNext(220, 2), OnNext(230, 3), OnNext(240, 5), OnNext(250, 4), OnNext(260, 7),
            OnCompleted<int>(400));
        var results = _scheduler.Start(() => xs.SlidingWindow(KeyOf, 2).ValidateGrammar());
        ShouldHaveKeyedWindows(
            results.Messages,
            (210, "odd", [1]), (220, "even", [2]), (230, "odd", [1, 3]), (240, "odd", [3, 5]),
            (250, "even", [2, 4]), (260, "odd", [5, 7]));
        results.Messages[^1].ShouldBe(OnCompleted<KeyedWindow<string, int>>(400));
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void KeyedSlidingWindow_Dispose_UnsubscribesAndEmitsNothingAfter()
    {
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1), OnNext(1100, 3));
        var results = _scheduler.Start(() => xs.SlidingWindow(KeyOf, 3).ValidateGrammar());
        ShouldHaveKeyedWindows(results.Messages, (210, "odd", [1]));
        results.Messages.Count.ShouldBe(1);
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    // ---- Keyed behaviour ----

    [Fact]
    public void KeyedSlidingWindow_OnlyWhenFull_WaitsPerKey()
    {
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnNext(230, 3), OnNext(240, 4));
        var results = _scheduler.Start(() => xs.SlidingWindow(KeyOf, 2, onlyWhenFull: true).ValidateGrammar());
        ShouldHaveKeyedWindows(results.Messages, (230, "odd", [1, 3]), (240, "even", [2, 4]));
    }

    [Fact]
    public void KeyedSlidingWindow_TooManyKeys_EndsWithErrorAndUnsubscribes()
    {
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnNext(230, 3));
        var results = _scheduler.Start(() => xs.SlidingWindow(v => v, 3, maxKeys: 1).ValidateGrammar());
        results.Messages.Count.ShouldBe(2);
        results.Messages[1].Time.ShouldBe(220);
        results.Messages[1].Value.Exception.ShouldBeOfType<InvalidOperationException>();
        xs.Subscriptions.AssertEqual(Subscribe(200, 220));
    }

    [Fact]
    public void KeyedSlidingWindow_KeySelectorThrows_EndsWithItsError()
    {
        var error = new FormatException("bad");
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnNext(230, 3));
        var results = _scheduler.Start(
            () => xs.SlidingWindow(v => v == 2 ? throw error : "k", 3).ValidateGrammar());
        results.Messages.Count.ShouldBe(2);
        results.Messages[1].ShouldBe(OnError<KeyedWindow<string, int>>(220, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 220));
    }

    [Fact]
    public void KeyedSlidingWindow_NullKey_EndsWithArgumentNullException()
    {
        var xs = _scheduler.CreateHotObservable(OnNext(210, 1));
        var results = _scheduler.Start(() => xs.SlidingWindow(_ => (string)null!, 3).ValidateGrammar());
        results.Messages.Single().Value.Exception.ShouldBeOfType<ArgumentNullException>();
        xs.Subscriptions.AssertEqual(Subscribe(200, 210));
    }

    [Fact]
    public void KeyedSlidingWindow_Comparer_GroupsEqualKeys()
    {
        var xs = _scheduler.CreateHotObservable(OnNext(210, "a"), OnNext(220, "A"));
        var results = _scheduler.Start(
            () => xs.SlidingWindow(v => v, 2, comparer: StringComparer.OrdinalIgnoreCase).ValidateGrammar());
        results.Messages[1].Value.Value.Values.ToArray().ShouldBe(["a", "A"]);
    }

    private static string KeyOf(int value) => value % 2 == 0 ? "even" : "odd";

    private ITestableObservable<int> Source() => _scheduler.CreateHotObservable<int>();

    private static void ShouldHaveWindows(
        IList<Recorded<Notification<ImmutableArray<int>>>> messages, params (long Time, int[] Values)[] expected)
    {
        var windows = messages.Where(m => m.Value.Kind == NotificationKind.OnNext).ToArray();
        windows.Select(m => m.Time).ShouldBe(expected.Select(e => e.Time));
        for (var i = 0; i < expected.Length; i++)
        {
            windows[i].Value.Value.ToArray().ShouldBe(expected[i].Values);
        }
    }

    private static void ShouldHaveKeyedWindows(
        IList<Recorded<Notification<KeyedWindow<string, int>>>> messages,
        params (long Time, string Key, int[] Values)[] expected)
    {
        var windows = messages.Where(m => m.Value.Kind == NotificationKind.OnNext).ToArray();
        windows.Select(m => m.Time).ShouldBe(expected.Select(e => e.Time));
        for (var i = 0; i < expected.Length; i++)
        {
            windows[i].Value.Value.Key.ShouldBe(expected[i].Key);
            windows[i].Value.Value.Values.ToArray().ShouldBe(expected[i].Values);
        }
    }
}

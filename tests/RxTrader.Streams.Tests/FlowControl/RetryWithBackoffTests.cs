using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.FlowControl;

public sealed class RetryWithBackoffTests : ReactiveTest
{
    private static readonly InvalidOperationException Boom = new("boom");

    // Delays 1000, 2000, 4000, 4000 ... ticks, no jitter, four retries.
    private static RetryBackoffOptions Options(Action<RetryAttempt>? onRetry = null) => new()
    {
        InitialDelay = TimeSpan.FromTicks(1000),
        MaxDelay = TimeSpan.FromTicks(4000),
        Multiplier = 2,
        Jitter = 0,
        MaxAttempts = 4,
        ResetAfter = TimeSpan.FromTicks(500),
        OnRetry = onRetry,
    };

    private static ITestableObservable<int> FailingSource(TestScheduler scheduler) =>
        scheduler.CreateColdObservable(OnNext(5, 1), OnError<int>(10, Boom));

    [Fact]
    public void RetryWithBackoff_BadArguments_ThrowAtCallTime()
    {
        var xs = Observable.Never<int>();
        var scheduler = new TestScheduler();
        var options = new RetryBackoffOptions();
        Should.Throw<ArgumentNullException>(() => RetryWithBackoffExtensions.RetryWithBackoff<int>(null!, options, scheduler));
        Should.Throw<ArgumentNullException>(() => xs.RetryWithBackoff(null!, scheduler));
        Should.Throw<ArgumentNullException>(() => xs.RetryWithBackoff(options, null!));
    }

    public static TheoryData<RetryBackoffOptions> InvalidOptions => new()
    {
        new RetryBackoffOptions { InitialDelay = TimeSpan.Zero },
        new RetryBackoffOptions { InitialDelay = TimeSpan.FromSeconds(-1) },
        new RetryBackoffOptions { MaxDelay = TimeSpan.FromMilliseconds(999) },
        new RetryBackoffOptions { Multiplier = 0.9 },
        new RetryBackoffOptions { Jitter = 1.5 },
        new RetryBackoffOptions { MaxAttempts = 0 },
        new RetryBackoffOptions { ResetAfter = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void RetryWithBackoff_InvalidOptions_ThrowAtCallTime(RetryBackoffOptions options) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<int>().RetryWithBackoff(options, new TestScheduler()));

    [Fact]
    public void RetryBackoffOptions_Defaults_AreDocumentedOnes()
    {
        var options = new RetryBackoffOptions();

        options.InitialDelay.ShouldBe(TimeSpan.FromSeconds(1));
        options.MaxDelay.ShouldBe(TimeSpan.FromSeconds(30));
        options.Multiplier.ShouldBe(2);
        options.Jitter.ShouldBe(0.2);
        options.Seed.ShouldBe(0);
        options.MaxAttempts.ShouldBe(100);
        options.ResetAfter.ShouldBe(TimeSpan.FromSeconds(60));
        options.ShouldRetry.ShouldBeNull();
        options.OnRetry.ShouldBeNull();
    }

    [Fact]
    public void RetryWithBackoff_Empty_Completes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateColdObservable(OnCompleted<int>(50));

        var results = scheduler.Start(() => xs.RetryWithBackoff(Options(), scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnCompleted<int>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void RetryWithBackoff_Never_StaysSubscribedUntilDisposed()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateColdObservable<int>();

        var results = scheduler.Start(() => xs.RetryWithBackoff(Options(), scheduler).ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void RetryWithBackoff_Completed_PassesElementsAndCompletion()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateColdObservable(OnNext(10, 1), OnNext(20, 2), OnCompleted<int>(30));

        var results = scheduler.Start(() => xs.RetryWithBackoff(Options(), scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(210, 1), OnNext(220, 2), OnCompleted<int>(230));
        xs.Subscriptions.AssertEqual(Subscribe(200, 230));
    }

    [Fact]
    public void RetryWithBackoff_Errors_ResubscribesAfterGrowingCappedDelaysThenFails()
    {
        var scheduler = new TestScheduler();
        var xs = FailingSource(scheduler);

        var results = scheduler.Start(() => xs.RetryWithBackoff(Options(), scheduler).ValidateGrammar(), 100, 200, 20_000);

        // Delays 1000, 2000, 4000, 4000 (capped); the fifth failure exceeds MaxAttempts = 4.
        xs.Subscriptions.AssertEqual(
            Subscribe(200, 210), Subscribe(1210, 1220), Subscribe(3220, 3230), Subscribe(7230, 7240),
            Subscribe(11240, 11250));
        results.Messages.AssertEqual(
            OnNext(205, 1), OnNext(1215, 1), OnNext(3225, 1), OnNext(7235, 1), OnNext(11245, 1),
            OnError<int>(11250, Boom));
    }

    [Fact]
    public void RetryWithBackoff_OnRetry_ReportsEveryAttempt()
    {
        var scheduler = new TestScheduler();
        var attempts = new List<RetryAttempt>();
        var xs = FailingSource(scheduler);

        scheduler.Start(() => xs.RetryWithBackoff(Options(attempts.Add), scheduler).ValidateGrammar(), 100, 200, 20_000);

        attempts.ShouldBe(
        [
            new RetryAttempt(1, TimeSpan.FromTicks(1000), Boom, MarbleTime.At(210)),
            new RetryAttempt(2, TimeSpan.FromTicks(2000), Boom, MarbleTime.At(1220)),
            new RetryAttempt(3, TimeSpan.FromTicks(4000), Boom, MarbleTime.At(3230)),
            new RetryAttempt(4, TimeSpan.FromTicks(4000), Boom, MarbleTime.At(7240)),
        ]);
    }

    [Fact]
    public void RetryWithBackoff_StableSubscription_ResetsAttemptCount()
    {
        var scheduler = new TestScheduler();
        var attempts = new List<RetryAttempt>();
        ITestableObservable<int>[] runs =
        [
            scheduler.CreateColdObservable(OnError<int>(10, Boom)),
            scheduler.CreateColdObservable(OnError<int>(10, Boom)),
            scheduler.CreateColdObservable(OnNext(300, 7), OnError<int>(600, Boom)), // lives 600 >= ResetAfter 500
            scheduler.CreateColdObservable(OnCompleted<int>(10)),
        ];
        var run = 0;
        var source = Observable.Defer(() => runs[run++]);

        var results = scheduler.Start(() => source.RetryWithBackoff(Options(attempts.Add), scheduler).ValidateGrammar(), 100, 200, 20_000);

        attempts.Select(a => a.Attempt).ShouldBe([1, 2, 1]);
        runs[0].Subscriptions.AssertEqual(Subscribe(200, 210));
        runs[1].Subscriptions.AssertEqual(Subscribe(1210, 1220));
        runs[2].Subscriptions.AssertEqual(Subscribe(3220, 3820));
        runs[3].Subscriptions.AssertEqual(Subscribe(4820, 4830)); // initial delay again
        results.Messages.AssertEqual(OnNext(3520, 7), OnCompleted<int>(4830));
    }

    [Fact]
    public void RetryWithBackoff_ShouldRetryFalse_FailsAtOnce()
    {
        var scheduler = new TestScheduler();
        var attempts = new List<RetryAttempt>();
        var xs = FailingSource(scheduler);
        var options = Options(attempts.Add) with { ShouldRetry = e => e is not InvalidOperationException };

        var results = scheduler.Start(() => xs.RetryWithBackoff(options, scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(205, 1), OnError<int>(210, Boom));
        xs.Subscriptions.AssertEqual(Subscribe(200, 210));
        attempts.ShouldBeEmpty();
    }

    [Fact]
    public void RetryWithBackoff_CallbackThrows_FailsWithCallbackError()
    {
        var scheduler = new TestScheduler();
        var callbackError = new InvalidOperationException("metrics down");
        var xs = FailingSource(scheduler);

        var results = scheduler.Start(() => xs.RetryWithBackoff(Options(_ => throw callbackError), scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(205, 1), OnError<int>(210, callbackError));
        xs.Subscriptions.AssertEqual(Subscribe(200, 210));
    }

    [Fact]
    public void RetryWithBackoff_DisposedDuringDelay_CancelsResubscription()
    {
        var scheduler = new TestScheduler();
        var xs = FailingSource(scheduler);

        var results = scheduler.Start(() => xs.RetryWithBackoff(Options(), scheduler).ValidateGrammar(), 100, 200, 700);

        results.Messages.AssertEqual(OnNext(205, 1));
        xs.Subscriptions.AssertEqual(Subscribe(200, 210));
        scheduler.Clock.ShouldBe(700); // the resubscription at 1210 was cancelled, not run
    }

    [Fact]
    public void RetryWithBackoff_SeededJitter_IsReproducibleAndBounded()
    {
        static long[] SubscribeTimes(int seed)
        {
            var scheduler = new TestScheduler();
            var xs = scheduler.CreateColdObservable(OnError<int>(10, Boom));
            var options = Options() with { Jitter = 0.5, Seed = seed, MaxDelay = TimeSpan.FromTicks(100_000) };
            scheduler.Start(() => xs.RetryWithBackoff(options, scheduler).ValidateGrammar(), 100, 200, 100_000);
            return [.. xs.Subscriptions.Select(s => s.Subscribe)];
        }

        var first = SubscribeTimes(42);

        SubscribeTimes(42).ShouldBe(first);
        SubscribeTimes(43).ShouldNotBe(first);
        first.Length.ShouldBe(5);
        for (var n = 1; n < first.Length; n++)
        {
            var delay = first[n] - first[n - 1] - 10; // minus the 10 ticks each attempt lives
            var nominal = 1000L << (n - 1);
            delay.ShouldBeInRange(nominal / 2, nominal * 3 / 2);
        }
    }

    [Fact]
    public void RetryWithBackoff_SeededJitter_MatchesCalculator()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateColdObservable(OnError<int>(10, Boom));
        var attempts = new List<RetryAttempt>();
        var options = Options(attempts.Add) with { Jitter = 0.3, Seed = 5 };

        scheduler.Start(() => xs.RetryWithBackoff(options, scheduler).ValidateGrammar(), 100, 200, 100_000);

        var backoff = new ExponentialBackoff(options.InitialDelay, options.MaxDelay, options.Multiplier, options.Jitter);
        var random = new Random(5);
        attempts.Select(a => a.Delay).ShouldBe([.. Enumerable.Range(1, 4).Select(n => backoff.Delay(n, random))]);
    }
}

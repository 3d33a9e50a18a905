using System.Reactive.Linq;
using Microsoft.Reactive.Testing;

namespace RxTrader.Testing.Tests;

public sealed class GrammarValidationTests : ReactiveTest
{
    [Fact]
    public void ValidateGrammar_NullSource_Throws() =>
        Should.Throw<ArgumentNullException>(() => GrammarValidation.ValidateGrammar<int>(null!));

    [Fact]
    public void ValidateGrammar_WellFormed_PassesEverythingThrough()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnCompleted<int>(230));

        var results = scheduler.Start(() => xs.ValidateGrammar());

        results.Messages.AssertEqual(OnNext(210, 1), OnNext(220, 2), OnCompleted<int>(230));
        xs.Subscriptions.AssertEqual(Subscribe(200, 230));
    }

    [Fact]
    public void ValidateGrammar_OnNextAfterCompleted_Throws()
    {
        var violations = new List<string>();
        var broken = new BrokenObservable(observer =>
        {
            observer.OnCompleted();
            observer.OnNext(1);
        });

        Should.Throw<GrammarViolationException>(() => broken.ValidateGrammar(violations).Subscribe(_ => { }, () => { }));

        violations.ShouldHaveSingleItem().ShouldContain("after the sequence had terminated");
    }

    [Fact]
    public void ValidateGrammar_SecondTerminal_Throws()
    {
        var broken = new BrokenObservable(observer =>
        {
            observer.OnError(new InvalidOperationException("first"));
            observer.OnCompleted();
        });

        Should.Throw<GrammarViolationException>(() => broken.ValidateGrammar().Subscribe(_ => { }, _ => { }, () => { }));
    }

    [Fact]
    public async Task ValidateGrammar_OverlappingNotifications_Throws()
    {
        var violations = new List<string>();
        using var firstEntered = new ManualResetEventSlim();
        using var secondDone = new ManualResetEventSlim();
        IObserver<int>? raw = null;
        var source = Observable.Create<int>(observer =>
        {
            raw = observer;
            return () => { };
        });

        using var subscription = source.ValidateGrammar(violations).Subscribe(value =>
        {
            if (value == 1)
            {
                firstEntered.Set();
                secondDone.Wait(TimeSpan.FromSeconds(10));
            }
        });

        var first = Task.Run(() => raw!.OnNext(1));
        firstEntered.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
        Should.Throw<GrammarViolationException>(() => raw!.OnNext(2));
        secondDone.Set();
        await first.WaitAsync(TimeSpan.FromSeconds(10));

        violations.ShouldHaveSingleItem().ShouldContain("overlapped");
    }

    [Fact]
    public void ValidateGrammar_Error_IsPassedOn()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("boom");
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnError<int>(220, error));

        var results = scheduler.Start(() => xs.ValidateGrammar());

        results.Messages.AssertEqual(OnNext(210, 1), OnError<int>(220, error));
        xs.Subscriptions.AssertEqual(Subscribe(200, 220));
    }

    [Fact]
    public void MarbleTime_RoundTrips()
    {
        MarbleTime.Ticks(MarbleTime.At(12345)).ShouldBe(12345);
        MarbleTime.Ms(1).ShouldBe(TimeSpan.TicksPerMillisecond);
        MarbleTime.Seconds(2).ShouldBe(2 * TimeSpan.TicksPerSecond);
    }

    // Observable.Create sanitises its observer, so a grammar-breaking producer has to be written by hand.
    private sealed class BrokenObservable(Action<IObserver<int>> emit) : IObservable<int>
    {
        public IDisposable Subscribe(IObserver<int> observer)
        {
            emit(observer);
            return System.Reactive.Disposables.Disposable.Empty;
        }
    }
}

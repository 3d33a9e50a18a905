using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace RxTrader.Benchmarks;

/// <summary>Drives a pipeline by pushing into its source's observer directly, with no subject in between.</summary>
internal static class FlowControlFeed
{
    /// <summary>Subscribes <paramref name="pipeline"/> to a source and returns the source's observer.</summary>
    public static IObserver<int> Feed<TResult>(Func<IObservable<int>, IObservable<TResult>> pipeline)
    {
        IObserver<int>? input = null;
        var source = Observable.Create<int>(observer =>
        {
            input = observer;
            return Disposable.Empty;
        });
        pipeline(source).Subscribe(static _ => { });
        return input!;
    }

    /// <summary>Pushes <paramref name="count"/> elements.</summary>
    public static void Push(IObserver<int> observer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            observer.OnNext(i);
        }
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace RxTrader.Streams.FlowControl;

/// <summary>Resubscribes to a failed stream after exponentially growing, jittered delays.</summary>
public static class RetryWithBackoffExtensions
{
    /// <summary>
    /// Subscribes to <paramref name="source"/> and, when it fails, subscribes again after the backoff delay of the
    /// attempt, until it completes, a failure is not retried, or <see cref="RetryBackoffOptions.MaxAttempts"/> is used up.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The stream to keep alive; should be cold (each subscription starts it anew).</param>
    /// <param name="options">The backoff and retry policy; validated here.</param>
    /// <param name="scheduler">Runs every delay and is the only source of time.</param>
    /// <returns>The elements of every attempt, in order.</returns>
    /// <remarks>
    /// <list type="bullet">
    /// <item><b>OnNext</b>: elements of every attempt are passed on, as with <c>Retry</c>.</item>
    /// <item><b>OnError</b>: the failed subscription is disposed at once. If
    /// <see cref="RetryBackoffOptions.ShouldRetry"/> rejects the exception, it is passed on. Otherwise the attempt
    /// count (reset to 0 first if the subscription lived at least <see cref="RetryBackoffOptions.ResetAfter"/>)
    /// goes up by one; beyond <see cref="RetryBackoffOptions.MaxAttempts"/> the exception is passed on unwrapped.
    /// Else <see cref="RetryBackoffOptions.OnRetry"/> receives the attempt and the source is subscribed again
    /// after its delay. An exception thrown by <c>ShouldRetry</c> or <c>OnRetry</c> is passed on instead.</item>
    /// <item><b>OnCompleted</b>: passed on.</item>
    /// <item><b>Disposal</b>: disposes the live subscription, or cancels the pending resubscription.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="options"/> or
    /// <paramref name="scheduler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    public static IObservable<T> RetryWithBackoff<T>(
        this IObservable<T> source, RetryBackoffOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        var backoff = options.CreateBackoff();

        return Observable.Create<T>(observer =>
        {
            var retry = new RetryWithBackoff<T>(source, observer, options, backoff, scheduler);
            retry.SubscribeNext();
            return retry;
        });
    }
}

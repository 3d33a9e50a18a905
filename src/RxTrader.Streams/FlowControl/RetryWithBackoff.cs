using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace RxTrader.Streams.FlowControl;

/// <summary>
/// One subscription of <see cref="RetryWithBackoffExtensions.RetryWithBackoff{T}"/>: alternates between a live
/// subscription to the source and a scheduled resubscription, behind one gate.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class RetryWithBackoff<T>(
    IObservable<T> source,
    IObserver<T> downstream,
    RetryBackoffOptions options,
    ExponentialBackoff backoff,
    IScheduler scheduler)
    : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(options.Seed);
    private IDisposable? _current; // the live subscription or the pending resubscription
    private long _generation; // id of the live attempt or timer; anything holding an older id does nothing
    private DateTimeOffset _subscribedAt;
    private int _attempt;
    private bool _stopped; // terminated or disposed

    public void SubscribeNext()
    {
        Attempt attempt;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _subscribedAt = scheduler.Now;
            attempt = new Attempt(this, ++_generation);
            _current = attempt.Subscription;
        }

        // Outside the gate: a cold source may deliver (and fail) synchronously. If disposal wins the race, the
        // single-assignment disposable disposes the new subscription at once.
        attempt.Subscription.Disposable = source.SubscribeSafe(attempt);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _generation++;
            _current?.Dispose();
            _current = null;
        }
    }

    private void OnNext(long generation, T value)
    {
        if (Volatile.Read(ref _generation) == generation)
        {
            downstream.OnNext(value);
        }
    }

    private void OnCompleted(long generation)
    {
        lock (_gate)
        {
            if (!_stopped && generation == _generation)
            {
                _stopped = true;
                downstream.OnCompleted();
            }
        }
    }

    private void OnError(long generation, Exception error)
    {
        lock (_gate)
        {
            if (_stopped || generation != _generation)
            {
                return;
            }

            _current?.Dispose(); // end the failed subscription now, not at the next attempt
            var now = scheduler.Now;
            RetryAttempt retry;
            try
            {
                if (!(options.ShouldRetry?.Invoke(error) ?? true) || !NextAttempt(now))
                {
                    Fail(error);
                    return;
                }

                retry = new RetryAttempt(_attempt, backoff.Delay(_attempt, _random), error, now);
                options.OnRetry?.Invoke(retry);
            }
            catch (Exception callbackError)
            {
                Fail(callbackError);
                return;
            }

            var timer = ++_generation;
            _current = scheduler.Schedule(
                (this, timer),
                retry.Delay,
                static (_, state) =>
                {
                    state.Item1.Resubscribe(state.timer);
                    return Disposable.Empty;
                });
        }
    }

    /// <summary>Counts the attempt; false when the attempts are used up.</summary>
    private bool NextAttempt(DateTimeOffset now)
    {
        if (now - _subscribedAt >= options.ResetAfter)
        {
            _attempt = 0; // the failed subscription was stable: start the backoff over
        }

        return ++_attempt <= options.MaxAttempts;
    }

    private void Resubscribe(long generation)
    {
        lock (_gate)
        {
            if (_stopped || generation != _generation)
            {
                return;
            }
        }

        SubscribeNext();
    }

    private void Fail(Exception error)
    {
        _stopped = true;
        _generation++;
        downstream.OnError(error);
    }

    /// <summary>The observer of one subscription to the source, tagged with its generation.</summary>
    private sealed class Attempt(RetryWithBackoff<T> parent, long generation) : IObserver<T>
    {
        public SingleAssignmentDisposable Subscription { get; } = new();

        public void OnNext(T value) => parent.OnNext(generation, value);

        public void OnError(Exception error) => parent.OnError(generation, error);

        public void OnCompleted() => parent.OnCompleted(generation);
    }
}

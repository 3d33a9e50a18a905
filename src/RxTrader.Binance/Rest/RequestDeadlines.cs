namespace RxTrader.Binance.Rest;

/// <summary>
/// The total timeouts of a client's requests behind ONE timer of the <see cref="TimeProvider"/>: a request takes a
/// <see cref="Deadline"/> (a token cancelled <c>timeout</c> after the start) instead of a timer of its own, so a request
/// costs no scheduler timer and no wake-up of the scheduler's thread. Every request has the same timeout, so deadlines
/// arrive in start order; the timer is armed for the earliest live one and re-armed only when it fires.
/// </summary>
/// <remarks>Memory: the requests in flight plus the finished ones queued behind an older request still in flight
/// (at most the requests started within one timeout).</remarks>
internal sealed class RequestDeadlines : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly Lock _gate = new();
    private readonly List<Deadline> _pending = [];
    private readonly ITimer _timer;
    private DateTimeOffset? _armedFor;
    private bool _disposed;

    public RequestDeadlines(TimeProvider time, TimeSpan timeout)
    {
        _time = time;
        _timeout = timeout;
        _timer = time.CreateTimer(static s => ((RequestDeadlines)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts a request's deadline: its token is cancelled once the timeout has passed.</summary>
    public Deadline Start()
    {
        var deadline = new Deadline(_time.GetUtcNow() + _timeout);
        lock (_gate)
        {
            if (!_disposed)
            {
                _pending.Add(deadline);
                if (_armedFor is not { } armed || deadline.Due < armed)
                {
                    Arm(deadline.Due);
                }
            }
        }

        return deadline;
    }

    /// <summary>Ends a request's deadline (its token is no longer cancelled); finished deadlines at the head leave the queue.</summary>
    public void Complete(Deadline deadline)
    {
        lock (_gate)
        {
            deadline.Done = true;
            var finished = 0;
            while (finished < _pending.Count && _pending[finished].Done)
            {
                finished++;
            }

            _pending.RemoveRange(0, finished);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending.Clear();
        }

        _timer.Dispose();
    }

    private void Arm(DateTimeOffset due)
    {
        _armedFor = due;
        var delay = due - _time.GetUtcNow();
        _timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        List<Deadline>? expired = null;
        lock (_gate)
        {
            _armedFor = null;
            if (_disposed)
            {
                return;
            }

            // A full pass (rare: once per timeout at most): correct even when the clock stepped back between starts.
            var now = _time.GetUtcNow();
            DateTimeOffset? next = null;
            _pending.RemoveAll(d =>
            {
                if (d.Done)
                {
                    return true;
                }

                if (d.Due <= now)
                {
                    (expired ??= []).Add(d);
                    return true;
                }

                next = next is { } n && n <= d.Due ? n : d.Due;
                return false;
            });
            if (next is { } earliest)
            {
                Arm(earliest);
            }
        }

        // Outside the lock: cancelling runs the request's cancellation callbacks.
        if (expired is not null)
        {
            foreach (var deadline in expired)
            {
                deadline.Expire();
            }
        }
    }

    /// <summary>One request's deadline. Its source is never disposed: it has no timer, and an expiry may race the end.</summary>
#pragma warning disable CA1001 // No timer and no registrations of its own: nothing to release; see the summary.
    internal sealed class Deadline(DateTimeOffset due)
#pragma warning restore CA1001
    {
        private readonly CancellationTokenSource _source = new();

        public DateTimeOffset Due { get; } = due;

        public CancellationToken Token => _source.Token;

        public bool IsExpired => _source.IsCancellationRequested;

        // Guarded by the owner's gate.
        public bool Done { get; set; }

        public void Expire() => _source.Cancel();
    }
}

using System.Threading.Tasks.Sources;

namespace RxTrader.Simulator.Sockets;

/// <summary>
/// An allocation-free auto-reset signal with a single waiter: the writer loop awaits it when the queue is empty,
/// producers set it. A set with no waiter is remembered, so a wake-up is never lost.
/// </summary>
internal sealed class WriterSignal : IValueTaskSource
{
    private readonly Lock _gate = new();
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private bool _set;
    private bool _waiting;

    /// <summary>Completes when <see cref="Set"/> has been called since the previous wait completed. One waiter at a time.</summary>
    public ValueTask WaitAsync()
    {
        lock (_gate)
        {
            if (_set)
            {
                _set = false;
                return ValueTask.CompletedTask;
            }

            _waiting = true;
            _core.Reset();
            return new ValueTask(this, _core.Version);
        }
    }

    /// <summary>Wakes the waiter, or lets the next wait complete at once. Thread-safe.</summary>
    public void Set()
    {
        lock (_gate)
        {
            if (_waiting)
            {
                _waiting = false;

                // Continuations run asynchronously, so the writer never runs inside a producer's call.
                _core.SetResult(true);
            }
            else
            {
                _set = true;
            }
        }
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}

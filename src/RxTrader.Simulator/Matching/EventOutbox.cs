using System.Reactive.Linq;
using System.Reactive.Subjects;

namespace RxTrader.Simulator.Matching;

/// <summary>Queues events under the engine gate and delivers them outside it, one deliverer at a time, in
/// the order they were queued.</summary>
/// <remarks>
/// Whoever finds the outbox idle after an operation becomes the deliverer and drains until it is empty,
/// including events queued meanwhile by other threads or by observers calling back into the engine; the
/// others return at once. A subject is needed here: the engine is a hot, multicast source.
/// </remarks>
internal sealed class EventOutbox(Lock gate) : IDisposable
{
    private readonly Subject<ExchangeEvent> _subject = new();
    private List<ExchangeEvent> _pending = [];
    private List<ExchangeEvent> _delivering = [];
    private bool _isDelivering;
    private bool _disposed;

    public IObservable<ExchangeEvent> Events => _subject.AsObservable();

    /// <summary>Queues an event; call under the gate.</summary>
    public void Add(ExchangeEvent e) => _pending.Add(e);

    /// <summary>Delivers queued events; call outside the gate.</summary>
    public void Flush()
    {
        lock (gate)
        {
            if (_isDelivering || _pending.Count == 0 || _disposed)
            {
                return;
            }

            _isDelivering = true;
        }

        try
        {
            while (true)
            {
                List<ExchangeEvent> batch;
                lock (gate)
                {
                    if (_disposed)
                    {
                        // Disposed while this thread was delivering: it completes the subject, so no OnNext can race
                        // with the completion on another thread.
                        _isDelivering = false;
                        _pending.Clear();
                        Complete();
                        return;
                    }

                    if (_pending.Count == 0)
                    {
                        _isDelivering = false;
                        return;
                    }

                    batch = _pending;
                    _pending = _delivering;
                    _delivering = batch;
                }

                foreach (var e in batch)
                {
                    _subject.OnNext(e);
                }

                batch.Clear();
            }
        }
        catch
        {
            // An observer threw: leave the outbox usable for the next operation, then surface the fault.
            lock (gate)
            {
                _delivering.Clear();
                _isDelivering = false;
            }

            throw;
        }
    }

    /// <summary>Completes the events; when another thread is delivering, that thread completes them after its batch.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_isDelivering)
            {
                return;
            }
        }

        Complete();
    }

    private void Complete()
    {
        _subject.OnCompleted();
        _subject.Dispose();
    }
}

using System.Collections.Immutable;

namespace RxTrader.Streams.Windows;

/// <summary>One subscription of the unkeyed sliding window: one ring buffer, no gate (no timers, Rx grammar in).</summary>
internal sealed class SlidingWindowObserver<T>(IObserver<ImmutableArray<T>> downstream, int count, bool onlyWhenFull)
    : IObserver<T>
{
    private readonly RingBuffer<T> _ring = new(count);

    public void OnNext(T value)
    {
        _ring.Add(value);
        if (!onlyWhenFull || _ring.IsFull)
        {
            downstream.OnNext(_ring.Snapshot());
        }
    }

    public void OnError(Exception error) => downstream.OnError(error);

    public void OnCompleted() => downstream.OnCompleted();
}

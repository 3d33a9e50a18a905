namespace RxTrader.Simulator.MarketStreams;

/// <summary>Faults only a stream session can inject, on its <c>@depth</c> diff streams (for the fault layer).</summary>
internal sealed partial class MarketStreamSession
{
    private int _skipDepth;
    private int _duplicateDepth;
    private bool _reorderDepth;

    /// <summary>Sends each of the next <paramref name="count"/> diff-depth events of this connection twice.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public void DuplicateNextDepthEvents(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _duplicateDepth += count;
        }
    }

    /// <summary>Drops the next <paramref name="count"/> diff-depth events of this connection: the client then sees
    /// <c>U &gt; previous u + 1</c>, a gap.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public void SkipNextDepthEvents(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _skipDepth += count;
        }
    }

    /// <summary>Swaps the next two diff-depth events of one stream of this connection (the first is held back and
    /// sent right after the second).</summary>
    public void ReorderNextDepthEvents()
    {
        lock (_gate)
        {
            _reorderDepth = true;
        }
    }

    /// <summary>Forgets the skips, duplicates and reorder not applied yet (an event already held back is still sent
    /// after the next one).</summary>
    public void DisarmDepthFaults()
    {
        lock (_gate)
        {
            _skipDepth = 0;
            _duplicateDepth = 0;
            _reorderDepth = false;
        }
    }

    /// <summary>Diff events are rare (at most 10/s per stream), so they always take the gate: skip, then a held event,
    /// then a new hold, then duplicate.</summary>
    private void DeliverDepth(StreamSubscription subscription, ReadOnlyMemory<byte> payload)
    {
        lock (_gate)
        {
            if (_skipDepth > 0)
            {
                _skipDepth--;
                return;
            }

            if (subscription.Held is { } held)
            {
                subscription.Held = null;
                Send(subscription, payload.Span);
                Send(subscription, held.Span);
                return;
            }

            if (_reorderDepth)
            {
                _reorderDepth = false;
                subscription.Held = payload;
                return;
            }

            Send(subscription, payload.Span);
            if (_duplicateDepth > 0)
            {
                _duplicateDepth--;
                Send(subscription, payload.Span);
            }
        }
    }
}

using System.Reactive.Concurrency;
using RxTrader.Binance.Wire;

namespace RxTrader.Binance.Feed;

/// <summary>The stream set and the paced SUBSCRIBE/UNSUBSCRIBE messages that change it on a live connection.</summary>
/// <remarks>
/// Each <see cref="Subscribe"/> / <see cref="Unsubscribe"/> call that changes the set queues one control message
/// per <see cref="BinanceFeedOptions.MaxStreamsPerRequest"/> streams. Messages are sent at most <see cref="BinanceFeedOptions.ControlMessagesPerSecond"/> per
/// second, spaced evenly on the feed's scheduler, and only while connected. A (re)connect replaces the queue:
/// its URL names the first <see cref="BinanceFeedOptions.MaxStreamsPerRequest"/> streams of the current set and
/// the rest are queued as SUBSCRIBEs. An error reply to a SUBSCRIBE removes its streams from the set and is
/// reported as <see cref="SubscriptionRejected"/>.
/// </remarks>
public sealed partial class BinanceMarketFeed
{
    private readonly Queue<(ControlMethod Method, StreamName[] Streams)> _pendingControl = new();
    private IDisposable? _controlTimer;
    private DateTimeOffset _nextControlSlot = DateTimeOffset.MinValue;
    private long _nextRequestId;

    // Requests sent on the current connection and not answered yet, by id; every request gets one reply.
    private readonly Dictionary<long, (ControlMethod Method, StreamName[] Streams)> _awaitingReply = [];

    /// <summary>Adds streams to the set; those already in it are ignored.</summary>
    /// <param name="streams">The streams.</param>
    /// <returns>The streams that were new.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="streams"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The set would exceed
    /// <see cref="BinanceFeedOptions.StreamsPerConnection"/> streams (one connection per feed; use
    /// <see cref="BinanceMarketFeedGroup"/> for more).</exception>
    /// <exception cref="ObjectDisposedException">The feed is disposed.</exception>
    public IReadOnlyList<StreamName> Subscribe(IEnumerable<StreamName> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_state == FeedState.Disposed, this);
            var added = streams.Distinct().Where(s => !_streams.Contains(s)).ToArray();
            if (_streams.Count + added.Length > _options.StreamsPerConnection)
            {
                throw new InvalidOperationException(
                    $"This feed carries at most {_options.StreamsPerConnection} streams on its one connection.");
            }

            _streams.AddRange(added);
            QueueLocked(ControlMethod.Subscribe, added);
            return added;
        }
    }

    /// <summary>Removes streams from the set; those not in it are ignored.</summary>
    /// <param name="streams">The streams.</param>
    /// <returns>The streams that were removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="streams"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The feed is disposed.</exception>
    public IReadOnlyList<StreamName> Unsubscribe(IEnumerable<StreamName> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_state == FeedState.Disposed, this);
            var removed = streams.Distinct().Where(_streams.Remove).ToArray();
            QueueLocked(ControlMethod.Unsubscribe, removed);
            return removed;
        }
    }

    private void QueueLocked(ControlMethod method, StreamName[] streams)
    {
        // Before the first connect the URL carries the set; while connecting, the queue waits for the open.
        if (streams.Length == 0 || _state is not (FeedState.Connecting or FeedState.Connected))
        {
            return;
        }

        foreach (var chunk in streams.Chunk(_options.MaxStreamsPerRequest))
        {
            _pendingControl.Enqueue((method, chunk));
        }

        PumpControlLocked();
    }

    private void PumpControlLocked()
    {
        if (_state != FeedState.Connected || _controlTimer is not null || _pendingControl.Count == 0 || _connection is null)
        {
            return;
        }

        var now = _options.Scheduler.Now;
        if (now < _nextControlSlot)
        {
            _controlTimer = _options.Scheduler.Schedule(_nextControlSlot - now, OnControlSlot);
            return;
        }

        var (method, streams) = _pendingControl.Dequeue();
        _awaitingReply[++_nextRequestId] = (method, streams);
        _connection.Client.SendAsText(ControlRequestWriter.ToUtf8(method, streams, _nextRequestId));
        Statistics.AddControlMessage();
        _nextControlSlot = now + TimeSpan.FromTicks(TimeSpan.TicksPerSecond / _options.ControlMessagesPerSecond);
        if (_pendingControl.Count > 0)
        {
            _controlTimer = _options.Scheduler.Schedule(_nextControlSlot - now, OnControlSlot);
        }
    }

    // An error reply to a SUBSCRIBE removes the request's streams from the set and is reported; other replies
    // only settle their request (errors to anything else, or without a known id, are counted, not reported).
    private void OnControlReply(ControlReply reply, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (reply.Id is not { } id || !_awaitingReply.Remove(id, out var request)
                || reply is not { Kind: ControlReplyKind.Error, Error: { } error } || request.Method != ControlMethod.Subscribe
                || _state == FeedState.Disposed)
            {
                return;
            }

            var removed = request.Streams.Where(_streams.Remove).ToArray();
            Emit(new SubscriptionRejected(now, _options.Name, removed, error.Code, error.Message, id));
        }
    }

    private void OnControlSlot()
    {
        lock (_gate)
        {
            _controlTimer = null;
            PumpControlLocked();
        }
    }
}

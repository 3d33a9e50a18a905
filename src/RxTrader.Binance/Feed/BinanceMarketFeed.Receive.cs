using System.Reactive;
using System.Text;
using RxTrader.Binance.Wire;
using RxTrader.Core.Connectivity;
using Websocket.Client;

namespace RxTrader.Binance.Feed;

/// <summary>The receive path: count, decode into the hand-offs, close gaps, react to <c>serverShutdown</c>.</summary>
/// <remarks>
/// Runs on the socket's receive thread, one frame at a time. It takes the gate only for the first market payload
/// of a connection (to report the per-stream <see cref="Gap"/>s), for control replies and for a shutdown notice.
/// </remarks>
public sealed partial class BinanceMarketFeed
{
    // Serialises decoding: the receive thread of a connection being replaced may overlap the new one's briefly.
    // Uncontended in steady state (one receive thread), so it costs an interlocked operation per frame.
    private readonly Lock _receiveGate = new();
    private byte[] _textBuffer = [];

    private void OnMessage(FeedConnection connection, ResponseMessage message)
    {
        lock (_receiveGate)
        {
            if (connection.IsCurrent)
            {
                Receive(connection, message);
            }
        }
    }

    private void Receive(FeedConnection connection, ResponseMessage message)
    {
        if (!connection.Opened)
        {
            // A frame can arrive before the open's continuation runs: report Connected first.
            OnOpened(connection);
        }


        var now = _options.Scheduler.Now;
        connection.LastFrameTicks = now.UtcTicks;
        var frame = Bytes(message);
        Statistics.AddFrame(frame.Length);
        _frameSignal.OnNext(Unit.Default);
        _sink.ReceivedAt = now;
        _sink.ShutdownNotice = false;
        _sink.Reply = null;
        var status = _decoder.Decode(frame, _sink);
        if (status == DecodeStatus.Decoded)
        {
            if (!connection.SawData)
            {
                OnFirstData(connection, now);
            }

            _lastFrameTime = now;
        }
        else if (_sink.Reply is { } reply)
        {
            OnControlReply(reply, now);
        }
        else if (_sink.ShutdownNotice)
        {
            Drop(connection, DisconnectReason.ServerShutdown, "serverShutdown");
        }
    }

    private void OnFirstData(FeedConnection connection, DateTimeOffset now)
    {
        lock (_gate)
        {
            connection.SawData = true;
            if (_lastFrameTime is { } from && connection.IsCurrent)
            {
                // One Gap per stream that lost data: in the set at the drop and still in it now.
                Statistics.AddGap();
                foreach (var stream in _streams)
                {
                    if (_streamsAtDrop.Contains(stream))
                    {
                        Statistics.AddStreamGap();
                        Emit(new Gap(now, stream.ToString(), from, now));
                    }
                }
            }

            _streamsAtDrop.Clear();
        }
    }

    // Websocket.Client hands text frames over as bytes when text conversion is off; strings are re-encoded.
    private ReadOnlySpan<byte> Bytes(ResponseMessage message)
    {
        if (message.Binary is { } binary)
        {
            return binary;
        }

        if (message.Stream is { } stream)
        {
            return stream.GetBuffer().AsSpan(0, (int)stream.Length);
        }

        var text = message.Text ?? string.Empty;
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_textBuffer.Length < needed)
        {
            _textBuffer = new byte[Math.Max(needed, 4096)];
        }

        return _textBuffer.AsSpan(0, Encoding.UTF8.GetBytes(text, _textBuffer));
    }
}

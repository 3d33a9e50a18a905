using System.Buffers;
using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using System.Text.Unicode;

namespace RxTrader.Simulator.Sockets;

/// <summary>Inbound side: RFC 6455 frame parsing, reassembly, control frames and the inbound rate limit.</summary>
internal sealed partial class SimulatorWebSocket
{
    private const int ReceiveBufferBytes = 16 << 10;

    private byte[] _rx = [];
    private int _rxStart;
    private int _rxEnd;
    private byte[] _message = [];
    private DateTimeOffset _rateWindowStart;
    private int _rateCount;

    /// <summary>
    /// Receives until the connection ends, handing each complete text message to <paramref name="onText"/> in order
    /// (the memory is valid only until the returned task completes), then waits for the writer to finish and
    /// returns how the connection ended (the same value as <see cref="Completion"/>). Call once, from the request
    /// delegate that accepted the socket: the connection lives as long as this call. Do not await
    /// <see cref="CloseAsync"/> or <see cref="Completion"/> inside <paramref name="onText"/> (it would wait for itself).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="onText"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Called more than once.</exception>
    public async Task<WebSocketClosure> RunAsync(Func<ReadOnlyMemory<byte>, ValueTask> onText)
    {
        ArgumentNullException.ThrowIfNull(onText);
        lock (_gate)
        {
            if (_running)
            {
                throw new InvalidOperationException("RunAsync may be called once.");
            }

            _running = true;
        }

        _rx = ArrayPool<byte>.Shared.Rent(ReceiveBufferBytes);
        _message = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            await ReceiveLoopAsync(onText).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A broken transport ends the connection; the cause is recorded as data.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _closure ??= new WebSocketClosure(WebSocketCloseReason.ConnectionLost, null, ex.Message);
            }

            AbortTransport();
        }

        // The writer still has to put the close frame out; the close timer drops a peer that does not read.
        StartCloseTimer();
        await _writer.ConfigureAwait(false);
        Finish();
        return await _completion.Task.ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync(Func<ReadOnlyMemory<byte>, ValueTask> onText)
    {
        var inMessage = false;
        var messageIsText = false;
        var discardMessage = false;
        var messageLength = 0;
        var control = new byte[125];
        while (true)
        {
            if (!await FillAsync(2).ConfigureAwait(false))
            {
                EndOfStream();
                return;
            }

            var b0 = _rx[_rxStart];
            var b1 = _rx[_rxStart + 1];
            var fin = (b0 & 0x80) != 0;
            var opcode = (WebSocketOpcode)(b0 & 0x0F);
            var masked = (b1 & 0x80) != 0;
            var length7 = b1 & 0x7F;
            var headerLength = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + (masked ? 4 : 0);
            if (!await FillAsync(headerLength).ConfigureAwait(false))
            {
                EndOfStream();
                return;
            }

            var header = _rx.AsSpan(_rxStart, headerLength);
            var length = length7 switch
            {
                126 => BinaryPrimitives.ReadUInt16BigEndian(header[2..]),
                127 => BinaryPrimitives.ReadUInt64BigEndian(header[2..]),
                _ => (ulong)length7,
            };
            var problem = (b0 & 0x70) != 0 ? "Reserved bits set without a negotiated extension"
                : !masked ? "Client frames must be masked"
                : length > long.MaxValue ? "Invalid payload length"
                : null;
            var isControl = ((byte)opcode & 0x8) != 0;
            if (problem is null && isControl)
            {
                problem = opcode is not (WebSocketOpcode.Close or WebSocketOpcode.Ping or WebSocketOpcode.Pong) ? "Unknown opcode"
                    : !fin ? "Fragmented control frame"
                    : length > 125 ? "Control frame payload over 125 bytes"
                    : null;
            }
            else if (problem is null)
            {
                problem = opcode switch
                {
                    WebSocketOpcode.Continuation when !inMessage => "Continuation frame without a message",
                    WebSocketOpcode.Text or WebSocketOpcode.Binary when inMessage => "New message before the previous one ended",
                    WebSocketOpcode.Continuation or WebSocketOpcode.Text or WebSocketOpcode.Binary => null,
                    _ => "Unknown opcode",
                };
            }

            if (problem is not null)
            {
                // The byte stream cannot be trusted any more: close 1002 and discard whatever follows.
                BeginClose(WebSocketCloseReason.ProtocolError, WebSocketCloseStatus.ProtocolError, problem);
                await DrainAsync().ConfigureAwait(false);
                return;
            }

            var mask = BinaryPrimitives.ReadUInt32LittleEndian(header[(headerLength - 4)..]);
            _rxStart += headerLength;

            if (isControl)
            {
                var payload = control.AsMemory(0, (int)length);
                if (!await ReadPayloadAsync(payload, mask).ConfigureAwait(false))
                {
                    EndOfStream();
                    return;
                }

                CountInbound();
                if (opcode == WebSocketOpcode.Close)
                {
                    OnCloseReceived(payload.Span);
                    return;
                }

                if (opcode == WebSocketOpcode.Ping)
                {
                    OnPingReceived(payload.Span);
                }
                else
                {
                    OnPongReceived();
                }

                continue;
            }

            if (opcode != WebSocketOpcode.Continuation)
            {
                inMessage = true;
                messageIsText = opcode == WebSocketOpcode.Text;
                discardMessage = !messageIsText;
                messageLength = 0;
                CountInbound();
            }

            if (length > (ulong)(_options.MaxMessageBytes - messageLength))
            {
                BeginClose(WebSocketCloseReason.MessageTooBig, WebSocketCloseStatus.MessageTooBig, $"Message larger than {_options.MaxMessageBytes} bytes");
                discardMessage = true;
            }

            lock (_gate)
            {
                // After a close began, data is read only to reach the peer's close frame.
                discardMessage |= _closeFrameQueued;
            }

            if (discardMessage)
            {
                if (!await SkipAsync(length).ConfigureAwait(false))
                {
                    EndOfStream();
                    return;
                }
            }
            else
            {
                EnsureMessageCapacity(messageLength + (int)length);
                if (!await ReadPayloadAsync(_message.AsMemory(messageLength, (int)length), mask).ConfigureAwait(false))
                {
                    EndOfStream();
                    return;
                }

                messageLength += (int)length;
            }

            if (!fin)
            {
                continue;
            }

            inMessage = false;
            if (discardMessage)
            {
                if (!messageIsText)
                {
                    lock (_gate)
                    {
                        _binaryReceived++;
                    }
                }

                continue;
            }

            var message = _message.AsMemory(0, messageLength);
            if (!Utf8.IsValid(message.Span))
            {
                BeginClose(WebSocketCloseReason.InvalidPayload, WebSocketCloseStatus.InvalidPayloadData, "Text message is not valid UTF-8");
                continue;
            }

            lock (_gate)
            {
                _textReceived++;
            }

            try
            {
                await onText(message).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failing handler closes this connection only; the cause is recorded as data.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                BeginClose(WebSocketCloseReason.HandlerFailed, WebSocketCloseStatus.InternalServerError, ex.GetType().Name);
            }
        }
    }

    private void OnCloseReceived(ReadOnlySpan<byte> payload)
    {
        WebSocketCloseStatus? status = payload.Length >= 2 ? (WebSocketCloseStatus)BinaryPrimitives.ReadUInt16BigEndian(payload) : null;
        var description = payload.Length > 2 ? Encoding.UTF8.GetString(payload[2..]) : string.Empty;
        var wake = false;
        lock (_gate)
        {
            _closure ??= new WebSocketClosure(WebSocketCloseReason.ClientClosed, status, description);
            if (!_closeFrameQueued && !_aborted)
            {
                // Echo the status code (RFC 6455 §5.5.1); an empty close is answered with an empty close.
                Span<byte> echo = stackalloc byte[2];
                var echoLength = 0;
                if (payload.Length >= 2)
                {
                    payload[..2].CopyTo(echo);
                    echoLength = 2;
                }

                QueueCloseFrameLocked(echo[..echoLength], ref wake);
            }
        }

        if (wake)
        {
            _writerSignal.Set();
        }
    }

    private void OnPingReceived(ReadOnlySpan<byte> payload)
    {
        var wake = false;
        lock (_gate)
        {
            _pingsReceived++;
            if (!_closeFrameQueued && !_aborted)
            {
                EnqueueControlLocked(WebSocketOpcode.Pong, payload, ref wake);
            }
        }

        if (wake)
        {
            _writerSignal.Set();
        }
    }

    private void CountInbound()
    {
        if (_options.MaxInboundMessagesPerSecond is not { } limit)
        {
            return;
        }

        var now = _scheduler.Now;
        if (now - _rateWindowStart >= TimeSpan.FromSeconds(1))
        {
            _rateWindowStart = now;
            _rateCount = 0;
        }

        if (++_rateCount > limit)
        {
            BeginClose(WebSocketCloseReason.RateLimited, WebSocketCloseStatus.PolicyViolation, $"Too many messages (over {limit} per second)");
        }
    }

    private void EndOfStream()
    {
        lock (_gate)
        {
            _closure ??= new WebSocketClosure(WebSocketCloseReason.ConnectionLost, null, "Transport closed without a close frame");
        }

        AbortTransport();
    }

    private void EnsureMessageCapacity(int needed)
    {
        if (needed <= _message.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _message.Length * 2));
        _message.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_message);
        _message = larger;
    }

    /// <summary>Ensures <paramref name="count"/> unread bytes are buffered; false at end of stream.</summary>
    private async ValueTask<bool> FillAsync(int count)
    {
        if (_rxEnd - _rxStart >= count)
        {
            return true;
        }

        if (_rxStart > 0)
        {
            _rx.AsSpan(_rxStart, _rxEnd - _rxStart).CopyTo(_rx);
            _rxEnd -= _rxStart;
            _rxStart = 0;
        }

        while (_rxEnd < count)
        {
            var read = await _stream.ReadAsync(_rx.AsMemory(_rxEnd)).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            _rxEnd += read;
        }

        return true;
    }

    /// <summary>Copies the next <c>destination.Length</c> payload bytes, unmasked, into <paramref name="destination"/>.</summary>
    private async ValueTask<bool> ReadPayloadAsync(Memory<byte> destination, uint mask)
    {
        var offset = 0;
        while (offset < destination.Length)
        {
            if (_rxEnd == _rxStart && !await FillAsync(1).ConfigureAwait(false))
            {
                return false;
            }

            var count = Math.Min(_rxEnd - _rxStart, destination.Length - offset);
            Unmask(_rx.AsSpan(_rxStart, count), destination.Span.Slice(offset, count), mask, offset);
            _rxStart += count;
            offset += count;
        }

        return true;
    }

    private async ValueTask<bool> SkipAsync(ulong length)
    {
        while (length > 0)
        {
            if (_rxEnd == _rxStart && !await FillAsync(1).ConfigureAwait(false))
            {
                return false;
            }

            var count = (int)Math.Min((ulong)(_rxEnd - _rxStart), length);
            _rxStart += count;
            length -= (ulong)count;
        }

        return true;
    }

    private async Task DrainAsync()
    {
        _rxStart = _rxEnd = 0;
        while (await _stream.ReadAsync(_rx).ConfigureAwait(false) > 0)
        {
        }
    }

    /// <summary>XORs with the 4-byte mask; <paramref name="maskOffset"/> is the payload position of the first byte.</summary>
    private static void Unmask(ReadOnlySpan<byte> source, Span<byte> destination, uint mask, int maskOffset)
    {
        Span<byte> key = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(key, mask);
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = (byte)(source[i] ^ key[(maskOffset + i) & 3]);
        }
    }
}

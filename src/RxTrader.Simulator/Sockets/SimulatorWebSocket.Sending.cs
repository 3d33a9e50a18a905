using System.Buffers;
using System.Text;

namespace RxTrader.Simulator.Sockets;

/// <summary>Outbound side: the bounded frame queue and the coalescing writer loop.</summary>
internal sealed partial class SimulatorWebSocket
{
    private bool _writerWaiting;
    private bool _stalled;
    private TimeSpan _frameDelay;
    private long _closeFrameSequence;

    /// <summary>
    /// Queues one text frame whose payload is <paramref name="first"/>, <paramref name="second"/> and
    /// <paramref name="third"/> copied back to back (e.g. a combined-stream prefix, a shared payload and <c>}</c>).
    /// Never blocks and does not allocate; the bytes are not checked for UTF-8 (a fault can send anything).
    /// </summary>
    /// <returns>True when queued; false when the connection is closing or gone, or when the frame did not fit the
    /// queue, in which case the connection is dropped as a slow consumer.</returns>
    public bool TrySendText(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default, ReadOnlySpan<byte> third = default)
        => TryEnqueue(WebSocketOpcode.Text, first, second, third, raw: false, bounded: true);

    /// <summary>Queues <paramref name="text"/> as one text frame (encodes to UTF-8; for replies and faults, not the hot path).</summary>
    /// <returns>As <see cref="TrySendText(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public bool TrySendText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            return TrySendText(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Fault hook: queues <paramref name="bytes"/> to be written to the transport exactly as given, in order with the
    /// frames (they may be a broken frame). Subject to the queue bound like any frame.
    /// </summary>
    /// <returns>As <see cref="TrySendText(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.</returns>
    public bool SendRaw(ReadOnlySpan<byte> bytes) => TryEnqueue(default, bytes, default, default, raw: true, bounded: true);

    /// <summary>
    /// Fault hook: while stalled nothing is written (no data, no pings, no pongs, no close frame) and the socket stays
    /// open; frames keep queueing under the same byte bound and are written in order when the stall ends.
    /// </summary>
    public void Stall(bool stalled)
    {
        bool wake;
        lock (_gate)
        {
            _stalled = stalled;
            wake = !stalled && TakeWriterWaitingLocked();
        }

        if (wake)
        {
            _writerSignal.Set();
        }
    }

    /// <summary>
    /// Fault hook: when positive, the writer waits this long (on the scheduler) before writing each frame, and writes
    /// frames one at a time; <see cref="TimeSpan.Zero"/> restores coalesced writes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public void SetFrameDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            _frameDelay = delay;
            _outbound.SealEveryFrame = delay > TimeSpan.Zero;
        }
    }

    private bool TryEnqueue(WebSocketOpcode opcode, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, bool raw, bool bounded)
    {
        var size = raw ? first.Length : OutboundBuffer.FrameSize(first.Length + second.Length + third.Length);
        var wake = false;
        var slow = false;
        lock (_gate)
        {
            if (_closeFrameQueued || _aborted)
            {
                return false;
            }

            if (bounded && _outbound.QueuedBytes + size > _options.SendQueueBytes)
            {
                _closure ??= new WebSocketClosure(WebSocketCloseReason.SlowConsumer, null, $"Send queue exceeded {_options.SendQueueBytes} bytes");
                slow = true;
            }
            else
            {
                if (raw)
                {
                    _outbound.AppendRaw(first);
                }
                else
                {
                    _outbound.AppendFrame(opcode, first, second, third);
                }

                _framesQueued++;
                if (_outbound.QueuedBytes > _queueHighWater)
                {
                    _queueHighWater = _outbound.QueuedBytes;
                }

                wake = !_stalled && TakeWriterWaitingLocked();
            }
        }

        if (slow)
        {
            // The client cannot keep up: drop it rather than block the producer or grow without bound.
            AbortTransport();
            return false;
        }

        if (wake)
        {
            _writerSignal.Set();
        }

        return true;
    }

    /// <summary>Queues a control frame (ignores the byte bound: control frames are tiny and must not be refused).</summary>
    private void EnqueueControlLocked(WebSocketOpcode opcode, ReadOnlySpan<byte> payload, ref bool wake)
    {
        _outbound.AppendFrame(opcode, payload, default, default);
        _framesQueued++;
        if (_outbound.QueuedBytes > _queueHighWater)
        {
            _queueHighWater = _outbound.QueuedBytes;
        }

        wake |= !_stalled && TakeWriterWaitingLocked();
    }

    private bool TakeWriterWaitingLocked()
    {
        if (!_writerWaiting)
        {
            return false;
        }

        _writerWaiting = false;
        return true;
    }

    private async Task WriteLoopAsync()
    {
        OutboundChunk chunk = default;
        var holding = false;
        try
        {
            while (true)
            {
                TimeSpan delay;
                lock (_gate)
                {
                    if (holding)
                    {
                        _framesWritten += chunk.Frames;
                        _bytesWritten += chunk.Length;
                        _writes++;
                        holding = false;
                        if (_aborted || _finished)
                        {
                            ArrayPool<byte>.Shared.Return(chunk.Buffer);
                        }
                        else
                        {
                            _outbound.Release(chunk.Buffer);
                        }
                        if (_closeFrameQueued && _framesWritten >= _closeFrameSequence)
                        {
                            // The close frame is out: nothing may follow it.
                            return;
                        }
                    }

                    if (_aborted)
                    {
                        return;
                    }

                    if (_stalled || !_outbound.TryTake(out chunk))
                    {
                        _writerWaiting = true;
                        delay = TimeSpan.MinValue;
                    }
                    else
                    {
                        holding = true;
                        delay = _frameDelay;
                    }
                }

                if (!holding)
                {
                    await _writerSignal.WaitAsync().ConfigureAwait(false);
                    continue;
                }

                if (delay > TimeSpan.Zero)
                {
                    await DelayAsync(delay).ConfigureAwait(false);
                }

                // Kestrel's upgraded stream flushes each write: one write per packed buffer.
                await _stream.WriteAsync(chunk.Buffer.AsMemory(0, chunk.Length)).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Any transport failure ends the connection; the cause is recorded as data.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (holding)
            {
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }

            lock (_gate)
            {
                _closure ??= new WebSocketClosure(WebSocketCloseReason.ConnectionLost, null, ex.Message);
            }

            AbortTransport();
        }
    }

    private Task DelayAsync(TimeSpan delay)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _scheduler.Schedule(done, delay, static (_, tcs) =>
        {
            tcs.TrySetResult();
            return System.Reactive.Disposables.Disposable.Empty;
        });
        return done.Task;
    }
}

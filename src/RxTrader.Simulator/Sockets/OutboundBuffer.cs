using System.Buffers;
using System.Buffers.Binary;

namespace RxTrader.Simulator.Sockets;

/// <summary>
/// The outbound byte queue of one connection: complete server frames (unmasked) packed back to back into pooled
/// buffers of a fixed size, so the writer hands the transport one large write per buffer and the per-frame cost is
/// a header plus a copy. Not thread-safe: the owning <see cref="SimulatorWebSocket"/> calls it under its gate.
/// </summary>
internal sealed class OutboundBuffer
{
    // Written buffers kept for reuse: the shared pool keeps only a few arrays per core, and a busy connection cycles
    // through many, so without a local free list a deep queue would allocate fresh 64 KiB arrays.
    private const int MaxFreeBuffers = 8;

    private readonly int _bufferSize;
    private readonly Queue<OutboundChunk> _sealed = new();
    private readonly Stack<byte[]> _free = new(MaxFreeBuffers);
    private byte[]? _current;
    private int _currentLength;
    private int _currentFrames;

    /// <summary>Creates an empty queue whose buffers hold <paramref name="bufferSize"/> bytes.</summary>
    public OutboundBuffer(int bufferSize) => _bufferSize = bufferSize;

    /// <summary>Bytes queued and not yet taken by the writer.</summary>
    public long QueuedBytes { get; private set; }

    /// <summary>When true, every frame ends its buffer, so the writer takes one frame at a time (used for per-frame delays).</summary>
    public bool SealEveryFrame { get; set; }

    /// <summary>The wire size of a frame with this payload length.</summary>
    public static int FrameSize(int payloadLength) => HeaderSize(payloadLength) + payloadLength;

    /// <summary>Appends one final (FIN) frame whose payload is the three segments back to back.</summary>
    public void AppendFrame(WebSocketOpcode opcode, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third)
    {
        var length = first.Length + second.Length + third.Length;
        Span<byte> header = stackalloc byte[10];
        header[0] = (byte)(0x80 | (byte)opcode);
        int headerLength;
        if (length < 126)
        {
            header[1] = (byte)length;
            headerLength = 2;
        }
        else if (length <= ushort.MaxValue)
        {
            header[1] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)length);
            headerLength = 4;
        }
        else
        {
            header[1] = 127;
            BinaryPrimitives.WriteUInt64BigEndian(header[2..], (ulong)length);
            headerLength = 10;
        }

        Append(header[..headerLength]);
        Append(first);
        Append(second);
        Append(third);
        EndFrame();
    }

    /// <summary>Appends bytes exactly as given (they may not be a valid frame: a fault-injection path); counted as one frame.</summary>
    public void AppendRaw(ReadOnlySpan<byte> bytes)
    {
        Append(bytes);
        EndFrame();
    }

    /// <summary>Takes the oldest buffer (sealing the partly filled one if nothing else is queued); false when empty.</summary>
    public bool TryTake(out OutboundChunk chunk)
    {
        if (_sealed.TryDequeue(out chunk))
        {
            QueuedBytes -= chunk.Length;
            return true;
        }

        if (_currentLength == 0)
        {
            return false;
        }

        Seal();
        chunk = _sealed.Dequeue();
        QueuedBytes -= chunk.Length;
        return true;
    }

    /// <summary>Takes back a buffer from <see cref="TryTake"/> once it has been written.</summary>
    public void Release(byte[] buffer)
    {
        if (_free.Count < MaxFreeBuffers)
        {
            _free.Push(buffer);
        }
        else
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Returns every queued and free buffer to the pool.</summary>
    public void Clear()
    {
        while (_free.TryPop(out var buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        while (_sealed.TryDequeue(out var chunk))
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }

        if (_current is not null)
        {
            ArrayPool<byte>.Shared.Return(_current);
            _current = null;
        }

        _currentLength = 0;
        _currentFrames = 0;
        QueuedBytes = 0;
    }

    private static int HeaderSize(int payloadLength) => payloadLength < 126 ? 2 : payloadLength <= ushort.MaxValue ? 4 : 10;

    private void Append(ReadOnlySpan<byte> bytes)
    {
        QueuedBytes += bytes.Length;
        while (!bytes.IsEmpty)
        {
            _current ??= _free.TryPop(out var reused) ? reused : ArrayPool<byte>.Shared.Rent(_bufferSize);
            var room = _bufferSize - _currentLength;
            if (room == 0)
            {
                Seal();
                continue;
            }

            var count = Math.Min(room, bytes.Length);
            bytes[..count].CopyTo(_current.AsSpan(_currentLength));
            _currentLength += count;
            bytes = bytes[count..];
        }
    }

    private void EndFrame()
    {
        _currentFrames++;
        if (SealEveryFrame)
        {
            Seal();
        }
    }

    private void Seal()
    {
        if (_current is null || _currentLength == 0)
        {
            return;
        }

        _sealed.Enqueue(new OutboundChunk(_current, _currentLength, _currentFrames));
        _current = null;
        _currentLength = 0;
        _currentFrames = 0;
    }
}

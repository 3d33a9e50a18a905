namespace RxTrader.Simulator.Sockets;

/// <summary>One pooled buffer of packed frames taken by the writer.</summary>
/// <param name="Buffer">The pooled array (returned to <see cref="System.Buffers.ArrayPool{T}.Shared"/> after the write).</param>
/// <param name="Length">The bytes to write.</param>
/// <param name="Frames">Frames whose last byte is in this buffer.</param>
internal readonly record struct OutboundChunk(byte[] Buffer, int Length, int Frames);

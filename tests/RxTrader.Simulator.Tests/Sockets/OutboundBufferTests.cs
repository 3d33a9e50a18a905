using System.Buffers;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Tests.Sockets;

public sealed class OutboundBufferTests
{
    [Theory]
    [InlineData(0, new byte[] { 0x81, 0 })]
    [InlineData(125, new byte[] { 0x81, 125 })]
    [InlineData(126, new byte[] { 0x81, 126, 0, 126 })]
    [InlineData(65535, new byte[] { 0x81, 126, 0xFF, 0xFF })]
    [InlineData(65536, new byte[] { 0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0 })]
    public void AppendFrame_EachLengthClass_WritesRfc6455HeaderThenPayload(int length, byte[] header)
    {
        var buffer = new OutboundBuffer(1 << 20);
        var payload = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        buffer.AppendFrame(WebSocketOpcode.Text, payload.AsSpan(0, length / 2), payload.AsSpan(length / 2), default);

        OutboundBuffer.FrameSize(length).ShouldBe(header.Length + length);
        buffer.QueuedBytes.ShouldBe(header.Length + length);
        var bytes = TakeAll(buffer);
        bytes[..header.Length].ShouldBe(header);
        bytes[header.Length..].ShouldBe(payload);
    }

    [Fact]
    public void Append_FramesLargerThanABuffer_SpanBuffersInOrder()
    {
        var buffer = new OutboundBuffer(256);
        var first = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        buffer.AppendFrame(WebSocketOpcode.Text, first, "x"u8, "y"u8);
        buffer.AppendRaw([1, 2, 3]);

        var bytes = TakeAll(buffer);
        bytes.Length.ShouldBe(4 + 302 + 3);
        bytes[4..304].ShouldBe(first);
        bytes[^5..].ShouldBe(new byte[] { (byte)'x', (byte)'y', 1, 2, 3 });
        buffer.QueuedBytes.ShouldBe(0);
    }

    [Fact]
    public void TryTake_ManySmallFrames_CoalescedIntoOneBuffer()
    {
        var buffer = new OutboundBuffer(64 << 10);
        for (var i = 0; i < 100; i++)
        {
            buffer.AppendFrame(WebSocketOpcode.Text, "abc"u8, default, default);
        }

        buffer.TryTake(out var chunk).ShouldBeTrue();
        chunk.Frames.ShouldBe(100);
        chunk.Length.ShouldBe(500);
        buffer.TryTake(out _).ShouldBeFalse();
        ArrayPool<byte>.Shared.Return(chunk.Buffer);
    }

    [Fact]
    public void SealEveryFrame_TakesOneFramePerBuffer()
    {
        var buffer = new OutboundBuffer(64 << 10) { SealEveryFrame = true };
        buffer.AppendFrame(WebSocketOpcode.Text, "a"u8, default, default);
        buffer.AppendFrame(WebSocketOpcode.Ping, "b"u8, default, default);

        buffer.TryTake(out var first).ShouldBeTrue();
        buffer.TryTake(out var second).ShouldBeTrue();

        (first.Frames, first.Length, first.Buffer[0]).ShouldBe((1, 3, (byte)0x81));
        (second.Frames, second.Length, second.Buffer[0]).ShouldBe((1, 3, (byte)0x89));
        buffer.Release(first.Buffer);
        buffer.Release(second.Buffer);
        buffer.Clear();
    }

    private static byte[] TakeAll(OutboundBuffer buffer)
    {
        var bytes = new List<byte>();
        while (buffer.TryTake(out var chunk))
        {
            bytes.AddRange(chunk.Buffer.AsSpan(0, chunk.Length).ToArray());
            buffer.Release(chunk.Buffer);
        }

        buffer.Clear();
        return [.. bytes];
    }
}

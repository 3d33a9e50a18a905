using System.Net.WebSockets;
using System.Text;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Tests.Sockets;

public sealed class SimulatorWebSocketTests
{
    private static readonly TimeSpan Limit = WebSocketTestServer.Limit;

    [Fact]
    public void ComputeAccept_Rfc6455Example_MatchesSpec()
        => WebSocketHandshake.ComputeAccept("dGhlIHNhbXBsZSBub25jZQ==").ShouldBe("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");

    [Fact]
    public async Task AcceptAsync_ValidHandshakeWithDeflateOffer_Switches101WithoutExtensions()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        using var raw = await RawWebSocketClient.ConnectAsync(server.Uri);

        raw.ResponseHead.ShouldContain("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", Case.Insensitive);
        raw.ResponseHead.ShouldNotContain("Sec-WebSocket-Extensions", Case.Insensitive);
        raw.ResponseHead.ShouldContain("Upgrade: websocket", Case.Insensitive);
        (await server.AcceptedAsync()).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("GET", "Upgrade", null)]
    [InlineData("GET", "Sec-WebSocket-Version", "8")]
    [InlineData("GET", "Sec-WebSocket-Key", null)]
    [InlineData("GET", "Sec-WebSocket-Key", "not-a-key")]
    [InlineData("POST", "Host", "127.0.0.1")]
    public async Task AcceptAsync_BadHandshake_Answers400WithBody(string method, string header, string? value)
    {
        await using var server = await WebSocketTestServer.StartAsync();
        using var raw = await RawWebSocketClient.SendRequestAsync(server.Uri, RawWebSocketClient.Request(server.Uri, method, (header, value)));

        raw.ResponseHead.ShouldStartWith("HTTP/1.1 400");
        var length = int.Parse(raw.ResponseHead.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        length.ShouldBeGreaterThan(0);
        (await raw.ReadBodyAsync(length)).Length.ShouldBe(length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(200_000)]
    public async Task RoundTrip_TextOfEachLengthClass_EchoedIntact(int length)
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;
        var text = Text(length, seed: length);

        await client.SendAsync(text, WebSocketMessageType.Text, true, CancellationToken.None);
        var (type, data) = await ReceiveAsync(client);

        type.ShouldBe(WebSocketMessageType.Text);
        data.ShouldBe(text);
        var stats = socket.Statistics;
        stats.TextMessagesReceived.ShouldBe(1);
        stats.FramesQueued.ShouldBe(1);
        stats.Closure.ShouldBeNull();
    }

    [Fact]
    public async Task RoundTrip_FragmentedClientMessage_ReassembledIntoOne()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, _) = await server.ConnectAsync();
        using var __ = client;
        var text = Text(70_000, seed: 7);

        await client.SendAsync(text.AsMemory(0, 100), WebSocketMessageType.Text, false, CancellationToken.None);
        await client.SendAsync(text.AsMemory(100, 69_000), WebSocketMessageType.Text, false, CancellationToken.None);
        await client.SendAsync(text.AsMemory(69_100), WebSocketMessageType.Text, true, CancellationToken.None);
        var (_, data) = await ReceiveAsync(client);

        data.ShouldBe(text);
    }

    [Fact]
    public async Task Receive_BinaryMessage_CountedAndIgnored()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        await client.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        await client.SendAsync("after"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var (_, data) = await ReceiveAsync(client);

        Encoding.UTF8.GetString(data).ShouldBe("after");
        socket.Statistics.BinaryMessagesReceived.ShouldBe(1);
        socket.Statistics.TextMessagesReceived.ShouldBe(1);
    }

    [Fact]
    public async Task Receive_UnmaskedClientFrame_Closes1002()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        using var raw = await RawWebSocketClient.ConnectAsync(server.Uri);
        var socket = await server.AcceptedAsync();

        await raw.SendFrameAsync(0x81, "hi"u8.ToArray(), mask: false);
        var frame = await raw.ReadFrameAsync();

        frame.ShouldNotBeNull();
        frame.Opcode.ShouldBe(0x8);
        frame.CloseCode.ShouldBe(1002);
        raw.Dispose();
        (await socket.Completion.WaitAsync(Limit)).Reason.ShouldBe(WebSocketCloseReason.ProtocolError);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Receive_MessageOverMaximum_Closes1009(bool fragmented)
    {
        await using var server = await WebSocketTestServer.StartAsync(WebSocketTestServer.Quiet with { MaxMessageBytes = 1000 });
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;
        var text = Text(1200, seed: 3);

        if (fragmented)
        {
            await client.SendAsync(text.AsMemory(0, 600), WebSocketMessageType.Text, false, CancellationToken.None);
            await client.SendAsync(text.AsMemory(600), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        else
        {
            await client.SendAsync(text, WebSocketMessageType.Text, true, CancellationToken.None);
        }

        var (type, _) = await ReceiveAsync(client);

        type.ShouldBe(WebSocketMessageType.Close);
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.MessageTooBig);
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        var closure = await socket.Completion.WaitAsync(Limit);
        closure.Reason.ShouldBe(WebSocketCloseReason.MessageTooBig);
        closure.Status.ShouldBe(WebSocketCloseStatus.MessageTooBig);
    }

    [Fact]
    public async Task Receive_InvalidUtf8Text_Closes1007()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        await client.SendAsync(new byte[] { 0x7B, 0xC3, 0x28 }, WebSocketMessageType.Text, true, CancellationToken.None);
        var (type, _) = await ReceiveAsync(client);

        type.ShouldBe(WebSocketMessageType.Close);
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.InvalidPayloadData);
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        (await socket.Completion.WaitAsync(Limit)).Reason.ShouldBe(WebSocketCloseReason.InvalidPayload);
    }

    [Fact]
    public async Task Receive_ClientPing_AnsweredWithPongEchoingPayload()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        using var raw = await RawWebSocketClient.ConnectAsync(server.Uri);
        var socket = await server.AcceptedAsync();

        await raw.SendFrameAsync(0x89, "abc"u8.ToArray());
        var frame = await raw.ReadFrameAsync();

        frame.ShouldNotBeNull();
        frame.Opcode.ShouldBe(0xA);
        frame.Text.ShouldBe("abc");
        socket.Statistics.PingsReceived.ShouldBe(1);
    }

    [Fact]
    public async Task KeepAlive_PingsOnScheduleAndMissingPong_ClosesWithPongTimeout()
    {
        var options = WebSocketTestServer.Quiet with { PingInterval = TimeSpan.FromMilliseconds(100), PongTimeout = TimeSpan.FromSeconds(1) };
        await using var server = await WebSocketTestServer.StartAsync(options);
        using var raw = await RawWebSocketClient.ConnectAsync(server.Uri);
        var socket = await server.AcceptedAsync();

        // Two pings answered (one with an empty, non-echoing pong: any pong counts), then silence.
        var first = await raw.ReadFrameAsync();
        first!.Opcode.ShouldBe(0x9);
        first.Text.ShouldBe("1");
        await raw.SendFrameAsync(0x8A, first.Payload);
        var second = await raw.ReadFrameAsync();
        second!.Opcode.ShouldBe(0x9);
        second.Text.ShouldBe("2");
        await raw.SendFrameAsync(0x8A, ReadOnlyMemory<byte>.Empty);

        RawFrame? frame;
        var pings = 2;
        while ((frame = await raw.ReadFrameAsync()) is { Opcode: 0x9 })
        {
            pings++;
        }

        frame.ShouldNotBeNull();
        frame.Opcode.ShouldBe(0x8);
        frame.CloseCode.ShouldBe(1008);
        pings.ShouldBeGreaterThan(3);
        raw.Dispose();
        var closure = await socket.Completion.WaitAsync(Limit);
        closure.Reason.ShouldBe(WebSocketCloseReason.PongTimeout);
        socket.Statistics.PongsReceived.ShouldBe(2);
    }

    [Fact]
    public async Task KeepAlive_ClientThatPongs_StaysOpen()
    {
        // Pongs over 40 intervals, far longer than the pong timeout: only counted pongs keep it open.
        var options = WebSocketTestServer.Quiet with { PingInterval = TimeSpan.FromMilliseconds(20), PongTimeout = TimeSpan.FromMilliseconds(500) };
        await using var server = await WebSocketTestServer.StartAsync(options);
        using var raw = await RawWebSocketClient.ConnectAsync(server.Uri);
        var socket = await server.AcceptedAsync();

        for (var i = 1; i <= 40; i++)
        {
            var ping = await raw.ReadFrameAsync();
            ping!.Opcode.ShouldBe(0x9);
            ping.Text.ShouldBe(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await raw.SendFrameAsync(0x8A, ping.Payload);
        }

        socket.Statistics.Closure.ShouldBeNull();
    }

    [Fact]
    public async Task Send_FloodToClientThatNeverReads_ClosesAsSlowConsumerWithBoundedQueue()
    {
        var options = WebSocketTestServer.Quiet with { SendQueueBytes = 256 << 10, WriteBufferBytes = 16 << 10 };
        await using var server = await WebSocketTestServer.StartAsync(options);
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;
        var payload = Text(1000, seed: 1);

        var accepted = 0;
        while (accepted < 10_000_000 && socket.TrySendText(payload))
        {
            accepted++;
        }

        accepted.ShouldBeLessThan(10_000_000);
        socket.TrySendText(payload).ShouldBeFalse();
        var closure = await socket.Completion.WaitAsync(Limit);
        closure.Reason.ShouldBe(WebSocketCloseReason.SlowConsumer);
        socket.Statistics.QueueHighWaterBytes.ShouldBeLessThanOrEqualTo(options.SendQueueBytes);
    }

    [Fact]
    public async Task Send_ConcurrentProducers_EveryFrameIntactInPerProducerOrder()
    {
        const int Producers = 4;
        const int PerProducer = 20_000;
        await using var server = await WebSocketTestServer.StartAsync(WebSocketTestServer.Quiet with { SendQueueBytes = 64 << 20 });
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            var prefix = Encoding.ASCII.GetBytes($"{{\"p\":{p},\"n\":");
            Span<byte> number = stackalloc byte[12];
            for (var n = 0; n < PerProducer; n++)
            {
                n.TryFormat(number, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
                socket.TrySendText(prefix, number[..written], "}"u8).ShouldBeTrue();
            }
        })).ToArray();

        var next = new int[Producers];
        for (var i = 0; i < Producers * PerProducer; i++)
        {
            var (_, data) = await ReceiveAsync(client);
            var text = Encoding.ASCII.GetString(data);
            var p = text[5] - '0';
            text.ShouldBe($"{{\"p\":{p},\"n\":{next[p]}}}");
            next[p]++;
        }

        await Task.WhenAll(producers);
        next.ShouldAllBe(n => n == PerProducer);
        socket.Statistics.Writes.ShouldBeLessThan(Producers * PerProducer);
    }

    [Fact]
    public async Task Stall_FramesHeldThenWrittenInOrderWhenResumed()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        socket.Stall(true);
        socket.TrySendText("a").ShouldBeTrue();
        socket.TrySendText("b").ShouldBeTrue();
        var stalled = socket.Statistics;
        socket.Stall(false);

        stalled.FramesWritten.ShouldBe(0);
        stalled.QueuedBytes.ShouldBe(6);
        Encoding.UTF8.GetString((await ReceiveAsync(client)).Data).ShouldBe("a");
        Encoding.UTF8.GetString((await ReceiveAsync(client)).Data).ShouldBe("b");
    }

    [Fact]
    public async Task TrySendText_ThreeSegments_AllocatesNothing()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;
        var prefix = "{\"stream\":\"btcusdt@trade\",\"data\":"u8.ToArray();
        var payload = "{\"e\":\"trade\",\"p\":\"0.00100000\"}"u8.ToArray();
        socket.Stall(true);
        socket.TrySendText(prefix, payload, "}"u8).ShouldBeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            socket.TrySendText(prefix, payload, "}"u8);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        socket.Stall(false);

        allocated.ShouldBe(0);
        socket.Statistics.FramesQueued.ShouldBe(201);
    }

    [Fact]
    public async Task SendRaw_MalformedText_ReachesClientAsSent()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;
        var broken = "{\"e\":\"trade\","u8.ToArray();

        socket.SendRaw([0x81, (byte)broken.Length, .. broken]).ShouldBeTrue();
        socket.TrySendText("not json}").ShouldBeTrue();

        (await ReceiveAsync(client)).Data.ShouldBe(broken);
        Encoding.UTF8.GetString((await ReceiveAsync(client)).Data).ShouldBe("not json}");
    }

    [Fact]
    public async Task SetFrameDelay_FramesStillArriveInOrder()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        socket.SetFrameDelay(TimeSpan.FromMilliseconds(10));
        for (var i = 0; i < 3; i++)
        {
            socket.TrySendText(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ShouldBeTrue();
        }

        for (var i = 0; i < 3; i++)
        {
            Encoding.UTF8.GetString((await ReceiveAsync(client)).Data).ShouldBe(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Abort_DropsConnectionWithoutCloseFrame()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        socket.Abort();

        await Should.ThrowAsync<WebSocketException>(() => ReceiveAsync(client));
        var closure = await socket.Completion.WaitAsync(Limit);
        closure.Reason.ShouldBe(WebSocketCloseReason.Aborted);
        closure.Status.ShouldBeNull();
        socket.TrySendText("late").ShouldBeFalse();
    }

    [Fact]
    public async Task CloseAsync_ServerInitiated_ClientSeesStatusAndHandshakeCompletes()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        var closing = socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
        var (type, _) = await ReceiveAsync(client);
        type.ShouldBe(WebSocketMessageType.Close);
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
        client.CloseStatusDescription.ShouldBe("bye");
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        var closure = await closing.WaitAsync(Limit);
        closure.ShouldBe(new WebSocketClosure(WebSocketCloseReason.ServerClosed, WebSocketCloseStatus.NormalClosure, "bye"));
        socket.TrySendText("late").ShouldBeFalse();
    }

    [Fact]
    public async Task Close_ClientInitiated_EchoedAndRecorded()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(Limit);

        client.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
        var closure = await socket.Completion.WaitAsync(Limit);
        closure.ShouldBe(new WebSocketClosure(WebSocketCloseReason.ClientClosed, WebSocketCloseStatus.NormalClosure, "done"));
    }

    [Fact]
    public async Task Lifetime_Expires_HookFrameThenClose1001()
    {
        var options = WebSocketTestServer.Quiet with { MaxLifetime = TimeSpan.FromMilliseconds(100) };
        await using var server = await WebSocketTestServer.StartAsync(options);
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;
        socket.LifetimeExpiring = static s => s.TrySendText("{\"e\":\"serverShutdown\",\"E\":1}");

        Encoding.UTF8.GetString((await ReceiveAsync(client)).Data).ShouldBe("{\"e\":\"serverShutdown\",\"E\":1}");
        (await ReceiveAsync(client)).Type.ShouldBe(WebSocketMessageType.Close);
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        (await socket.Completion.WaitAsync(Limit)).Reason.ShouldBe(WebSocketCloseReason.LifetimeExpired);
    }

    [Fact]
    public async Task RateLimit_MoreMessagesThanAllowed_Closes1008()
    {
        await using var server = await WebSocketTestServer.StartAsync(WebSocketTestServer.Quiet with { MaxInboundMessagesPerSecond = 3 });
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync("x"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        }

        var echoes = 0;
        while ((await ReceiveAsync(client)).Type == WebSocketMessageType.Text)
        {
            echoes++;
        }

        echoes.ShouldBe(3);
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        (await socket.Completion.WaitAsync(Limit)).Reason.ShouldBe(WebSocketCloseReason.RateLimited);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_Closes1011()
    {
        await using var server = await WebSocketTestServer.StartAsync(onText: static (_, _) => throw new InvalidOperationException("boom"));
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        await client.SendAsync("x"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);

        (await ReceiveAsync(client)).Type.ShouldBe(WebSocketMessageType.Close);
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.InternalServerError);
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        (await socket.Completion.WaitAsync(Limit)).Reason.ShouldBe(WebSocketCloseReason.HandlerFailed);
    }

    [Fact]
    public async Task Arguments_Invalid_Throw()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var (client, socket) = await server.ConnectAsync();
        using var _ = client;

        await Should.ThrowAsync<ArgumentNullException>(() => SimulatorWebSocket.AcceptAsync(null!, WebSocketTestServer.Quiet, RealTime.Scheduler));
        Should.Throw<ArgumentOutOfRangeException>(() => socket.SetFrameDelay(TimeSpan.FromTicks(-1)));
        Should.Throw<ArgumentOutOfRangeException>(() => new WebSocketSessionOptions { SendQueueBytes = 1000 }.Validate());
        await Should.ThrowAsync<InvalidOperationException>(() => socket.RunAsync(static _ => ValueTask.CompletedTask));
    }

    private static byte[] Text(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.Next(0x20, 0x7F);
        }

        return bytes;
    }

    private static async Task<(WebSocketMessageType Type, byte[] Data)> ReceiveAsync(ClientWebSocket client)
    {
        using var timeout = new CancellationTokenSource(Limit);
        var buffer = new byte[16 << 10];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await client.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return (result.MessageType, message.ToArray());
    }
}

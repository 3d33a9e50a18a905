using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using RxTrader.Simulator.Faults;

namespace RxTrader.Simulator.Tests.Faults;

/// <summary>Connection faults seen from a <see cref="ClientWebSocket"/> connected to a real server.</summary>
public sealed class ConnectionFaultTests
{
    /// <summary>How long "nothing arrives" is watched: a bounded wait that must time out.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Drop_Count_AbortsTheOldest_OthersKeepWorking()
    {
        await using var f = await SocketFaultFixture.StartAsync();
        var (first, _) = await f.ConnectAsync();
        var (second, _) = await f.ConnectAsync();
        var (third, _) = await f.ConnectAsync();

        f.Server.Faults.Drop(count: 2).ShouldBe(2);

        // No close handshake: the connection just ends.
        (await Should.ThrowAsync<WebSocketException>(() => SocketFaultFixture.ReceiveTextAsync(first))).WebSocketErrorCode.ShouldBe(WebSocketError.ConnectionClosedPrematurely);
        (await Should.ThrowAsync<WebSocketException>(() => SocketFaultFixture.ReceiveTextAsync(second))).WebSocketErrorCode.ShouldBe(WebSocketError.ConnectionClosedPrematurely);
        first.CloseStatus.ShouldBeNull();
        await third.SendAsync("still here"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        (await SocketFaultFixture.ReceiveTextAsync(third)).ShouldBe("still here");
        await Eventually.TrueAsync(() => f.Server.Faults.State.OpenConnections == 1, "two connections gone");
        f.Server.Faults.Counters.ConnectionsDropped.ShouldBe(2);
    }

    [Fact]
    public async Task Drop_OtherKind_TouchesNothing()
    {
        await using var f = await SocketFaultFixture.StartAsync();
        var (client, _) = await f.ConnectAsync();
        f.Server.Faults.Drop(ConnectionKind.UserData).ShouldBe(0);
        f.Server.Faults.Drop(ConnectionKind.WebSocketApi).ShouldBe(0);
        await client.SendAsync("ok"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        (await SocketFaultFixture.ReceiveTextAsync(client)).ShouldBe("ok");
        f.Server.Faults.Drop(ConnectionKind.MarketStream).ShouldBe(1);
        await Should.ThrowAsync<WebSocketException>(() => SocketFaultFixture.ReceiveTextAsync(client));
    }

    [Fact]
    public async Task Stall_NothingArrives_Unstall_QueuedFramesArriveInOrder()
    {
        await using var f = await SocketFaultFixture.StartAsync();
        var (client, server) = await f.ConnectAsync();
        f.Server.Faults.Stall().ShouldBe(1);
        f.Server.Faults.Stall().ShouldBe(0); // already stalled
        f.Server.Faults.State.StalledConnections.ShouldBe(1);

        server.TrySendText("one").ShouldBeTrue();
        server.TrySendText("two").ShouldBeTrue();
        var receive = SocketFaultFixture.ReceiveTextAsync(client);
        (await Task.WhenAny(receive, Task.Delay(Quiet))).ShouldNotBe(receive, "a stalled connection sent a frame");
        client.State.ShouldBe(WebSocketState.Open);

        f.Server.Faults.Unstall().ShouldBe(1);
        (await receive).ShouldBe("one");
        (await SocketFaultFixture.ReceiveTextAsync(client)).ShouldBe("two");
        f.Server.Faults.State.StalledConnections.ShouldBe(0);
        f.Server.Faults.Counters.ConnectionsStalled.ShouldBe(1);
    }

    [Fact]
    public async Task Stall_Reset_Resumes()
    {
        await using var f = await SocketFaultFixture.StartAsync();
        var (client, server) = await f.ConnectAsync();
        f.Server.Faults.Stall(ConnectionKind.MarketStream, 1).ShouldBe(1);
        server.TrySendText("held").ShouldBeTrue();
        var receive = SocketFaultFixture.ReceiveTextAsync(client);
        (await Task.WhenAny(receive, Task.Delay(Quiet))).ShouldNotBe(receive);
        f.Server.Faults.Reset();
        (await receive).ShouldBe("held");
    }

    [Fact]
    public async Task Malformed_InvalidAndTruncatedJson_ArriveAsTextThatDoesNotParse()
    {
        await using var f = await SocketFaultFixture.StartAsync();
        var (client, _) = await f.ConnectAsync();

        f.Server.Faults.SendMalformedFrame(MalformedFrame.InvalidJson).ShouldBe(1);
        var invalid = await SocketFaultFixture.ReceiveTextAsync(client);
        invalid.ShouldBe("{\"e\":\"trade\",,\"E\":}");
        Should.Throw<JsonException>(() => JsonDocument.Parse(invalid));

        f.Server.Faults.SendMalformedFrame(MalformedFrame.TruncatedJson).ShouldBe(1);
        var truncated = await SocketFaultFixture.ReceiveTextAsync(client);
        truncated.ShouldStartWith("{\"e\":\"trade\",");
        Should.Throw<JsonException>(() => JsonDocument.Parse(truncated));

        // The connection survives malformed payloads.
        await client.SendAsync("after"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        (await SocketFaultFixture.ReceiveTextAsync(client)).ShouldBe("after");
        f.Server.Faults.Counters.MalformedFramesSent.ShouldBe(2);
    }

    [Theory]
    [InlineData(MalformedFrame.BinaryGarbage)]
    [InlineData(MalformedFrame.ProtocolViolation)]
    public async Task Malformed_GarbageOrBrokenFrame_ConformingClientFailsTheConnection(MalformedFrame frame)
    {
        await using var f = await SocketFaultFixture.StartAsync();
        var (client, _) = await f.ConnectAsync();
        f.Server.Faults.SendMalformedFrame(frame).ShouldBe(1);
        await Should.ThrowAsync<WebSocketException>(() => SocketFaultFixture.ReceiveTextAsync(client));
    }

    [Fact]
    public async Task DelayFrames_FrameHeldForTheDelay_ZeroRestores()
    {
        await using var f = await SocketFaultFixture.StartAsync();
        var (client, server) = await f.ConnectAsync();
        f.Server.Faults.DelayFrames(TimeSpan.FromSeconds(3)).ShouldBe(1);
        f.Server.Faults.State.DelayedConnections.ShouldBe(1);

        server.TrySendText("late").ShouldBeTrue();
        var receive = SocketFaultFixture.ReceiveTextAsync(client);
        (await Task.WhenAny(receive, Task.Delay(Quiet))).ShouldNotBe(receive, "the frame was not delayed");
        (await receive).ShouldBe("late");

        f.Server.Faults.DelayFrames(TimeSpan.Zero).ShouldBe(1);
        f.Server.Faults.State.DelayedConnections.ShouldBe(0);
        server.TrySendText("prompt").ShouldBeTrue();
        (await SocketFaultFixture.ReceiveTextAsync(client)).ShouldBe("prompt");
        f.Server.Faults.Counters.ConnectionsDelayed.ShouldBe(1);
    }

    [Fact]
    public async Task ServerShutdown_AnnouncesThenCloses1001_NewConnectionsStillAccepted()
    {
        await using var f = await SocketFaultFixture.StartAsync();
        var (client, _) = await f.ConnectAsync();

        f.Server.Faults.ServerShutdown().ShouldBe(1);

        (await SocketFaultFixture.ReceiveTextAsync(client)).ShouldBe("{\"e\":\"serverShutdown\",\"E\":1}");
        using var rest = new MemoryStream();
        var close = await SocketFaultFixture.ReceiveAsync(client, rest);
        close.MessageType.ShouldBe(WebSocketMessageType.Close);
        close.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
        f.Server.Faults.Counters.ConnectionsShutDown.ShouldBe(1);

        var (again, _) = await f.ConnectAsync();
        await again.SendAsync("back"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        (await SocketFaultFixture.ReceiveTextAsync(again)).ShouldBe("back");
    }

    [Fact]
    public async Task Faults_ActOnlyOnConnectionsOpenAtTheCall()
    {
        await using var f = await SocketFaultFixture.StartAsync();
        f.Server.Faults.Stall().ShouldBe(0);
        var (client, server) = await f.ConnectAsync();
        server.TrySendText(Encoding.UTF8.GetString("fresh"u8)).ShouldBeTrue();
        (await SocketFaultFixture.ReceiveTextAsync(client)).ShouldBe("fresh");
    }
}

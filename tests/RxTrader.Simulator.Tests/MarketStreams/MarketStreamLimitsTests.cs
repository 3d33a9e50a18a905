using System.Net.WebSockets;
using System.Text.Json;
using RxTrader.Simulator.MarketStreams;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Tests.MarketStreams;

public sealed class MarketStreamLimitsTests
{
    [Fact]
    public void Defaults_AreBinanceProductionValues()
    {
        var options = new MarketStreamOptions();
        options.PingInterval.ShouldBe(TimeSpan.FromSeconds(20));
        options.PongTimeout.ShouldBe(TimeSpan.FromSeconds(60));
        options.Lifetime.ShouldBe(TimeSpan.FromHours(24));
        options.MaxMessagesPerSecond.ShouldBe(5);
        options.MaxStreamsPerConnection.ShouldBe(1024);
    }

    [Fact]
    public async Task InvalidOptions_StartThrows()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => StreamFixture.StartAsync(new MarketStreamOptions { MaxStreamsPerConnection = 0 }));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => StreamFixture.StartAsync(new MarketStreamOptions { MaxMessagesPerSecond = 0 }));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => StreamFixture.StartAsync(new MarketStreamOptions { Lifetime = TimeSpan.Zero }));
    }

    [Fact]
    public async Task MessageRate_FewSubscribesAsCcxtSends_Allowed()
    {
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { MaxMessagesPerSecond = 5 });
        using var client = await f.ConnectAsync("/ws/0");

        // ccxt: one SUBSCRIBE per watch call on the same connection, ids counting from 1.
        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":1}""")).ShouldBe("""{"result":null,"id":1}""");
        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@depth@100ms"],"id":2}""")).ShouldBe("""{"result":null,"id":2}""");
        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@kline_1m"],"id":3}""")).ShouldBe("""{"result":null,"id":3}""");
        client.Socket.State.ShouldBe(WebSocketState.Open);
    }

    [Fact]
    public async Task MessageRate_OverTheLimit_Disconnects1008()
    {
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { MaxMessagesPerSecond = 5 });
        using var client = await f.ConnectAsync("/ws");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");
        var socket = f.Context.StreamSessions.Select()[0].Socket;

        for (var i = 0; i < 12 && client.Socket.State == WebSocketState.Open; i++)
        {
            try
            {
                await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":1}""");
            }
            catch (WebSocketException)
            {
                break;
            }
        }

        await client.ReadToCloseAsync();
        client.Socket.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);
        (await socket.Completion.WaitAsync(StreamFixture.Limit)).Reason.ShouldBe(WebSocketCloseReason.RateLimited);
    }

    [Fact]
    public async Task Flood_OneClientGarbage_OthersKeepBeingServed()
    {
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { MaxMessagesPerSecond = 5 });
        using var reader = await f.ConnectAsync("/ws/btcusdt@trade");
        using var flooder = await f.ConnectAsync("/ws");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 2, "sessions");

        // Malformed JSON as fast as the socket takes it: the flooder is cut at the message limit.
        var garbage = new string('{', 4096);
        for (var i = 0; i < 200 && flooder.Socket.State == WebSocketState.Open; i++)
        {
            try
            {
                await flooder.SendAsync(garbage);
            }
            catch (WebSocketException)
            {
                break;
            }
        }

        await flooder.ReadToCloseAsync();
        flooder.Socket.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);

        // The other connection and the REST API are unaffected.
        var price = f.Trade();
        var trade = await reader.UntilAsync(m => m.TryGetProperty("e", out var e) && e.GetString() == "trade");
        trade.GetProperty("p").GetString().ShouldBe(price.ToString("F8", System.Globalization.CultureInfo.InvariantCulture));
        using var http = new HttpClient { BaseAddress = f.Server.BaseAddress };
        (await http.GetAsync("/api/v3/ping")).IsSuccessStatusCode.ShouldBeTrue();
        f.Server.UnhandledErrorCount.ShouldBe(0);
    }

    [Fact]
    public async Task KeepAlive_ClientAnswersPings_StaysOpen()
    {
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { PingInterval = TimeSpan.FromMilliseconds(50), PongTimeout = TimeSpan.FromSeconds(1) });
        using var client = await f.ConnectAsync("/ws");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");
        var socket = f.Context.StreamSessions.Select()[0].Socket;
        // ClientWebSocket answers pings while a receive is pending.
        var receive = client.ReceiveAsync();

        await StreamFixture.UntilAsync(() => socket.Statistics.PongsReceived >= 30, "30 pongs (longer than the pong timeout)");

        socket.Statistics.Closure.ShouldBeNull();
        client.Socket.State.ShouldBe(WebSocketState.Open);
        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":1}""");
        (await receive).ShouldBe("""{"result":[],"id":1}""");
    }

    [Fact]
    public async Task KeepAlive_NoPong_Closed()
    {
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { PingInterval = TimeSpan.FromMilliseconds(50), PongTimeout = TimeSpan.FromMilliseconds(200) });
        // A client that never reads never answers pings.
        using var client = await f.ConnectAsync("/ws");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");
        var socket = f.Context.StreamSessions.Select()[0].Socket;

        (await socket.Completion.WaitAsync(StreamFixture.Limit)).Reason.ShouldBe(WebSocketCloseReason.PongTimeout);
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 0, "session removed");
    }

    [Theory]
    [InlineData("/ws/btcusdt@trade", false)]
    [InlineData("/stream?streams=btcusdt@trade", true)]
    public async Task Lifetime_SendsServerShutdownThenCloses1001(string path, bool combined)
    {
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { Lifetime = TimeSpan.FromMilliseconds(300) });
        using var client = await f.ConnectAsync(path);

        var messages = await client.ReadToCloseAsync();

        client.Socket.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
        ShouldBeShutdown(messages.ShouldHaveSingleItem(), combined, f);
    }

    [Fact]
    public async Task RegistryAnnounceShutdown_SendsServerShutdownRawAndWrapped_Closes1001()
    {
        await using var f = await StreamFixture.StartAsync();
        using var raw = await f.ConnectAsync("/ws");
        using var combined = await f.ConnectAsync("/stream?streams=");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 2, "sessions");
        var rawMessages = raw.ReadToCloseAsync();
        var combinedMessages = combined.ReadToCloseAsync();

        f.Context.Sockets.AnnounceShutdown(SocketKind.MarketStream).ShouldBe(2);

        ShouldBeShutdown((await rawMessages).ShouldHaveSingleItem(), combined: false, f);
        ShouldBeShutdown((await combinedMessages).ShouldHaveSingleItem(), combined: true, f);
        raw.Socket.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
        combined.Socket.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
    }

    [Fact]
    public async Task ServerDispose_SendsServerShutdownToOpenConnections()
    {
        var f = await StreamFixture.StartAsync();
        // Clients the fixture does not own: it disposes its own before the server.
        using var raw = await StreamClient.ConnectAsync(new Uri(f.Server.StreamAddress, "/ws"));
        using var combined = await StreamClient.ConnectAsync(new Uri(f.Server.StreamAddress, "/stream?streams="));
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 2, "sessions");
        var rawMessages = raw.ReadToCloseAsync();
        var combinedMessages = combined.ReadToCloseAsync();

        await f.DisposeAsync();

        ShouldBeShutdown((await rawMessages).ShouldHaveSingleItem(), combined: false, f);
        ShouldBeShutdown((await combinedMessages).ShouldHaveSingleItem(), combined: true, f);
        raw.Socket.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
    }

    private static void ShouldBeShutdown(string message, bool combined, StreamFixture f)
    {
        var json = JsonDocument.Parse(message).RootElement;
        if (combined)
        {
            json.GetProperty("stream").GetString().ShouldBe("!serverShutdown");
            json = json.GetProperty("data");
        }

        json.GetProperty("e").GetString().ShouldBe("serverShutdown");
        json.GetProperty("E").GetInt64().ShouldBeInRange(f.Scheduler.Now.AddMinutes(-1).ToUnixTimeMilliseconds(), f.Scheduler.Now.ToUnixTimeMilliseconds());
        json.EnumerateObject().Count().ShouldBe(2);
    }
}

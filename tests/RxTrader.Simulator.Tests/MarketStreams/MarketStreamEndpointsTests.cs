using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace RxTrader.Simulator.Tests.MarketStreams;

public sealed class MarketStreamEndpointsTests
{
    [Fact]
    public async Task RawSingleStream_SendsBarePayloads()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws/btcusdt@trade");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");

        var price = f.Trade();
        var json = await client.NextJsonAsync();

        json.GetProperty("e").GetString().ShouldBe("trade");
        json.GetProperty("s").GetString().ShouldBe("BTCUSDT");
        decimal.Parse(json.GetProperty("p").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(price);
        json.TryGetProperty("stream", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task RawSeveralStreamsInPath_SubscribesEach()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws/btcusdt@trade/btcusdt@aggTrade");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");
        f.Context.StreamSessions.Select()[0].Streams.ShouldBe(["btcusdt@trade", "btcusdt@aggTrade"]);

        f.Trade();
        var kinds = new HashSet<string> { (await client.NextJsonAsync()).GetProperty("e").GetString()!, (await client.NextJsonAsync()).GetProperty("e").GetString()! };

        kinds.ShouldBe(["trade", "aggTrade"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("/ws/0")]
    [InlineData("/ws")]
    [InlineData("/ws/")]
    [InlineData("/ws/not-a-stream/xyz@trade")]
    [InlineData("/ws/abcdefghij0123456789abcdefghij0123456789abcdefghij01234567890")]
    public async Task RawWithoutValidStream_NoStreamThenSubscribeWorks(string path)
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync(path);

        // ccxt: /ws/<index>, then one SUBSCRIBE per watch with an integer id counter.
        (await client.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":1}""")).ShouldBe("""{"result":[],"id":1}""");
        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":2}""")).ShouldBe("""{"result":null,"id":2}""");
        f.Trade();

        (await client.NextJsonAsync()).GetProperty("e").GetString().ShouldBe("trade");
    }

    [Fact]
    public async Task CombinedEmptyList_ThenSubscribe_WrapsPayloads()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/stream?streams=");

        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":"a1"}""")).ShouldBe("""{"result":null,"id":"a1"}""");
        f.Trade();
        var json = await client.NextJsonAsync();

        json.GetProperty("stream").GetString().ShouldBe("btcusdt@trade");
        json.GetProperty("data").GetProperty("e").GetString().ShouldBe("trade");
    }

    [Fact]
    public async Task Combined_StreamsInQuery_WrappedWithTheClientsSpelling()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/stream?streams=btcusdt@trade/btcusdt@depth@1000ms/xyz");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");

        (await client.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":7}""")).ShouldBe("""{"result":["btcusdt@trade","btcusdt@depth@1000ms"],"id":7}""");
        f.Trade();
        var json = await client.UntilAsync(static j => j.GetProperty("stream").GetString() == "btcusdt@trade");
        json.GetProperty("data").GetProperty("s").GetString().ShouldBe("BTCUSDT");
        var depth = await client.UntilAsync(static j => j.GetProperty("stream").GetString() == "btcusdt@depth@1000ms");
        depth.GetProperty("data").GetProperty("e").GetString().ShouldBe("depthUpdate");
    }

    [Theory]
    [InlineData("/ws")]
    [InlineData("/ws/btcusdt@trade")]
    [InlineData("/stream?streams=btcusdt@trade")]
    public async Task PlainGet_400BinanceShape(string path)
    {
        await using var f = await StreamFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = f.Server.BaseAddress };

        var response = await http.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("code").GetInt32().ShouldBe(-1020);
        body.GetProperty("msg").GetString().ShouldNotBeNullOrEmpty();
        f.Server.UnhandledErrorCount.ShouldBe(0);
    }

    [Fact]
    public async Task ListenKeyRoute_MoreSpecific_WinsOverTheCatchAll()
    {
        await using var f = await StreamFixture.StartAsync();

        // Sixty characters are a listenKey: the user-data route answers (this one is unknown, so it closes).
        using var userData = await f.ConnectAsync("/ws/" + new string('k', 60));
        await userData.ReadToCloseAsync();
        userData.Socket.CloseStatusDescription.ShouldBe("This listenKey does not exist.");

        // Anything else is a market-stream connection with no stream yet.
        using var market = await f.ConnectAsync("/ws/" + new string('k', 59));
        (await market.RequestAsync("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}")).ShouldBe("{\"result\":[],\"id\":1}");
    }

    [Fact]
    public async Task Post_405BinanceShape()
    {
        await using var f = await StreamFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = f.Server.BaseAddress };

        var response = await http.PostAsync("/ws/btcusdt@trade", null);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32().ShouldBe(-1020);
    }

    [Theory]
    [InlineData("MILLISECOND")]
    [InlineData("millisecond")]
    public async Task TimeUnitMillisecond_Accepted(string unit)
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/stream?streams=btcusdt@trade&timeUnit=" + unit);

        (await client.RequestAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":1}""")).ShouldBe("""{"result":true,"id":1}""");
    }

    [Theory]
    [InlineData("MICROSECOND")]
    [InlineData("microsecond")]
    [InlineData("NANO")]
    public async Task TimeUnitOther_RefusedBeforeUpgrade(string unit)
    {
        await using var f = await StreamFixture.StartAsync();

        var error = await Should.ThrowAsync<WebSocketException>(() => f.ConnectAsync("/ws/btcusdt@trade?timeUnit=" + unit));

        error.Message.ShouldContain("400");
        f.Context.StreamSessions.Count.ShouldBe(0);
    }

    [Fact]
    public async Task UrlWithMoreStreamsThanTheLimit_RefusedBeforeUpgrade()
    {
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { MaxStreamsPerConnection = 2 });

        await Should.ThrowAsync<WebSocketException>(() => f.ConnectAsync("/ws/btcusdt@trade/btcusdt@aggTrade/btcusdt@ticker"));
        using var ok = await f.ConnectAsync("/ws/btcusdt@trade/btcusdt@aggTrade");
    }
}

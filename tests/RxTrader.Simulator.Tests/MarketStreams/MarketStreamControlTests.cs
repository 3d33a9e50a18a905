namespace RxTrader.Simulator.Tests.MarketStreams;

public sealed class MarketStreamControlTests
{
    private const string UnknownVariant = "expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY` at line 1 column ";

    [Fact]
    public async Task SetProperty_SwitchesTheWrapperBothWays()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws/btcusdt@trade");

        (await client.RequestAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":1}""")).ShouldBe("""{"result":false,"id":1}""");
        (await client.RequestAsync("""{"method":"SET_PROPERTY","params":["combined",true],"id":2}""")).ShouldBe("""{"result":null,"id":2}""");
        (await client.RequestAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":3}""")).ShouldBe("""{"result":true,"id":3}""");
        f.Trade();
        var wrapped = await client.NextJsonAsync();
        wrapped.GetProperty("stream").GetString().ShouldBe("btcusdt@trade");
        wrapped.GetProperty("data").GetProperty("e").GetString().ShouldBe("trade");

        (await client.RequestAsync("""{"method":"SET_PROPERTY","params":["combined",false],"id":4}""")).ShouldBe("""{"result":null,"id":4}""");
        f.Trade();
        (await client.NextJsonAsync()).GetProperty("e").GetString().ShouldBe("trade");
    }

    [Fact]
    public async Task ListSubscriptions_InOrder_SubscribeIdempotent_UnsubscribeMissingFine()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");

        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@depth"],"id":1}""")).ShouldBe("""{"result":null,"id":1}""");
        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@depth@1000ms","ethusdt@bookTicker"],"id":2}""")).ShouldBe("""{"result":null,"id":2}""");
        (await client.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":3}""")).ShouldBe("""{"result":["btcusdt@aggTrade","btcusdt@depth","ethusdt@bookTicker"],"id":3}""");
        (await client.RequestAsync("""{"method":"UNSUBSCRIBE","params":["btcusdt@depth@1000ms","bnbusdt@trade","nonsense"],"id":4}""")).ShouldBe("""{"result":null,"id":4}""");
        (await client.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":null}""")).ShouldBe("""{"result":["btcusdt@aggTrade","ethusdt@bookTicker"],"id":null}""");
    }

    [Fact]
    public async Task Unsubscribe_StopsDelivery()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws/btcusdt@trade");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");
        f.Trade();
        (await client.NextJsonAsync()).GetProperty("e").GetString().ShouldBe("trade");

        (await client.RequestAsync("""{"method":"UNSUBSCRIBE","params":["btcusdt@trade"],"id":9}""")).ShouldBe("""{"result":null,"id":9}""");
        f.Trade();
        f.Trade();

        // The reply to this request is the next frame: no trade came in between.
        (await client.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":10}""")).ShouldBe("""{"result":[],"id":10}""");
    }

    [Theory]
    [InlineData("""{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":12345678901234}""", "12345678901234")]
    [InlineData("""{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":-5}""", "-5")]
    [InlineData("""{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":"0123456789abcdef0123456789ABCDEF0123"}""", "\"0123456789abcdef0123456789ABCDEF0123\"")]
    [InlineData("""{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":null}""", "null")]
    [InlineData("""{"method":"SUBSCRIBE","params":["btcusdt@trade"]}""", "null")]
    [InlineData("""{"id":77,"params":["btcusdt@trade"],"method":"SUBSCRIBE"}""", "77")]
    public async Task Id_Echoed(string request, string id)
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");

        (await client.RequestAsync(request)).ShouldBe("{\"result\":null,\"id\":" + id + "}");
    }

    [Theory]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":1.5}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":true}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":{"a":1}}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":"0123456789abcdef0123456789ABCDEF01234"}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":"has space"}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[],"id":99999999999999999999}""")]
    public async Task BadId_Code2_IdNull(string request)
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");

        (await client.RequestAsync(request)).ShouldBe("""{"error":{"code":2,"msg":"Invalid request: request ID must be an unsigned integer"},"id":null}""");
    }

    [Theory]
    [InlineData("""{"method":"SUBSCRIBE","params":["btcusdt@trade","btcusdt@nothing"],"id":1}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":["xyzusdt@trade"],"id":1}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":["BTCUSDT@trade"],"id":1}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[42],"id":1}""")]
    [InlineData("""{"method":"SUBSCRIBE","params":[""],"id":1}""")]
    public async Task Subscribe_InvalidStream_Code2_NothingSubscribed(string request)
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");

        (await client.RequestAsync(request)).ShouldBe("""{"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":1}""");
        (await client.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":2}""")).ShouldBe("""{"result":[],"id":2}""");
    }

    [Theory]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined",true,1],"id":1}""", 2, "Invalid request: too many parameters")]
    [InlineData("""{"method":"GET_PROPERTY","params":["combined","x"],"id":1}""", 2, "Invalid request: too many parameters")]
    [InlineData("""{"method":"SET_PROPERTY","params":[1,true],"id":1}""", 2, "Invalid request: property name must be a string")]
    [InlineData("""{"method":"GET_PROPERTY","params":[],"id":1}""", 2, "Invalid request: property name must be a string")]
    [InlineData("""{"method":"SET_PROPERTY","params":["compressed",true],"id":1}""", 0, "Unknown property")]
    [InlineData("""{"method":"GET_PROPERTY","params":["Combined"],"id":1}""", 0, "Unknown property")]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined","true"],"id":1}""", 1, "Invalid value type: expected Boolean")]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined"],"id":1}""", 1, "Invalid value type: expected Boolean")]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined",null],"id":1}""", 1, "Invalid value type: expected Boolean")]
    public async Task Property_Errors(string request, int code, string message)
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");

        (await client.RequestAsync(request)).ShouldBe("{\"error\":{\"code\":" + code + ",\"msg\":\"" + message + "\"},\"id\":1}");
        (await client.RequestAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":2}""")).ShouldBe("""{"result":false,"id":2}""");
    }

    [Fact]
    public async Task UnknownMethod_Code2_WithColumnAfterTheMethod()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");

        (await client.RequestAsync("""{"method":"SUBSCRIBES","params":[],"id":1}""")).ShouldBe(
            "{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown variant `SUBSCRIBES`, " + UnknownVariant + "22\"},\"id\":1}");
        (await client.RequestAsync("""{"method":"subscribe","id":2}""")).ShouldContain("unknown variant `subscribe`");
    }

    [Fact]
    public async Task MissingMethod_Code2_WithColumnAtTheEnd()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");
        var request = """{"params":["btcusdt@trade"],"id":5}""";

        (await client.RequestAsync(request)).ShouldBe(
            "{\"error\":{\"code\":2,\"msg\":\"Invalid request: missing field `method` at line 1 column " + request.Length + "\"},\"id\":5}");
    }

    [Theory]
    [InlineData("""{"method":5,"id":1}""", "1")]
    [InlineData("""{"method":"SUBSCRIBE","params":"btcusdt@trade","id":1}""", "1")]
    [InlineData("""["SUBSCRIBE"]""", "null")]
    [InlineData("42", "null")]
    public async Task WrongShape_Code2(string request, string id)
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");

        var reply = await client.RequestAsync(request);

        reply.ShouldStartWith("{\"error\":{\"code\":2,\"msg\":\"Invalid request: ");
        reply.ShouldEndWith("\"id\":" + id + "}");
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("xyz", 1, 1)]
    [InlineData("not json", 1, 2)]
    [InlineData("""{"method":"SUBSCRIBE",""", 1, 22)]
    [InlineData("""{"method":"SUBSCRIBE"} x""", 1, 24)]
    [InlineData("{\n\"method\" \"SUBSCRIBE\"}", 2, 10)]
    public async Task BadJson_Code3_LineAndColumn(string request, int line, int column)
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws");

        var reply = await client.RequestAsync(request);

        reply.ShouldBe($"{{\"error\":{{\"code\":3,\"msg\":\"Invalid JSON: expected value at line {line} column {column}\"}},\"id\":null}}");
        (await client.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":2}""")).ShouldBe("""{"result":[],"id":2}""");
    }

    [Fact]
    public async Task StreamLimit_DefaultIs1024_BeyondRefusedWithError()
    {
        new RxTrader.Simulator.MarketStreams.MarketStreamOptions().MaxStreamsPerConnection.ShouldBe(1024);
        await using var f = await StreamFixture.StartAsync(StreamFixture.Quiet with { MaxStreamsPerConnection = 3 });
        using var client = await f.ConnectAsync("/ws/btcusdt@trade/btcusdt@aggTrade");

        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["btcusdt@trade","btcusdt@ticker"],"id":1}""")).ShouldBe("""{"result":null,"id":1}""");
        (await client.RequestAsync("""{"method":"SUBSCRIBE","params":["ethusdt@trade"],"id":2}""")).ShouldBe("""{"error":{"code":2,"msg":"Invalid request: too many streams"},"id":2}""");
        (await client.RequestAsync("""{"method":"LIST_SUBSCRIPTIONS","id":3}""")).ShouldBe("""{"result":["btcusdt@trade","btcusdt@aggTrade","btcusdt@ticker"],"id":3}""");
    }
}

using System.Text.Json;
using RxTrader.Core;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Tests.UserData;

public sealed class WebSocketApiTests
{
    private static readonly string[] WeightLimit = ["rateLimitType", "interval", "intervalNum", "limit", "count"];

    [Fact]
    public async Task PingAndTime_AnswerWithIdStatusResultAndRateLimits()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3");

        var ping = await UserDataFixture.RequestAsync(client, """{"id":"e2a8","method":"ping","params":{}}""");
        ping.GetRawText().ShouldBe("""{"id":"e2a8","status":200,"result":{},"rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000,"count":1}]}""");

        var time = await UserDataFixture.RequestAsync(client, """{"id":7,"method":"v3/time"}""");
        time.GetProperty("id").GetInt32().ShouldBe(7);
        time.GetProperty("result").GetProperty("serverTime").GetInt64().ShouldBe(f.Rest.NowMs);
        UserDataFixture.Keys(time.GetProperty("rateLimits")[0]).ShouldBe(WeightLimit);
        time.GetProperty("rateLimits")[0].GetProperty("count").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task ReturnRateLimitsFalse_LeavesThemOut()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");

        var ping = await UserDataFixture.RequestAsync(client, """{"id":null,"method":"ping"}""");

        ping.GetRawText().ShouldBe("""{"id":null,"status":200,"result":{}}""");
    }

    [Fact]
    public async Task BadJsonAndUnknownMethod_GetErrors_AndTheConnectionSurvives()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");

        (await UserDataFixture.RequestAsync(client, "{not json")).GetRawText()
            .ShouldBe("""{"id":null,"status":400,"error":{"code":-1100,"msg":"Illegal characters found in a parameter."}}""");
        (await UserDataFixture.RequestAsync(client, "[1,2]")).GetProperty("status").GetInt32().ShouldBe(400);
        (await UserDataFixture.RequestAsync(client, """{"id":3,"method":"order.teleport"}""")).GetRawText()
            .ShouldBe("""{"id":3,"status":400,"error":{"code":-1020,"msg":"This operation is not supported."}}""");
        var noMethod = await UserDataFixture.RequestAsync(client, """{"id":4}""");
        noMethod.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-1102);
        (await UserDataFixture.RequestAsync(client, """{"id":5,"method":"ping"}""")).GetProperty("status").GetInt32().ShouldBe(200);
    }

    [Fact]
    public async Task SubscribeSignature_WrapsTheAccountsEvents_WithTheSubscriptionId()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3");

        var reply = await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest("1"));
        reply.GetProperty("id").GetString().ShouldBe("1");
        reply.GetProperty("status").GetInt32().ShouldBe(200);
        reply.GetProperty("result").GetRawText().ShouldBe("""{"subscriptionId":0}""");

        f.Place(SimulatorAccount.DemoApiKey, UserDataFixture.Limit(Side.Buy, 90m, 1m, clientId: "ws"));

        var wrapped = await UserDataFixture.ReceiveJsonAsync(client);
        UserDataFixture.Keys(wrapped).ShouldBe(["subscriptionId", "event"]);
        wrapped.GetProperty("subscriptionId").GetInt32().ShouldBe(0);
        wrapped.GetProperty("event").GetProperty("e").GetString().ShouldBe("executionReport");
        wrapped.GetProperty("event").GetProperty("c").GetString().ShouldBe("ws");
        var position = await UserDataFixture.ReceiveJsonAsync(client);
        position.GetProperty("event").GetProperty("e").GetString().ShouldBe("outboundAccountPosition");

        var subscriptions = await UserDataFixture.RequestAsync(client, """{"id":2,"method":"session.subscriptions"}""");
        subscriptions.GetProperty("result").GetRawText().ShouldBe("""[{"subscriptionId":0}]""");
        var twice = await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest(3));
        twice.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-2035);
    }

    [Fact]
    public async Task SubscribeSignature_RefusesBadSignatureMissingKeyAndStaleTimestamp()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");

        var wrongSecret = await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest(1, secret: "wrong"));
        wrongSecret.GetRawText().ShouldBe("""{"id":1,"status":400,"error":{"code":-1022,"msg":"Signature for this request is not valid."}}""");

        var noKey = await UserDataFixture.RequestAsync(client, $$$"""{"id":2,"method":"userDataStream.subscribe.signature","params":{"timestamp":{{{f.Rest.NowMs}}},"signature":"00"}}""");
        noKey.GetRawText().ShouldBe("""{"id":2,"status":400,"error":{"code":-1102,"msg":"Mandatory parameter 'apiKey' was not sent, was empty/null, or malformed."}}""");

        var unknownKey = await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest(3, apiKey: "nobody"));
        unknownKey.GetProperty("status").GetInt32().ShouldBe(401);
        unknownKey.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-2015);

        var stale = await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest(4, timestamp: f.Rest.NowMs - 10_001));
        stale.GetRawText().ShouldBe("""{"id":4,"status":400,"error":{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}}""");

        var ahead = await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest(5, timestamp: f.Rest.NowMs + 1000));
        ahead.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-1021);

        var ok = await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest(6, timestamp: f.Rest.NowMs - 10_000));
        ok.GetProperty("result").GetProperty("subscriptionId").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Unsubscribe_TerminatesTheStream_AndStopsEvents()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");
        await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest(1));

        await UserDataFixture.SendAsync(client, """{"id":2,"method":"userDataStream.unsubscribe","params":{"subscriptionId":0}}""");

        (await UserDataFixture.ReceiveJsonAsync(client)).GetRawText()
            .ShouldBe($$$"""{"subscriptionId":0,"event":{"e":"eventStreamTerminated","E":{{{f.Rest.NowMs}}}}}""");
        (await UserDataFixture.ReceiveJsonAsync(client)).GetRawText().ShouldBe("""{"id":2,"status":200,"result":{}}""");
        f.Context.UserData.SinkCount.ShouldBe(0);

        f.Place(SimulatorAccount.DemoApiKey, UserDataFixture.Limit(Side.Buy, 90m, 1m));
        var next = await UserDataFixture.RequestAsync(client, """{"id":3,"method":"ping"}""");
        next.GetProperty("id").GetInt32().ShouldBe(3); // no event came before the answer
        (await UserDataFixture.RequestAsync(client, """{"id":4,"method":"userDataStream.unsubscribe","params":{"subscriptionId":0}}"""))
            .GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-2036);
    }

    [Fact]
    public async Task TwoConnections_OfTwoAccounts_SeeOnlyTheirOwnEvents()
    {
        await using var f = await UserDataFixture.StartAsync();
        var mine = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");
        var theirs = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");
        await UserDataFixture.RequestAsync(mine, f.SubscribeSignatureRequest(1));
        await UserDataFixture.RequestAsync(theirs, f.SubscribeSignatureRequest(1, UserDataFixture.OtherKey, UserDataFixture.OtherSecret));

        f.Place(UserDataFixture.OtherKey, UserDataFixture.Limit(Side.Buy, 90m, 1m, clientId: "theirs"));
        f.Server.Engine.Deposit(SimulatorAccount.DemoApiKey, "BTC", 2m);

        var first = await UserDataFixture.ReceiveJsonAsync(mine);
        first.GetProperty("event").GetProperty("e").GetString().ShouldBe("balanceUpdate");
        first.GetProperty("event").GetProperty("d").GetString().ShouldBe("2.00000000");
        (await UserDataFixture.ReceiveJsonAsync(mine)).GetProperty("event").GetProperty("e").GetString().ShouldBe("outboundAccountPosition");
        (await UserDataFixture.ReceiveJsonAsync(theirs)).GetProperty("event").GetProperty("c").GetString().ShouldBe("theirs");
        (await UserDataFixture.ReceiveJsonAsync(theirs)).GetProperty("event").GetProperty("e").GetString().ShouldBe("outboundAccountPosition");
        (await UserDataFixture.RequestAsync(theirs, """{"id":9,"method":"ping"}""")).GetProperty("id").GetInt32().ShouldBe(9);
    }

    [Fact]
    public async Task Logon_ThenSubscribe_AndLogoutEndsTheStream()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");
        var connected = f.Rest.NowMs;

        var early = await UserDataFixture.RequestAsync(client, """{"id":1,"method":"userDataStream.subscribe"}""");
        early.GetRawText().ShouldBe("""{"id":1,"status":401,"error":{"code":-1002,"msg":"You are not authorized to execute this request."}}""");

        var logon = await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest(2).Replace("userDataStream.subscribe.signature", "session.logon", StringComparison.Ordinal));
        logon.GetProperty("result").GetRawText().ShouldBe(
            $$$"""{"apiKey":"{{{SimulatorAccount.DemoApiKey}}}","authorizedSince":{{{connected}}},"connectedSince":{{{connected}}},"returnRateLimits":false,"serverTime":{{{connected}}},"userDataStream":false}""");

        var subscribed = await UserDataFixture.RequestAsync(client, """{"id":3,"method":"userDataStream.subscribe"}""");
        subscribed.GetProperty("result").GetProperty("subscriptionId").GetInt32().ShouldBe(0);
        var status = await UserDataFixture.RequestAsync(client, """{"id":4,"method":"session.status"}""");
        status.GetProperty("result").GetProperty("userDataStream").GetBoolean().ShouldBeTrue();

        f.Server.Engine.Deposit(SimulatorAccount.DemoApiKey, "USDT", 5m);
        (await UserDataFixture.ReceiveJsonAsync(client)).GetProperty("event").GetProperty("e").GetString().ShouldBe("balanceUpdate");
        (await UserDataFixture.ReceiveJsonAsync(client)).GetProperty("event").GetProperty("e").GetString().ShouldBe("outboundAccountPosition");

        await UserDataFixture.SendAsync(client, """{"id":5,"method":"session.logout"}""");
        (await UserDataFixture.ReceiveJsonAsync(client)).GetProperty("event").GetProperty("e").GetString().ShouldBe("eventStreamTerminated");
        var logout = await UserDataFixture.ReceiveJsonAsync(client);
        logout.GetProperty("result").GetProperty("apiKey").ValueKind.ShouldBe(JsonValueKind.Null);
        logout.GetProperty("result").GetProperty("userDataStream").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task LegacyListenKeyMethods_StartPingStop()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");
        var apiKey = SimulatorAccount.DemoApiKey;

        var start = await UserDataFixture.RequestAsync(client, $$$"""{"id":1,"method":"userDataStream.start","params":{"apiKey":"{{{apiKey}}}"}}""");
        var key = start.GetProperty("result").GetProperty("listenKey").GetString()!;
        key.ShouldBe(await f.CreateListenKeyAsync());

        (await UserDataFixture.RequestAsync(client, $$$"""{"id":2,"method":"userDataStream.ping","params":{"apiKey":"{{{apiKey}}}","listenKey":"{{{key}}}"}}"""))
            .GetRawText().ShouldBe("""{"id":2,"status":200,"result":{}}""");
        (await UserDataFixture.RequestAsync(client, $$$"""{"id":3,"method":"userDataStream.stop","params":{"apiKey":"{{{apiKey}}}","listenKey":"{{{key}}}"}}"""))
            .GetRawText().ShouldBe("""{"id":3,"status":200,"result":{}}""");
        (await UserDataFixture.RequestAsync(client, $$$"""{"id":4,"method":"userDataStream.ping","params":{"apiKey":"{{{apiKey}}}","listenKey":"{{{key}}}"}}"""))
            .GetRawText().ShouldBe("""{"id":4,"status":400,"error":{"code":-1125,"msg":"This listenKey does not exist."}}""");
        (await UserDataFixture.RequestAsync(client, """{"id":5,"method":"userDataStream.start","params":{}}"""))
            .GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-1102);
    }

    [Fact]
    public async Task Connections_AreRegistered_AsWebSocketApi()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3");
        await UserDataFixture.RequestAsync(client, """{"id":1,"method":"ping"}""");

        f.Context.Sockets.Count(RxTrader.Simulator.Sockets.SocketKind.WebSocketApi).ShouldBe(1);
    }
}

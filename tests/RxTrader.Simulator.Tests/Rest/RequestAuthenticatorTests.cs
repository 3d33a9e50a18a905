using System.Net;
using RxTrader.Simulator.Rest;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Tests.Rest;

public sealed class RequestAuthenticatorTests
{
    private const string VectorSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const string Row1 = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    [Theory]
    [InlineData(Row1 + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", "")]
    [InlineData("", Row1 + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")]
    [InlineData("signature=C8DB56825AE71D6D79447849E617115F4A920FA2ACDCAB2B053C4B2838BD6B71&" + Row1, "")]
    [InlineData("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77")]
    [InlineData("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3", "")]
    public void Verify_DocumentedVectors_Pass(string query, string body)
    {
        var p = RestParameters.Parse(query, body);
        RequestAuthenticator.Verify(p, System.Text.Encoding.UTF8.GetBytes(VectorSecret), p.Get("signature")!).ShouldBeTrue();
    }

    [Theory]
    [InlineData("d8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")]
    [InlineData("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b7")]
    [InlineData("zzdb56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")]
    public void Verify_WrongSignature_Fails(string signature)
    {
        var p = RestParameters.Parse(Row1 + "&signature=" + signature, string.Empty);
        RequestAuthenticator.Verify(p, System.Text.Encoding.UTF8.GetBytes(VectorSecret), signature).ShouldBeFalse();
    }

    [Fact]
    public void Parse_QueryWinsOverBody_DuplicateInOnePartIsAnError()
    {
        var p = RestParameters.Parse("symbol=BTCUSDT&price=1", "price=2&side=BUY");
        p.Get("price").ShouldBe("1");
        p.Get("side").ShouldBe("BUY");
        p.Error.ShouldBeNull();
        RestParameters.Parse("a=1&a=2", string.Empty).Error.ShouldBe(RestParameters.Duplicate);
        RestParameters.Parse(string.Empty, "a=1&a=2").Error.ShouldBe(RestParameters.Duplicate);
    }

    [Fact]
    public void Parse_DecodesPercentAndPlus()
    {
        var p = RestParameters.Parse("symbols=%5B%22BTCUSDT%22%5D&x=a+b", string.Empty);
        p.Get("symbols").ShouldBe("[\"BTCUSDT\"]");
        p.Get("x").ShouldBe("a b");
    }

    [Fact]
    public async Task Signed_CcxtFormBody_Verifies()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&newClientOrderId=x-TKT5PX2Fabc&newOrderRespType=FULL&type=LIMIT&quantity=0.1&price=100.5&timeInForce=GTC&recvWindow=10000");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_ConnectorQueryOnly_Verifies()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "price=100.5&quantity=0.1&timeInForce=GTC&symbol=BTCUSDT&side=BUY&type=LIMIT", SigningStyle.Connector);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var get = await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty, SigningStyle.Connector);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signed_QueryPlusBody_SignsTheConcatenation()
    {
        await using var f = await RestFixture.StartAsync();
        var query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
        var body = "quantity=0.1&price=100&timestamp=" + f.NowMs;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/order?" + query)
        {
            Content = new StringContent(body + "&signature=" + RestFixture.Sign(f.Secret, query + body), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-MBX-APIKEY", f.ApiKey);
        var response = await f.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_TamperedSignature_Minus1022()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty, tweak: r => r.RequestUri = new Uri(r.RequestUri!.OriginalString.Replace("timestamp=", "timestamp=0", StringComparison.Ordinal), UriKind.Relative));
        await RestFixture.ShouldFailAsync(response, 400, -1022, "Signature for this request is not valid.");
    }

    [Fact]
    public async Task Signed_WrongSecret_Minus1022()
    {
        await using var f = await RestFixture.StartAsync();
        f.Secret = "other";
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty), 400, -1022);
    }

    [Fact]
    public async Task Signed_MissingKey_Minus2014()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty, tweak: r => r.Headers.Remove("X-MBX-APIKEY"));
        await RestFixture.ShouldFailAsync(response, 401, -2014, "API-key format invalid.");
    }

    [Fact]
    public async Task Signed_UnknownKey_Minus2015()
    {
        await using var f = await RestFixture.StartAsync();
        f.ApiKey = "nobody";
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty), 401, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    [Fact]
    public async Task Signed_StaleTimestamp_Minus1021()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty, timestamp: f.NowMs - 5001);
        await RestFixture.ShouldFailAsync(response, 400, -1021, "Timestamp for this request is outside of the recvWindow.");
        (await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty, timestamp: f.NowMs - 5000)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.SignedAsync(HttpMethod.Get, "/api/v3/account", "recvWindow=10000", timestamp: f.NowMs - 9000)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signed_FutureTimestamp_Minus1021()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty, timestamp: f.NowMs + 1000);
        await RestFixture.ShouldFailAsync(response, 400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        (await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty, timestamp: f.NowMs + 999)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signed_RecvWindowAboveMax_Minus1131()
    {
        await using var f = await RestFixture.StartAsync();
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/account", "recvWindow=60001"), 400, -1131, "recvWindow must be less than 60000.");
        (await f.SignedAsync(HttpMethod.Get, "/api/v3/account", "recvWindow=60000")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signed_MissingTimestampOrSignature_Minus1102()
    {
        await using var f = await RestFixture.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v3/account?signature=" + RestFixture.Sign(f.Secret, string.Empty));
        request.Headers.Add("X-MBX-APIKEY", f.ApiKey);
        await RestFixture.ShouldFailAsync(await f.Client.SendAsync(request), 400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        var unsigned = new HttpRequestMessage(HttpMethod.Get, "/api/v3/account?timestamp=" + f.NowMs);
        unsigned.Headers.Add("X-MBX-APIKEY", f.ApiKey);
        await RestFixture.ShouldFailAsync(await f.Client.SendAsync(unsigned), 400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        var malformed = new HttpRequestMessage(HttpMethod.Get, "/api/v3/account?timestamp=12x&signature=00");
        malformed.Headers.Add("X-MBX-APIKEY", f.ApiKey);
        await RestFixture.ShouldFailAsync(await f.Client.SendAsync(malformed), 400, -1102);
    }

    [Fact]
    public async Task Signed_DemoAccountIsTheDefault()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Options.Accounts.ShouldBe([SimulatorAccount.Demo]);
    }
}

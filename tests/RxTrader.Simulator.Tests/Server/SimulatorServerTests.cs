using System.Net;
using System.Net.Sockets;
using System.Reactive.Concurrency;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.Tests.Rest;

namespace RxTrader.Simulator.Tests.Server;

public sealed class SimulatorServerTests
{
    [Fact]
    public async Task StartAsync_NullArguments_Throw()
    {
        await Should.ThrowAsync<ArgumentNullException>(() => SimulatorServer.StartAsync(null!, new HistoricalScheduler()));
        await Should.ThrowAsync<ArgumentNullException>(() => SimulatorServer.StartAsync(new SimulatorOptions(), null!));
    }

    [Fact]
    public async Task StartAsync_NonLoopbackAddress_Throws()
    {
        await Should.ThrowAsync<ArgumentException>(() => SimulatorServer.StartAsync(new SimulatorOptions { Address = IPAddress.Parse("10.1.2.3") }, new HistoricalScheduler()));
    }

    [Fact]
    public async Task StartAsync_DuplicateApiKey_Throws()
    {
        var options = new SimulatorOptions { Accounts = [SimulatorAccount.Demo, SimulatorAccount.Demo] };
        await Should.ThrowAsync<ArgumentException>(() => SimulatorServer.StartAsync(options, new HistoricalScheduler()));
    }

    [Fact]
    public async Task StartAsync_PortZero_ReportsTheBoundPortAndAddresses()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions(), new HistoricalScheduler());
        server.Port.ShouldBeGreaterThan(0);
        server.BaseAddress.ShouldBe(new Uri($"http://127.0.0.1:{server.Port}"));
        server.StreamAddress.ShouldBe(new Uri($"ws://127.0.0.1:{server.Port}"));
        server.Engine.GetSymbol(RestFixture.BtcUsdt).ShouldNotBeNull();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        (await client.GetStringAsync("/api/v3/ping")).ShouldBe("{}");
    }

    [Fact]
    public async Task DisposeAsync_StopsListening_Twice_IsSafe()
    {
        var server = await SimulatorServer.StartAsync(new SimulatorOptions(), new HistoricalScheduler());
        var port = server.Port;
        await server.DisposeAsync();
        await server.DisposeAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Should.ThrowAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task UnknownPath_404_BinanceShape()
    {
        await using var f = await RestFixture.StartAsync();
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/nothing"), 404, -1020, "This operation is not supported.");
        await RestFixture.ShouldFailAsync(await f.GetAsync("/"), 404, -1020);
    }

    [Fact]
    public async Task WrongMethod_405_BinanceShape()
    {
        await using var f = await RestFixture.StartAsync();
        await RestFixture.ShouldFailAsync(await f.Client.PostAsync("/api/v3/ping", null), 405, -1020, "This operation is not supported.");
        await RestFixture.ShouldFailAsync(await f.Client.DeleteAsync("/api/v3/account"), 405, -1020);
    }

    [Fact]
    public async Task ThrowingHandler_Minus1000_Counted_ServerKeepsServing()
    {
        await using var f = await RestFixture.StartAsync(extraRoutes: static (e, _) => e.MapGet("/boom", static (HttpContext _) => throw new InvalidOperationException("boom")));
        await RestFixture.ShouldFailAsync(await f.GetAsync("/boom"), 400, -1000, "An unknown error occurred while processing the request.");
        f.Server.UnhandledErrorCount.ShouldBe(1);
        (await f.GetAsync("/api/v3/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OversizedBody_413_BinanceShape()
    {
        await using var f = await RestFixture.StartAsync(static o => o with { MaxRequestBodySize = 1024 });
        var body = "symbol=BTCUSDT&pad=" + new string('x', 2000);
        await RestFixture.ShouldFailAsync(await f.Client.PostAsync("/api/v3/order", new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded")), 413, -1000);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/order") { Content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body))) };
        request.Headers.TransferEncodingChunked = true;
        HttpResponseMessage? chunked = null;
        try
        {
            chunked = await f.Client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // The server answers before the chunked body ends and closes the connection (it does not read the rest);
            // the client may see that close before it reads the answer. Either way the request is refused.
        }

        if (chunked is not null)
        {
            await RestFixture.ShouldFailAsync(chunked, 413, -1000);
        }

        (await f.GetAsync("/api/v3/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
        f.Server.UnhandledErrorCount.ShouldBe(0);
        f.Server.Engine.OpenOrders(SimulatorAccount.DemoApiKey).Value!.Count.ShouldBe(0);
    }

    [Fact]
    public async Task BinaryGarbageBody_BinanceError_NotA500()
    {
        await using var f = await RestFixture.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/order") { Content = new ByteArrayContent([0xFF, 0xFE, 0x00, 0x26, 0x3D, 0x25, 0x5A]) };
        request.Headers.Add("X-MBX-APIKEY", SimulatorAccount.DemoApiKey);
        var response = await f.Client.SendAsync(request);
        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        (await RestFixture.JsonAsync(response)).GetProperty("code").GetInt32().ShouldBeLessThan(0);
        f.Server.UnhandledErrorCount.ShouldBe(0);
    }

    [Fact]
    public async Task JsonBody_WhereFormIsExpected_BinanceError()
    {
        await using var f = await RestFixture.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/order") { Content = new StringContent("{\"symbol\":\"BTCUSDT\"", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-MBX-APIKEY", SimulatorAccount.DemoApiKey);
        await RestFixture.ShouldFailAsync(await f.Client.SendAsync(request), 400, -1104);
        f.Server.UnhandledErrorCount.ShouldBe(0);
    }
}

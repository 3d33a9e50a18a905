using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Reactive.Testing;
using RxTrader.Binance.Rest;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Time;

namespace RxTrader.Binance.Tests.Rest;

public sealed class BinanceRestClientErrorTests
{
    private static readonly Symbol BtcUsdt = new("BTCUSDT");

    [Fact]
    public async Task BinanceErrorBody_RejectedWithCodeAndMessage()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/depth", CannedResponse.Status(400, Payloads.InvalidSymbol));

        var result = await h.Client.GetDepthAsync(new Symbol("NOPE"));

        result.ShouldBe(new RestResult<DepthSnapshot>.Rejected(400, -1121, "Invalid symbol."));
    }

    [Fact]
    public async Task NonBinanceErrorPage_RejectedWithStatusAndExcerpt()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/ping", CannedResponse.Status(403, "<html>Request blocked</html>"));

        var rejected = (await h.Client.PingAsync()).ShouldBeOfType<RestResult<System.Reactive.Unit>.Rejected>();

        rejected.HttpStatus.ShouldBe(403);
        rejected.Code.ShouldBeNull();
        rejected.Message.ShouldContain("<html>Request blocked</html>");
    }

    [Theory]
    [InlineData(500, """{"code":-1000,"msg":"An unknown error occurred while processing the request."}""", "-1000")]
    [InlineData(502, "Bad Gateway", "502")]
    [InlineData(503, "", "503")]
    public async Task ServerError_UnknownWithDetails(int status, string body, string expectedInMessage)
    {
        await using var h = await RestHarness.StartAsync("/api/v3/ping", CannedResponse.Status(status, body));

        var unknown = (await h.Client.PingAsync()).ShouldBeOfType<RestResult<System.Reactive.Unit>.Unknown>();

        unknown.Reason.ShouldBe(UnknownReason.ServerError);
        unknown.Message.ShouldContain(expectedInMessage);
    }

    [Theory]
    [InlineData("""{"lastUpdateId": 1, "bids": [["4.0", "1.0"]""", "Unexpected end")]
    [InlineData("not json", "Unexpected character")]
    [InlineData("""{"lastUpdateId": 1, "bids": [], "asks": []} trailing""", "Additional text")]
    [InlineData("[]", "depth: expected an object, got Array")]
    [InlineData("""{"lastUpdateId": "1027024", "bids": [], "asks": []}""", "lastUpdateId: expected an integer, got \"1027024\"")]
    [InlineData("""{"lastUpdateId": 1, "bids": [["abc", "1"]], "asks": []}""", "bids[0] price: expected a decimal string, got \"abc\"")]
    [InlineData("""{"lastUpdateId": 1, "bids": [["4.0"]], "asks": []}""", "bids[0]: expected [price, quantity], got 1 element(s)")]
    [InlineData("""{"lastUpdateId": 1, "bids": [], "asks": {"4.0": "1"}}""", "asks: expected an array, got Object")]
    [InlineData("""{"lastUpdateId": 1, "bids": [[true, "1"]], "asks": []}""", "bids[0] price: expected a decimal string, got Boolean True")]
    public async Task MalformedOrWrongTypes_MalformedNamingTheProblem(string body, string expectedInMessage)
    {
        await using var h = await RestHarness.StartAsync("/api/v3/depth", CannedResponse.Json(body));

        var malformed = (await h.Client.GetDepthAsync(BtcUsdt)).ShouldBeOfType<RestResult<DepthSnapshot>.Malformed>();

        malformed.HttpStatus.ShouldBe(200);
        malformed.Message.ShouldStartWith("Malformed answer to GET /api/v3/depth?symbol=BTCUSDT&limit=100: ");
        malformed.Message.ShouldContain(expectedInMessage);
    }

    [Fact]
    public async Task Klines_ShortRowAndBadTime_Malformed()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/klines",
            CannedResponse.Json("""[[1499040000000,"1","1","1","1","1"]]"""),
            CannedResponse.Json("""[[-5,"1","1","1","1","1",1,"1",1,"1","1","0"]]"""));

        (await h.Client.GetKlinesAsync(BtcUsdt, "1m")).ShouldBeOfType<RestResult<System.Collections.Immutable.ImmutableArray<Candle>>.Malformed>()
            .Message.ShouldContain("klines[0]: expected 12 columns, got 6");
        (await h.Client.GetKlinesAsync(BtcUsdt, "1m")).ShouldBeOfType<RestResult<System.Collections.Immutable.ImmutableArray<Candle>>.Malformed>()
            .Message.ShouldContain("klines[0][0] open time: expected Unix milliseconds");
    }

    [Fact]
    public async Task ExchangeInfo_BadSymbolAndMissingField_Malformed()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/exchangeInfo",
            CannedResponse.Json("""{"serverTime": 1, "rateLimits": [], "symbols": [{"symbol": "BTC-USDT"}]}"""),
            CannedResponse.Json("""{"serverTime": 1, "rateLimits": [], "symbols": [{"symbol": "BTCUSDT", "status": "TRADING"}]}"""));

        (await h.Client.GetExchangeInfoAsync()).ShouldBeOfType<RestResult<ExchangeInfo>.Malformed>()
            .Message.ShouldContain("symbols[].symbol: A symbol has only letters and digits");
        (await h.Client.GetExchangeInfoAsync()).ShouldBeOfType<RestResult<ExchangeInfo>.Malformed>()
            .Message.ShouldContain("symbols[BTCUSDT].baseAsset: expected a string, got nothing");
    }

    [Fact]
    public async Task ServerNeverAnswers_TimeoutAfterTheVirtualRequestTimeout()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = await RestHarness.StartAsync(app => app.MapGet("/api/v3/ping", async (HttpContext context) =>
        {
            received.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }));

        var call = h.Client.PingAsync();
        await received.Task;
        h.Advance(h.Client.Options.RequestTimeout - TimeSpan.FromTicks(1));
        call.IsCompleted.ShouldBeFalse();
        h.Advance(TimeSpan.FromTicks(1));

        var unknown = (await call).ShouldBeOfType<RestResult<System.Reactive.Unit>.Unknown>();
        unknown.Reason.ShouldBe(UnknownReason.Timeout);
        unknown.Message.ShouldContain("no answer within 00:00:30");
    }

    [Fact]
    public async Task CallerCancellation_Throws()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = await RestHarness.StartAsync(app => app.MapGet("/api/v3/ping", async (HttpContext context) =>
        {
            received.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }));
        using var cts = new CancellationTokenSource();

        var call = h.Client.PingAsync(cts.Token);
        await received.Task;
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(call);
    }

    [Fact]
    public async Task ConnectionRefused_UnknownTransport()
    {
        var port = ClosedPort();
        var options = new BinanceRestOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var client = new BinanceRestClient(options, new SchedulerTimeProvider(new TestScheduler()));

        var unknown = (await client.PingAsync()).ShouldBeOfType<RestResult<System.Reactive.Unit>.Unknown>();

        unknown.Reason.ShouldBe(UnknownReason.Transport);
        unknown.Message.ShouldContain("ConnectionError");
    }

    [Fact]
    public async Task HandlerTimesOutOnItsOwn_UnknownTransport()
    {
        // What SocketsHttpHandler throws when its ConnectTimeout expires.
        using var handler = new ThrowingHandler(new TaskCanceledException("The connection attempt timed out.", new TimeoutException()));
        using var client = new BinanceRestClient(new BinanceRestOptions(), new SchedulerTimeProvider(new TestScheduler()), handler, disposeHandler: false);

        var unknown = (await client.PingAsync()).ShouldBeOfType<RestResult<System.Reactive.Unit>.Unknown>();

        unknown.Reason.ShouldBe(UnknownReason.Transport);
        unknown.Message.ShouldBe("GET /api/v3/ping: The connection attempt timed out.");
    }

    [Fact]
    public async Task ResponseBodyDropped_UnknownTransport()
    {
        using var handler = new ThrowingHandler(new IOException("The response ended prematurely."));
        using var client = new BinanceRestClient(new BinanceRestOptions(), new SchedulerTimeProvider(new TestScheduler()), handler, disposeHandler: false);

        var unknown = (await client.PingAsync()).ShouldBeOfType<RestResult<System.Reactive.Unit>.Unknown>();

        unknown.Reason.ShouldBe(UnknownReason.Transport);
        unknown.Message.ShouldContain("ended prematurely");
    }

    // A port that was just free: bind, read the port, release. Nothing listens on it afterwards.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System.Net;
using RxTrader.Binance.Execution;
using RxTrader.Binance.Rest;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Streams.Time;
using RxTrader.Testing;

namespace RxTrader.Binance.Tests.Execution;

/// <summary>The resolution state machine against a scripted exchange: what is sent, and when.</summary>
public sealed class BinanceExecutionVenueResolutionTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly OrderRequest Request = OrderRequest.Limit(new ClientOrderId("res-1"), Btc, Side.Buy, 0.1m, 95m);

    [Fact]
    public async Task NotFound_IsTrustedOnlyAfterTimestampPlusRecvWindow_ThenResentWithTheSameClientId()
    {
        var posts = 0;
        var exchange = new ScriptedExchange(r => r switch
        {
            { IsOrderPost: true } when Interlocked.Increment(ref posts) == 1 =>
                ScriptedExchange.Json(HttpStatusCode.ServiceUnavailable, """{"code":-1001,"msg":"Internal error; unable to process your request. Please try again."}"""),
            { IsOrderPost: true } => ScriptedExchange.Json(HttpStatusCode.OK, ScriptedExchange.OrderJson("res-1")),
            { IsOrderQuery: true } => ScriptedExchange.Json(HttpStatusCode.BadRequest, """{"code":-2013,"msg":"Order does not exist."}"""),
            _ => ScriptedExchange.Json(HttpStatusCode.NotFound, """{"code":-1000,"msg":"unexpected"}"""),
        });
        using var venue = CreateVenue(exchange);

        var outcome = await venue.PlaceAsync(Request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>();
        var sent = exchange.Requests.ToList();
        var orderPosts = sent.Where(r => r.IsOrderPost).ToList();
        orderPosts.Count.ShouldBe(2);
        orderPosts.ShouldAllBe(r => r.Parameters["newClientOrderId"] == "res-1" && r.Parameters["newOrderRespType"] == "FULL");
        var first = orderPosts[0];
        var queries = sent.Where(r => r.IsOrderQuery).ToList();
        queries.ShouldAllBe(q => q.Parameters["origClientOrderId"] == "res-1");
        // The first query may be early; the one that proved "not placed" came after the original could no longer arrive.
        var lastQuery = queries[^1];
        lastQuery.Timestamp.ShouldBeGreaterThan(first.Timestamp + first.RecvWindow);
        sent.IndexOf(lastQuery).ShouldBeLessThan(sent.IndexOf(orderPosts[1]));
        venue.Statistics.ResolvedNotPlaced.ShouldBe(1);
    }

    [Fact]
    public async Task MalformedAnswerToTheSubmit_ResolvedByQuery_NotResent()
    {
        var exchange = new ScriptedExchange(r => r switch
        {
            { IsOrderPost: true } => ScriptedExchange.Json(HttpStatusCode.OK, """{"symbol":"BTCUSDT","orderId":"""),
            { IsOrderQuery: true } => ScriptedExchange.Json(HttpStatusCode.OK, ScriptedExchange.OrderJson("res-1")),
            _ => ScriptedExchange.Json(HttpStatusCode.NotFound, "{}"),
        });
        using var venue = CreateVenue(exchange);

        var outcome = await venue.PlaceAsync(Request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value.ExchangeOrderId.ShouldBe(7);
        exchange.Requests.Count(r => r.IsOrderPost).ShouldBe(1);
        venue.Statistics.ResolvedFound.ShouldBe(1);
    }

    [Fact]
    public async Task QueriesNeverAnswered_Unknown_AndNothingResent()
    {
        var exchange = new ScriptedExchange(r => r switch
        {
            { IsOrderPost: true } => throw new HttpRequestException("connection reset"),
            _ => ScriptedExchange.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>"),
        });
        using var venue = CreateVenue(exchange, o => o with { MaxResolveAttempts = 3 });

        var outcome = await venue.PlaceAsync(Request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Unknown>().Reason.ShouldContain("unresolved");
        exchange.Requests.Count(r => r.IsOrderPost).ShouldBe(1);
        exchange.Requests.Count(r => r.IsOrderQuery).ShouldBe(3);
        venue.Statistics.Unresolved.ShouldBe(1);
    }

    [Fact]
    public async Task UnexpectedAnswerShapes_BecomeOutcomes_NeverExceptions()
    {
        var exchange = new ScriptedExchange(r => r.Path switch
        {
            "/api/v3/account" => ScriptedExchange.Json(HttpStatusCode.OK, """{"balances":[{"asset":"BTC","free":"x","locked":"0"}]}"""),
            "/api/v3/openOrders" => ScriptedExchange.Json(HttpStatusCode.OK, """[{"type":"STOP_LOSS"}]"""),
            "/api/v3/order" when r.Method == HttpMethod.Delete => ScriptedExchange.Json(HttpStatusCode.OK, "[]"),
            "/api/v3/order" => ScriptedExchange.Json(HttpStatusCode.OK, ScriptedExchange.OrderJson("bad id with spaces")),
            _ => ScriptedExchange.Json(HttpStatusCode.OK, "not json"),
        });
        using var venue = CreateVenue(exchange);

        (await venue.GetBalancesAsync()).ShouldBeOfType<VenueOutcome<IReadOnlyList<Balance>>.Unknown>();
        (await venue.GetOpenOrdersAsync(Btc)).ShouldBeOfType<VenueOutcome<IReadOnlyList<Order>>.Unknown>();
        (await venue.CancelAsync(Btc, Request.ClientOrderId)).ShouldBeOfType<VenueOutcome<Order>.Unknown>();
        (await venue.GetOrderAsync(Btc, Request.ClientOrderId)).ShouldBeOfType<VenueOutcome<Order>.Unknown>();
        (await venue.GetFillsAsync(Btc, 7)).ShouldBeOfType<VenueOutcome<IReadOnlyList<Fill>>.Unknown>();
    }

    [Fact]
    public async Task SecondSubmitOfAClientIdInFlight_RejectedWithoutSending()
    {
        var release = new TaskCompletionSource();
        var exchange = new ScriptedExchange(r =>
        {
            if (r.IsOrderPost)
            {
                release.Task.Wait(TimeSpan.FromSeconds(10));
            }

            return ScriptedExchange.Json(HttpStatusCode.OK, ScriptedExchange.OrderJson("res-1"));
        });
        using var venue = CreateVenue(exchange);

        var first = Task.Run(() => venue.PlaceAsync(Request));
        await VenueHarness.EventuallyAsync(() => exchange.Requests.Any(r => r.IsOrderPost), "the first submit to be sent");
        var second = await venue.PlaceAsync(Request);
        release.SetResult();

        second.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(VenueErrorCodes.NewOrderRejected);
        (await first).ShouldBeOfType<VenueOutcome<Order>.Accepted>();
        exchange.Requests.Count(r => r.IsOrderPost).ShouldBe(1);
    }

    [Fact]
    public async Task SignedRequests_CarryTheKeyHeaderAndAValidSignature_ButNoSecretInMessages()
    {
        var exchange = new ScriptedExchange(_ => ScriptedExchange.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        using var venue = CreateVenue(exchange, o => o with { MaxResolveAttempts = 1, SecretKey = "topsecretvalue" });

        var outcome = await venue.GetBalancesAsync();

        var unknown = outcome.ShouldBeOfType<VenueOutcome<IReadOnlyList<Balance>>.Unknown>();
        unknown.Reason.ShouldNotContain("signature");
        unknown.Reason.ShouldNotContain("topsecretvalue");
        venue.ToString().ShouldNotContain("topsecretvalue");
        exchange.Requests.Single().Parameters["signature"].Length.ShouldBe(64);
    }

    private static BinanceExecutionVenue CreateVenue(ScriptedExchange exchange, Func<BinanceVenueOptions, BinanceVenueOptions>? configure = null)
    {
        var options = new BinanceVenueOptions
        {
            ApiKey = "key",
            SecretKey = "secret",
            UseUserDataStream = false,
            RecvWindow = TimeSpan.FromMilliseconds(300),
            ClockMargin = TimeSpan.FromMilliseconds(50),
            ResolveBackoff = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50)),
        };
        options = (configure ?? (static o => o))(options);
        var rest = new BinanceRestClient(new BinanceRestOptions(), new SchedulerTimeProvider(RealTime.Scheduler), exchange, disposeHandler: true);
        return new BinanceExecutionVenue(options, RealTime.Scheduler, rest);
    }
}

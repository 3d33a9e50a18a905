using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Simulator.Faults;

namespace RxTrader.Binance.Tests.Execution;

/// <summary>Unknown submit outcomes against the simulator's fault injection: every one ends with exactly one order
/// at the exchange (or none, when the venue says so).</summary>
public sealed class BinanceExecutionVenueFaultTests
{
    private static readonly Symbol Btc = VenueHarness.Btc;

    [Theory]
    [InlineData(OrderFailure.Disconnected)]
    [InlineData(OrderFailure.Unknown)]
    [InlineData(OrderFailure.Overloaded)]
    public async Task PlaceAsync_5xxNotPlaced_ResolvedAsNotPlacedThenResentOnce_ExactlyOneOrder(OrderFailure failure)
    {
        await using var h = await VenueHarness.StartAsync();
        h.Server.Faults.FailNextOrders(1, failure);
        var request = OrderRequest.Limit(ClientOrderId.For("fault", 1), Btc, Side.Buy, 0.1m, 95m);

        var outcome = await h.Venue.PlaceAsync(request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value.Status.ShouldBe(OrderStatus.New);
        h.OrdersAtExchange(request.ClientOrderId).ShouldBe(1);
        h.Server.Faults.Counters.OrdersFailed.ShouldBe(1);
        h.Venue.Statistics.UnknownSubmits.ShouldBe(1);
        h.Venue.Statistics.ResolvedNotPlaced.ShouldBe(1);
        h.Venue.Statistics.Resends.ShouldBe(1);
        h.Venue.Statistics.Submits.ShouldBe(2);
    }

    [Fact]
    public async Task PlaceAsync_5xxEveryTime_ProvenNotPlacedAfterTheResends_RejectedAndNoOrder()
    {
        await using var h = await VenueHarness.StartAsync(o => o with { MaxResends = 2 });
        h.Server.Faults.FailNextOrders(10);
        var request = OrderRequest.Limit(ClientOrderId.For("fault", 2), Btc, Side.Buy, 0.1m, 95m);

        var outcome = await h.Venue.PlaceAsync(request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Message.ShouldStartWith("Not placed");
        h.OrdersAtExchange(request.ClientOrderId).ShouldBe(0);
        h.Venue.Statistics.Submits.ShouldBe(3);
        h.Venue.Statistics.ResolvedNotPlaced.ShouldBe(3);
    }

    [Fact]
    public async Task PlaceAsync_AcceptedThenAnswered503Minus1007_ResolvedByQuery_ExactlyOneOrder()
    {
        await using var h = await VenueHarness.StartAsync();
        h.Server.Faults.TimeOutNextOrders(1, TimeSpan.FromMilliseconds(100));
        var request = OrderRequest.Limit(ClientOrderId.For("fault", 3), Btc, Side.Buy, 0.1m, 95m);

        var outcome = await h.Venue.PlaceAsync(request);

        var order = outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value;
        order.ClientOrderId.ShouldBe(request.ClientOrderId);
        order.ExchangeOrderId.ShouldBeGreaterThan(0);
        h.OrdersAtExchange(request.ClientOrderId).ShouldBe(1);
        h.Venue.Statistics.ResolvedFound.ShouldBe(1);
        h.Venue.Statistics.Resends.ShouldBe(0);
        h.Venue.Statistics.Submits.ShouldBe(1);
    }

    [Fact]
    public async Task PlaceAsync_AcceptedThenNoAnswerUntilTheClientTimesOut_ResolvedByQuery_ExactlyOneOrder()
    {
        await using var h = await VenueHarness.StartAsync(o => o with { Rest = o.Rest with { RequestTimeout = TimeSpan.FromMilliseconds(500) } });
        h.Server.Faults.TimeOutNextOrders(1);
        var request = OrderRequest.Limit(ClientOrderId.For("fault", 4), Btc, Side.Sell, 0.1m, 105m);

        var outcome = await h.Venue.PlaceAsync(request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value.Status.ShouldBe(OrderStatus.New);
        h.OrdersAtExchange(request.ClientOrderId).ShouldBe(1);
        h.Venue.Statistics.ResolvedFound.ShouldBe(1);
        h.Venue.Statistics.Submits.ShouldBe(1);
    }

    [Fact]
    public async Task PlaceAsync_ConnectionDroppedBeforePlacing_ResolvedAsNotPlacedThenResent_ExactlyOneOrder()
    {
        await using var h = await VenueHarness.StartAsync();
        h.Server.Faults.DropNextOrders(1, afterPlacing: false);
        var request = OrderRequest.Limit(ClientOrderId.For("fault", 5), Btc, Side.Buy, 0.1m, 95m);

        var outcome = await h.Venue.PlaceAsync(request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>();
        h.OrdersAtExchange(request.ClientOrderId).ShouldBe(1);
        h.Server.Faults.Counters.OrdersDropped.ShouldBe(1);
        h.Venue.Statistics.ResolvedNotPlaced.ShouldBe(1);
        h.Venue.Statistics.Resends.ShouldBe(1);
    }

    [Fact]
    public async Task PlaceAsync_ConnectionDroppedAfterPlacing_ResolvedByQuery_ExactlyOneOrder()
    {
        await using var h = await VenueHarness.StartAsync();
        h.SetBook(99.50m, 100.50m, 1m);
        h.Server.Faults.DropNextOrders(1, afterPlacing: true);
        var request = OrderRequest.Market(ClientOrderId.For("fault", 6), Btc, Side.Buy, 0.1m);

        var outcome = await h.Venue.PlaceAsync(request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value.Status.ShouldBe(OrderStatus.Filled);
        h.OrdersAtExchange(request.ClientOrderId).ShouldBe(1);
        h.Server.Faults.Counters.OrdersDropped.ShouldBe(1);
        h.Venue.Statistics.ResolvedFound.ShouldBe(1);
        h.Venue.Statistics.Resends.ShouldBe(0);
        // The fill itself comes from the stream, as the placement answer with its fills was lost.
        await VenueHarness.EventuallyAsync(() => h.Updates.Any(u => u.Fill?.ClientOrderId == request.ClientOrderId), "the fill");
    }

    [Fact]
    public async Task PlaceAsync_ClockSkewedAfterTheSync_Minus1021_ResyncsAndSendsOnce_ExactlyOneOrder()
    {
        await using var h = await VenueHarness.StartAsync();
        h.Server.Faults.SetClockSkew(TimeSpan.FromSeconds(30));
        var request = OrderRequest.Limit(ClientOrderId.For("fault", 7), Btc, Side.Buy, 0.1m, 95m);

        var outcome = await h.Venue.PlaceAsync(request);

        outcome.ShouldBeOfType<VenueOutcome<Order>.Accepted>();
        h.OrdersAtExchange(request.ClientOrderId).ShouldBe(1);
        h.Venue.Statistics.ClockResyncs.ShouldBe(1);
        h.Venue.Statistics.Submits.ShouldBe(2);
        h.Venue.Rest.Clock.Offset!.Value.ShouldBeGreaterThan(TimeSpan.FromSeconds(29));
        h.Venue.Statistics.UnknownSubmits.ShouldBe(0);

        // The other signed calls recover the same way: the clock jumps back.
        h.Server.Faults.SetClockSkew(TimeSpan.FromSeconds(-30));
        (await h.Venue.GetOrderAsync(Btc, request.ClientOrderId)).ShouldBeOfType<VenueOutcome<Order>.Accepted>();
        h.Venue.Statistics.ClockResyncs.ShouldBe(2);
    }

    [Fact]
    public async Task PlaceAsync_RateLimitStorm_429IsNotPlaced_ThenBlockedLocallyUntilRetryAfter_ThenPlaced()
    {
        await using var h = await VenueHarness.StartAsync();
        h.Server.Faults.StartRateLimitStorm(requests: 1, retryAfter: TimeSpan.FromSeconds(1));
        var first = OrderRequest.Limit(ClientOrderId.For("fault", 8), Btc, Side.Buy, 0.1m, 95m);
        var second = OrderRequest.Limit(ClientOrderId.For("fault", 9), Btc, Side.Buy, 0.1m, 95m);

        var answered429 = await h.Venue.PlaceAsync(first);
        var blocked = await h.Venue.PlaceAsync(second);

        answered429.ShouldBeOfType<VenueOutcome<Order>.Rejected>().Code.ShouldBe(VenueErrorCodes.TooManyRequests);
        var local = blocked.ShouldBeOfType<VenueOutcome<Order>.Rejected>();
        local.Code.ShouldBe(VenueErrorCodes.TooManyRequests);
        local.Message.ShouldStartWith("Not sent");
        h.AllOrdersAtExchange().ShouldBe(0);
        h.Server.Faults.Counters.RequestsBanned.ShouldBe(0); // the block kept the venue from coming back too early
        h.Venue.Statistics.RefusedLocally.ShouldBe(1);

        await VenueHarness.EventuallyAsync(() => h.Venue.Rest.BlockedUntil is null, "the Retry-After to pass");
        (await h.Venue.PlaceAsync(first)).ShouldBeOfType<VenueOutcome<Order>.Accepted>();
        h.OrdersAtExchange(first.ClientOrderId).ShouldBe(1);
    }

    [Fact]
    public async Task PlaceAsync_OrderCountHeadersAtTheLimit_RefusedLocallyWithoutSending()
    {
        await using var h = await VenueHarness.StartAsync(o => o with { RateLimitShare = 0.03 }); // 3 of 100 per 10 s
        var outcomes = new List<VenueOutcome<Order>>();
        for (var i = 0; i < 4; i++)
        {
            outcomes.Add(await h.Venue.PlaceAsync(OrderRequest.Limit(ClientOrderId.For("count", i), Btc, Side.Buy, 0.1m, 90m + i)));
        }

        // Windows are aligned on 10 s of exchange time: the four may straddle two windows, then all are placed.
        var refused = outcomes.OfType<VenueOutcome<Order>.Rejected>().ToList();
        refused.ShouldAllBe(r => r.Code == VenueErrorCodes.TooManyRequests && r.Message.StartsWith("Not sent", StringComparison.Ordinal));
        h.AllOrdersAtExchange().ShouldBe(4 - refused.Count);
        h.Venue.Statistics.RefusedLocally.ShouldBe(refused.Count);
    }

    [Fact]
    public async Task PlaceAsync_WeightNearTheExchangeLimitFromExchangeInfo_RefusedLocally_NeverAnswered429()
    {
        // exchangeInfo announces 30 weight per minute: the venue allows itself 27 (the start used 23 of them).
        await using var h = await VenueHarness.StartAsync(
            simulator: o => o with { RateLimits = o.RateLimits with { RequestWeightPerMinute = 30 } });
        var outcomes = new List<VenueOutcome<Order>>();
        for (var i = 0; i < 60; i++)
        {
            outcomes.Add(await h.Venue.PlaceAsync(OrderRequest.Limit(ClientOrderId.For("weight", i), Btc, Side.Buy, 0.1m, 90m)));
        }

        // 60 orders span at most two one-minute windows, so at most 2 × 27 are sent.
        var refused = outcomes.OfType<VenueOutcome<Order>.Rejected>().ToList();
        refused.Count.ShouldBeGreaterThanOrEqualTo(6);
        refused.ShouldAllBe(r => r.Code == VenueErrorCodes.TooManyRequests && r.Message.Contains("request weight", StringComparison.Ordinal));
        h.AllOrdersAtExchange().ShouldBe(60 - refused.Count);
        h.Venue.Rest.BlockedUntil.ShouldBeNull(); // the exchange never had to answer 429
    }

    [Fact]
    public async Task PlaceAsync_ManyFaultsInARow_NeverTwoOrdersForOneClientId()
    {
        await using var h = await VenueHarness.StartAsync();
        h.SetBook(99.50m, 100.50m, 10m);
        var random = new Random(5);
        var ids = new List<ClientOrderId>();
        for (var i = 0; i < 12; i++)
        {
            switch (random.Next(4))
            {
                case 0:
                    h.Server.Faults.FailNextOrders(1);
                    break;
                case 1:
                    h.Server.Faults.TimeOutNextOrders(1, TimeSpan.FromMilliseconds(50));
                    break;
                case 2:
                    h.Server.Faults.DropNextOrders(1, afterPlacing: random.Next(2) == 0);
                    break;
                default:
                    break;
            }

            var id = ClientOrderId.For("mix", i);
            ids.Add(id);
            var request = random.Next(2) == 0
                ? OrderRequest.Limit(id, Btc, Side.Buy, 0.1m, 90m + random.Next(5))
                : OrderRequest.Market(id, Btc, Side.Sell, 0.1m);
            (await h.Venue.PlaceAsync(request)).ShouldBeOfType<VenueOutcome<Order>.Accepted>($"order {i}");
            h.Server.Faults.Reset();
        }

        ids.ShouldAllBe(id => h.OrdersAtExchange(id) == 1);
        h.AllOrdersAtExchange().ShouldBe(ids.Count);
    }
}

using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.Orders;
using RxTrader.Simulator.Faults;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.Tests.Execution;

/// <summary>The user data stream goes down: REST polling keeps the updates flowing until it is back.</summary>
public sealed class BinanceExecutionVenuePollingTests
{
    private static readonly Symbol Btc = VenueHarness.Btc;

    [Fact]
    public async Task UserStreamDropped_PollingDeliversTheFillAndTheClose_ThenTheStreamReconnects()
    {
        // A long first backoff keeps the stream down while the order fills.
        await using var h = await VenueHarness.StartAsync(o => o with
        {
            UserData = o.UserData with { Backoff = new ExponentialBackoff(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)) },
        });
        h.SetBook(99.50m, 100.50m, 1m);
        var request = OrderRequest.Limit(ClientOrderId.For("poll", 1), Btc, Side.Buy, 0.1m, 99m);
        (await h.Venue.PlaceAsync(request)).ShouldBeOfType<VenueOutcome<Order>.Accepted>();

        h.Server.Faults.Drop(ConnectionKind.UserData).ShouldBe(1);
        await VenueHarness.EventuallyAsync(() => h.ConnectionEvents.OfType<Disconnected>().Any(), "the stream to drop");
        h.Venue.IsStreaming.ShouldBeFalse();
        h.Server.Engine.CancelAllLiquidity(Btc);
        h.Server.Engine.PlaceLiquidity(Btc, Side.Sell, 98.90m, 1m); // trades through the resting buy
        h.Server.Engine.CancelAllLiquidity(Btc);

        await VenueHarness.EventuallyAsync(() => h.LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Filled, "the Filled update");
        h.ConnectionEvents.OfType<Connected>().Count().ShouldBe(1); // still down: it came from polling
        h.Venue.Statistics.Polls.ShouldBeGreaterThan(0);
        var fills = h.Updates.Where(u => u.Fill?.ClientOrderId == request.ClientOrderId).Select(u => u.Fill!).ToList();
        fills.Sum(f => f.Quantity).ShouldBe(0.1m);
        fills.ShouldAllBe(f => f.IsMaker && f.Price == 99m);

        await VenueHarness.EventuallyAsync(() => h.Venue.IsStreaming, "the stream to reconnect");
        h.ConnectionEvents.OfType<Connected>().Count().ShouldBe(2);
        h.ConnectionEvents.OfType<Reconnecting>().ShouldNotBeEmpty();

        // Back on the stream: a new order's updates arrive without polling.
        var polls = h.Venue.Statistics.Polls;
        var next = OrderRequest.Limit(ClientOrderId.For("poll", 2), Btc, Side.Sell, 0.1m, 105m);
        (await h.Venue.PlaceAsync(next)).ShouldBeOfType<VenueOutcome<Order>.Accepted>();
        h.Server.Engine.PlaceLiquidity(Btc, Side.Buy, 105m, 1m);
        await VenueHarness.EventuallyAsync(() => h.LastUpdate(next.ClientOrderId)?.Status == OrderStatus.Filled, "the second Filled update");
        h.Venue.Statistics.Polls.ShouldBeLessThanOrEqualTo(polls + 1); // at most the catch-up round after reconnecting
        h.Venue.Latencies.SubmitToAck.Count.ShouldBe(2);
        h.Venue.Latencies.SubmitToFirstFill.Count.ShouldBe(2);
        h.Venue.Latencies.SubmitToTerminal.Count.ShouldBe(2);
    }

    [Fact]
    public async Task UserStreamDropped_ChangesWhileDownAndJustBeforeReconnect_NoneMissed()
    {
        await using var h = await VenueHarness.StartAsync(o => o with
        {
            PollInterval = TimeSpan.FromSeconds(30), // no regular round: only the catch-up after reconnecting can see it
            UserData = o.UserData with { Backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)) },
        });
        var request = OrderRequest.Limit(ClientOrderId.For("poll", 3), Btc, Side.Sell, 0.1m, 105m);
        (await h.Venue.PlaceAsync(request)).ShouldBeOfType<VenueOutcome<Order>.Accepted>();

        h.Server.Faults.Drop(ConnectionKind.UserData).ShouldBe(1);
        await VenueHarness.EventuallyAsync(() => h.ConnectionEvents.OfType<Disconnected>().Any(), "the stream to drop");
        h.Server.Engine.PlaceLiquidity(Btc, Side.Buy, 105m, 0.04m); // a partial fill nobody streams

        await VenueHarness.EventuallyAsync(() => h.LastUpdate(request.ClientOrderId)?.ExecutedQuantity == 0.04m, "the partial fill");
        h.Updates.Single(u => u.Fill is not null).Fill!.Quantity.ShouldBe(0.04m);
    }

    [Fact]
    public async Task StreamUpButSilentAboutAnOrder_TheStreamingPollStillDeliversIt()
    {
        await using var h = await VenueHarness.StartAsync(o => o with { StreamingPollInterval = TimeSpan.FromMilliseconds(200) });
        await VenueHarness.EventuallyAsync(() => h.Venue.IsStreaming, "the stream to connect");
        var request = OrderRequest.Limit(ClientOrderId.For("poll", 5), Btc, Side.Sell, 0.1m, 105m);
        (await h.Venue.PlaceAsync(request)).ShouldBeOfType<VenueOutcome<Order>.Accepted>();

        // The connection stays open but delivers nothing: an update the stream lost, as far as the venue can tell.
        h.Server.Faults.Stall(ConnectionKind.UserData).ShouldBe(1);
        h.Server.Engine.PlaceLiquidity(Btc, Side.Buy, 105m, 1m);

        await VenueHarness.EventuallyAsync(() => h.LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Filled, "the Filled update from polling");
        h.Venue.IsStreaming.ShouldBeTrue();
        h.Venue.Statistics.Polls.ShouldBeGreaterThan(0);
        h.Updates.Where(u => u.Fill is not null).Sum(u => u.Fill!.Quantity).ShouldBe(0.1m);
    }

    [Fact]
    public async Task WithoutTheStream_PollingAloneDeliversUpdates()
    {
        await using var h = await VenueHarness.StartAsync(o => o with { UseUserDataStream = false });
        var request = OrderRequest.Limit(ClientOrderId.For("poll", 4), Btc, Side.Sell, 0.1m, 105m);
        (await h.Venue.PlaceAsync(request)).ShouldBeOfType<VenueOutcome<Order>.Accepted>();

        h.Server.Engine.PlaceLiquidity(Btc, Side.Buy, 106m, 1m);

        await VenueHarness.EventuallyAsync(() => h.LastUpdate(request.ClientOrderId)?.Status == OrderStatus.Filled, "the Filled update");
        h.Venue.IsStreaming.ShouldBeFalse();
        h.Updates.Where(u => u.Fill is not null).Sum(u => u.Fill!.Quantity).ShouldBe(0.1m);
    }
}

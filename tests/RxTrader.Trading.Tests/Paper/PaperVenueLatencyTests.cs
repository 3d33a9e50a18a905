using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Testing;
using static RxTrader.Trading.Tests.Paper.PaperHarness;

namespace RxTrader.Trading.Tests.Paper;

public sealed class PaperVenueLatencyTests
{
    private static PaperHarness WithLatency() => new(o => o with { AckLatency = TimeSpan.FromTicks(50) });

    [Fact]
    public async Task Place_WithLatency_TakesEffectLaterAgainstTheBookOfThatTime()
    {
        using var h = WithLatency();
        h.At(100).Book(99m, 5m, 100m, 5m);
        var pending = h.Venue.PlaceAsync(OrderRequest.Market(Id(1), Btc, Side.Buy, 1m));
        h.At(120).Book(100m, 5m, 101m, 5m);
        pending.IsCompleted.ShouldBeFalse();
        h.Updates.ShouldBeEmpty();

        h.At(149);
        pending.IsCompleted.ShouldBeFalse();
        h.At(150);
        pending.IsCompleted.ShouldBeTrue();
        var order = (await pending).ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value;
        order.Time.ShouldBe(MarbleTime.At(150));
        order.CumulativeQuoteQuantity.ShouldBe(101m);
    }

    [Fact]
    public async Task Place_WithLatency_DataBeforeTheAckNeverFillsTheRestingOrder()
    {
        using var h = WithLatency();
        h.At(100).Book(99m, 5m, 100m, 5m);
        var pending = h.Venue.PlaceAsync(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 99.5m));
        h.At(120).Trade(99m, 10m, sellerAggressor: true);
        h.At(150);
        (await pending).ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value.Status.ShouldBe(OrderStatus.New);
        h.At(160).Trade(99m, 0.5m, sellerAggressor: true);
        h.Get(Id(1)).ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value.ExecutedQuantity.ShouldBe(0.5m);
    }

    [Fact]
    public async Task Cancel_WithLatency_AFillBeforeItTakesEffectWins()
    {
        using var h = WithLatency();
        h.At(100).Book(99m, 5m, 100m, 5m);
        var place = h.Venue.PlaceAsync(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 99.5m));
        h.At(150);
        await place;
        var cancel = h.Venue.CancelAsync(Btc, Id(1));
        h.At(170).Trade(99m, 1m, sellerAggressor: true);
        h.At(200);
        (await cancel).ShouldBe(new VenueOutcome<Order>.Rejected(-2011, "Unknown order sent."));
    }

    [Fact]
    public async Task Place_WithLatency_CancelledWaitStillPlacesTheOrder()
    {
        using var h = WithLatency();
        using var cts = new CancellationTokenSource();
        var pending = h.Venue.PlaceAsync(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 90m), cts.Token);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(pending);
        h.At(100);
        h.Get(Id(1)).ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value.Status.ShouldBe(OrderStatus.New);
    }

    [Fact]
    public async Task Place_WithLatency_DisposedBeforeTheAck_Unknown()
    {
        var h = WithLatency();
        var pending = h.Venue.PlaceAsync(OrderRequest.Limit(Id(1), Btc, Side.Buy, 1m, 90m));
        h.Dispose();
        h.At(100);
        (await pending).ShouldBeOfType<VenueOutcome<Order>.Unknown>();
        h.Updates.ShouldBeEmpty();
    }
}

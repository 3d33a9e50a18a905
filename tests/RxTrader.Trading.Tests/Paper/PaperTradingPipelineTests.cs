using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;
using RxTrader.Trading.Risk;
using RxTrader.Trading.Tests.Journal;

namespace RxTrader.Trading.Tests.Paper;

/// <summary>
/// The live order path on the paper venue in virtual time: signals → risk gate → order manager (journal) → paper
/// venue fed by a seeded market. What a backtest runs; it must end with the journal equal to the venue.
/// </summary>
public sealed class PaperTradingPipelineTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SeededSession_EndsWithJournalPositionAndBalancesAgreeingWithTheVenue()
    {
        using var market = new PaperHarness();
        var btc = PaperHarness.Btc;
        using var journal = OrderJournal.Open(_dir.File("paper.db"), new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });
        using var manager = new OrderManager(market.Venue, journal, market.Scheduler);
        using var gate = new RiskGate(
            market.Options.Symbols, new OrderManagerExposure(manager), new RiskLimits { MaxPosition = 0.7m, MaxOpenOrders = 10 }, market.Scheduler);
        var entry = new OrderEntry(gate, manager);
        var refusals = new List<RiskRejection>();
        using var counting = gate.Rejections.Subscribe(refusals.Add);
        await manager.StartAsync();

        var random = new Random(11);
        var mid = 100m;
        var ids = new List<ClientOrderId>();
        for (var step = 0; step < 400; step++)
        {
            mid += random.Next(-3, 4) * 0.01m;
            market.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(10).Ticks);
            market.Book(mid - 0.01m, 1m, mid + 0.01m, 1m);
            manager.UpdateMark(btc, mid);
            market.Trade(mid + (random.Next(-3, 4) * 0.01m), 0.4m, sellerAggressor: random.Next(2) == 0);
            if (step % 5 == 0)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                var id = ClientOrderId.For("paper", step);
                var request = random.Next(3) == 0
                    ? OrderRequest.Market(id, btc, side, 0.3m)
                    : OrderRequest.Limit(id, btc, side, 0.3m, side == Side.Buy ? mid - 0.02m : mid + 0.02m);
                if ((await entry.SubmitAsync(request)).IsSubmitted)
                {
                    ids.Add(id);
                }
            }

            if (step % 50 == 49)
            {
                foreach (var open in manager.OpenOrders)
                {
                    await entry.CancelAsync(open.ClientOrderId);
                }
            }
        }

        market.Scheduler.AdvanceBy(TimeSpan.FromSeconds(5).Ticks);

        ids.Count.ShouldBeGreaterThan(40);
        refusals.ShouldContain(r => r.Reason == RiskRejectionReason.MaxPosition);
        manager.ReconcilingCount.ShouldBe(0);
        foreach (var id in ids)
        {
            var venueOrder = (await market.Venue.GetOrderAsync(btc, id)).ShouldBeOfType<VenueOutcome<Order>.Accepted>().Value;
            var journaled = journal.FindOrder(id).ShouldNotBeNull();
            journaled.Order.ShouldNotBeNull().Status.ShouldBe(venueOrder.Status, id.Value);
            journaled.Order.ExecutedQuantity.ShouldBe(venueOrder.ExecutedQuantity, id.Value);
            journal.ReadFills(id).Sum(f => f.Quantity).ShouldBe(venueOrder.ExecutedQuantity, id.Value);
        }

        // The position is what the venue's base balance moved by, fees in the base asset aside.
        var balances = (await market.Venue.GetBalancesAsync()).ShouldBeOfType<VenueOutcome<IReadOnlyList<Balance>>.Accepted>().Value;
        var baseFees = ids.SelectMany(journal.ReadFills).Where(f => f.CommissionAsset == "BTC").Sum(f => f.Commission);
        var position = manager.Positions.Lookup(btc)?.Quantity ?? 0m;
        position.ShouldNotBe(0m);
        Math.Abs(position).ShouldBeLessThanOrEqualTo(0.7m);
        balances.Single(b => b.Asset == "BTC").Total.ShouldBe(10m + position - baseFees);
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Core.Orders;
using RxTrader.Trading.Paper;
using static RxTrader.Trading.Tests.Paper.PaperHarness;

namespace RxTrader.Trading.Tests.Paper;

/// <summary>The venue under a <see cref="HistoricalScheduler"/>, as a backtest drives it.</summary>
public sealed class PaperVenueBacktestTests
{
    [Fact]
    public void Backtest_SameReplayTwice_GivesTheSameUpdatesBalancesAndTimes()
    {
        var first = Run(seed: 7);
        var second = Run(seed: 7);
        first.Updates.ShouldContain(u => u.Fill != null && u.Fill.Side == Side.Buy);
        first.Updates.ShouldContain(u => u.Fill != null && u.Fill.Side == Side.Sell, "exits placed from the updates fill too");
        first.Updates.ShouldBe(second.Updates);
        first.Balances.ShouldBe(second.Balances);
        Run(seed: 8).Updates.ShouldNotBe(first.Updates);
    }

    /// <summary>Replays a seeded random walk of books and prints on a historical clock; a strategy quotes a bid
    /// under the market and, whenever a buy fills, offers what it bought 0.05 higher (through a 5 ms ack latency).</summary>
    private static (List<OrderUpdate> Updates, IReadOnlyList<Balance> Balances) Run(int seed)
    {
        var random = new Random(seed);
        var scheduler = new HistoricalScheduler(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var books = new Subject<BookTicker>();
        using var trades = new Subject<ITradeTick>();
        var options = DefaultOptions() with { AckLatency = TimeSpan.FromMilliseconds(5) };
        using var venue = new PaperVenue(options, books, trades, scheduler);
        var updates = new List<OrderUpdate>();
        var sequence = 0;
        using var strategy = venue.OrderUpdates.Subscribe(u =>
        {
            updates.Add(u);
            if (u.Fill is { Side: Side.Buy } fill)
            {
                _ = venue.PlaceAsync(OrderRequest.Limit(
                    ClientOrderId.For("exit", sequence++), Btc, Side.Sell, fill.Quantity, fill.Price + 0.05m));
            }
        });

        var mid = 100m;
        var start = scheduler.Now;
        for (var i = 0; i < 300; i++)
        {
            mid += random.Next(-2, 3) * 0.01m;
            var n = i;
            var at = start.AddMilliseconds(i * 10);
            var (bid, ask, print, hitBids) = (mid - 0.01m, mid + 0.01m, mid + (random.Next(-2, 3) * 0.01m), random.Next(2) == 0);
            scheduler.ScheduleAbsolute(at, () => books.OnNext(new BookTicker(Btc, n, bid, 1m, ask, 1m)));
            scheduler.ScheduleAbsolute(at.AddMilliseconds(3), () =>
                trades.OnNext(new Trade(Btc, n, print, 0.3m, scheduler.Now, scheduler.Now, hitBids)));
            if (i % 20 == 0)
            {
                var id = ClientOrderId.For("entry", i);
                scheduler.ScheduleAbsolute(at.AddMilliseconds(1), () => venue.PlaceAsync(OrderRequest.Limit(id, Btc, Side.Buy, 0.2m, bid)));
            }
        }

        scheduler.Start();
        var balances = venue.GetBalancesAsync().Result.ShouldBeOfType<VenueOutcome<IReadOnlyList<Balance>>.Accepted>().Value;
        return (updates, balances);
    }
}

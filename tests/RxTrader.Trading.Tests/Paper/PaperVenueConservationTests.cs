using RxTrader.Core;
using RxTrader.Core.Orders;
using static RxTrader.Trading.Tests.Paper.PaperHarness;

namespace RxTrader.Trading.Tests.Paper;

/// <summary>Property test: seeded random order flows against random books and prints keep every number consistent.</summary>
public sealed class PaperVenueConservationTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomFlow_BalancesConserved_LocksMatchOpenOrders_FillsAddUp(int seed)
    {
        var random = new Random(seed);
        using var h = new PaperHarness(o => o with { MaxClosedOrders = 100_000 });
        var mids = new Dictionary<Symbol, decimal> { [Btc] = 100m, [Eth] = 20m };
        var placed = new List<(Symbol Symbol, ClientOrderId Id)>();
        long time = 0;
        for (var step = 0; step < 400; step++)
        {
            h.At(time += random.Next(1, 1_000));
            var symbol = random.Next(3) == 0 ? Eth : Btc;
            var mid = mids[symbol] = Math.Max(1m, mids[symbol] + (random.Next(-3, 4) * 0.01m));
            switch (random.Next(10))
            {
                case < 3:
                    var half = random.Next(1, 4) * 0.01m;
                    h.Book(mid - half, Size(random), mid + half, Size(random), symbol);
                    break;
                case < 6:
                    h.Trade(mid + (random.Next(-5, 6) * 0.01m), Size(random), random.Next(2) == 0, symbol);
                    break;
                case < 9:
                    var id = ClientOrderId.For("p", step);
                    h.Place(RandomRequest(random, id, symbol, mid));
                    placed.Add((symbol, id));
                    break;
                default:
                    if (placed.Count > 0)
                    {
                        var (s, cancelId) = placed[random.Next(placed.Count)];
                        h.Cancel(cancelId, s);
                    }

                    break;
            }

            CheckLocks(h);
        }

        CheckConservation(h);
        CheckOrders(h);
        h.Violations.ShouldBeEmpty();
        h.Updates.Count(u => u.Fill is not null).ShouldBeGreaterThan(20, "the flow must exercise fills");
    }

    private static decimal Size(Random random) => random.Next(1, 40) * 0.05m;

    private static OrderRequest RandomRequest(Random random, ClientOrderId id, Symbol symbol, decimal mid)
    {
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var quantity = random.Next(1, 30) * 0.05m;
        var price = mid + (random.Next(-6, 7) * 0.01m);
        return random.Next(7) switch
        {
            0 => OrderRequest.Market(id, symbol, side, quantity),
            1 => new OrderRequest(id, symbol, side, OrderType.Market, 0m, QuoteQuantity: quantity * mid),
            2 => OrderRequest.LimitMaker(id, symbol, side, quantity, price),
            3 => OrderRequest.Limit(id, symbol, side, quantity, price, TimeInForce.ImmediateOrCancel),
            4 => OrderRequest.Limit(id, symbol, side, quantity, price, TimeInForce.FillOrKill),
            _ => OrderRequest.Limit(id, symbol, side, quantity, price),
        };
    }

    /// <summary>Free and locked are never negative; locked is exactly what the open orders hold.</summary>
    private static void CheckLocks(PaperHarness h)
    {
        var expectedLocked = new Dictionary<string, decimal>();
        foreach (var order in h.Open())
        {
            var info = h.Options.Symbols.Single(s => s.Symbol == order.Symbol);
            var (asset, amount) = order.Side == Side.Buy
                ? (info.QuoteAsset, order.Price!.Value * order.RemainingQuantity)
                : (info.BaseAsset, order.RemainingQuantity);
            expectedLocked[asset] = expectedLocked.GetValueOrDefault(asset) + amount;
        }

        foreach (var asset in new[] { "USDT", "BTC", "ETH" })
        {
            var balance = h.Balance(asset);
            balance.Free.ShouldBeGreaterThanOrEqualTo(0m, asset);
            balance.Locked.ShouldBeGreaterThanOrEqualTo(0m, asset);
            balance.Locked.ShouldBe(expectedLocked.GetValueOrDefault(asset), asset);
        }
    }

    /// <summary>Every asset's total plus the fees paid in it equals its initial amount plus what the fills moved.</summary>
    private static void CheckConservation(PaperHarness h)
    {
        var flows = new Dictionary<string, decimal>();
        var fees = new Dictionary<string, decimal>();
        foreach (var fill in h.Updates.Where(u => u.Fill is not null).Select(u => u.Fill!))
        {
            var info = h.Options.Symbols.Single(s => s.Symbol == fill.Symbol);
            var sign = fill.Side == Side.Buy ? 1m : -1m;
            flows[info.BaseAsset] = flows.GetValueOrDefault(info.BaseAsset) + (sign * fill.Quantity);
            flows[info.QuoteAsset] = flows.GetValueOrDefault(info.QuoteAsset) - (sign * fill.QuoteQuantity);
            fees[fill.CommissionAsset] = fees.GetValueOrDefault(fill.CommissionAsset) + fill.Commission;
            fill.CommissionAsset.ShouldBe(fill.Side == Side.Buy ? info.BaseAsset : info.QuoteAsset);
            fill.Commission.ShouldBe((fill.Side == Side.Buy ? fill.Quantity : fill.QuoteQuantity) * (fill.IsMaker ? 0.001m : 0.002m));
        }

        foreach (var asset in new[] { "USDT", "BTC", "ETH" })
        {
            var total = h.Balance(asset).Total;
            (total + fees.GetValueOrDefault(asset)).ShouldBe(h.Options.InitialBalances[asset] + flows.GetValueOrDefault(asset), asset);
        }
    }

    /// <summary>Per order: fills add up to the executed quantity and quote, in both the updates and the queries.</summary>
    private static void CheckOrders(PaperHarness h)
    {
        foreach (var group in h.Updates.GroupBy(u => (u.Order.Symbol, u.Order.ExchangeOrderId)))
        {
            var updates = group.ToList();
            var last = updates[^1].Order;
            var fills = updates.Where(u => u.Fill is not null).Select(u => u.Fill!).ToList();
            fills.Sum(f => f.Quantity).ShouldBe(last.ExecutedQuantity);
            fills.Sum(f => f.Price * f.Quantity).ShouldBe(last.CumulativeQuoteQuantity);
            fills.ShouldAllBe(f => f.QuoteQuantity == f.Price * f.Quantity && f.Quantity > 0m);
            last.ExecutedQuantity.ShouldBeLessThanOrEqualTo(last.Quantity);
            (last.Status == OrderStatus.Filled).ShouldBe(last.ExecutedQuantity == last.Quantity);
            h.Fills(last).ShouldBe(fills);
            updates[0].Order.Status.ShouldBe(OrderStatus.New);
            updates.Skip(1).SkipLast(1).ShouldAllBe(u => u.Order.Status == OrderStatus.PartiallyFilled);
        }

        foreach (var symbol in new[] { Btc, Eth })
        {
            h.Updates.Where(u => u.Fill?.Symbol == symbol).Select(u => u.Fill!.TradeId).ShouldBeUnique();
        }
    }
}

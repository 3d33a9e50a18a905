using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Tests.Paper;

public sealed class PaperVenueBalanceTests
{
    [Fact]
    public void TakerBuy_PaysQuote_ReceivesBaseLessTheFeeInBase()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        var fill = h.PublishedFills(h.Market(Side.Buy, 2m)).ShouldHaveSingleItem();
        fill.Commission.ShouldBe(0.004m);
        fill.CommissionAsset.ShouldBe("BTC");
        h.Balance("USDT").ShouldBe(new Balance("USDT", 99_800m, 0m));
        h.Balance("BTC").ShouldBe(new Balance("BTC", 11.996m, 0m));
    }

    [Fact]
    public void TakerSell_PaysBase_ReceivesQuoteLessTheFeeInQuote()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        var fill = h.PublishedFills(h.Market(Side.Sell, 2m)).ShouldHaveSingleItem();
        fill.Commission.ShouldBe(0.396m);
        fill.CommissionAsset.ShouldBe("USDT");
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m + 198m - 0.396m, 0m));
        h.Balance("BTC").ShouldBe(new Balance("BTC", 8m, 0m));
    }

    [Fact]
    public void RestingOrders_LockThenSpendTheLock_CancelReleasesTheRest()
    {
        using var h = new PaperHarness();
        h.Book(99m, 5m, 100m, 5m);
        var buy = h.Limit(Side.Buy, 2m, 99.5m);
        var sell = h.Limit(Side.Sell, 3m, 101m);
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m - 199m, 199m));
        h.Balance("BTC").ShouldBe(new Balance("BTC", 7m, 3m));

        h.Trade(99m, 0.5m, sellerAggressor: true);
        h.Trade(101.5m, 1m, sellerAggressor: false);
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m - 199m + 101m - 0.101m, 149.25m));
        h.Balance("BTC").ShouldBe(new Balance("BTC", 7m + 0.5m - 0.0005m, 2m));

        h.Cancel(buy.ClientOrderId);
        h.Cancel(sell.ClientOrderId);
        h.Balance("USDT").ShouldBe(new Balance("USDT", 100_000m - 49.75m + 101m - 0.101m, 0m));
        h.Balance("BTC").ShouldBe(new Balance("BTC", 9.4995m, 0m));
    }

    [Fact]
    public async Task Balances_ListOnlyNonZeroAssetsByName()
    {
        using var h = new PaperHarness(o => o with
        {
            InitialBalances = new Dictionary<string, decimal> { ["USDT"] = 100m, ["BNB"] = 0m, ["ADA"] = 1m },
        });
        var balances = (await h.Venue.GetBalancesAsync()).ShouldBeOfType<VenueOutcome<IReadOnlyList<Balance>>.Accepted>().Value;
        balances.Select(b => b.Asset).ShouldBe(["ADA", "USDT"]);
    }

    [Fact]
    public void ZeroFeeRates_ChargeNothing()
    {
        using var h = new PaperHarness(o => o with { MakerFeeRate = 0m, TakerFeeRate = 0m });
        h.Book(99m, 5m, 100m, 5m);
        h.Market(Side.Buy, 1m);
        h.Balance("BTC").Free.ShouldBe(11m);
        h.PublishedFills(h.Market(Side.Sell, 1m)).ShouldHaveSingleItem().Commission.ShouldBe(0m);
    }
}

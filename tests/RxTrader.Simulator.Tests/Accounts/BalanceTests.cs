using RxTrader.Core;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Accounts;

public sealed class BalanceTests
{
    [Fact]
    public void Trade_BetweenTwoAccounts_FeesInReceivedAssetAtMakerAndTakerRates()
    {
        using var f = new EngineFixture();
        f.Place(Bob, Limit(Side.Sell, 123.45m, 0.7m));

        var placed = f.Place(Alice, Limit(Side.Buy, 123.45m, 0.7m));

        // Taker Alice receives 0.7 BTC and pays 0.2 % of it; maker Bob receives 86.415 USDT and pays 0.1 %.
        placed.Fills.ShouldBe([new Fill(123.45m, 0.7m, 0.0014m, "BTC", 1)]);
        f.Balance(Alice, "BTC").ShouldBe(new("BTC", 10.6986m, 0m));
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 9_913.585m, 0m));
        f.Balance(Bob, "BTC").ShouldBe(new("BTC", 9.3m, 0m));
        f.Balance(Bob, "USDT").ShouldBe(new("USDT", 10_086.328585m, 0m));
        var bobTrade = f.Engine.MyTrades(Bob, BtcUsdt).Value!.ShouldHaveSingleItem();
        bobTrade.ShouldBe(new AccountTrade(BtcUsdt, 1, 1, 123.45m, 0.7m, 86.415m, 0.086415m, "USDT", MarbleStart, IsBuyer: false, IsMaker: true));
    }

    [Fact]
    public void LimitBuy_FilledBelowItsPrice_ImprovementReturnsToFree()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 90m, 1m);

        f.Place(Alice, Limit(Side.Buy, 100m, 2m));

        // Locked 200, spent 90 on the fill, 100 stays locked for the resting 1 BTC; 10 improvement freed.
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 9_810m, 100m));
        f.Balance(Alice, "BTC").ShouldBe(new("BTC", 10.998m, 0m));
    }

    [Fact]
    public void Cancel_PartiallyFilledBuy_ReleasesTheRestOfTheLock()
    {
        using var f = new EngineFixture();
        var id = f.Place(Alice, Limit(Side.Buy, 100m, 3m)).Order.OrderId;
        f.Liquidity(Side.Sell, 100m, 1m);
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 9_700m, 200m));

        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, id)).IsSuccess.ShouldBeTrue();

        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 9_900m, 0m));
        f.Balance(Alice, "BTC").ShouldBe(new("BTC", 10.999m, 0m)); // maker fee 0.1 %
    }

    [Fact]
    public void Cancel_Sell_ReleasesBase()
    {
        using var f = new EngineFixture();
        var id = f.Place(Alice, Limit(Side.Sell, 100m, 4m)).Order.OrderId;
        f.Balance(Alice, "BTC").ShouldBe(new("BTC", 6m, 4m));

        f.Engine.CancelOpenOrders(Alice, BtcUsdt).Value!.ShouldHaveSingleItem().Order.OrderId.ShouldBe(id);

        f.Balance(Alice, "BTC").ShouldBe(new("BTC", 10m, 0m));
    }

    [Fact]
    public void MarketBuyByQuote_UnspentLockReturns()
    {
        using var f = new EngineFixture();
        f.Liquidity(Side.Sell, 3m, 10m);

        f.Place(Alice, MarketOrder(Side.Buy, quote: 10m));

        // 10 / 3 = 3.333 BTC on the step, costing 9.999 USDT.
        f.Balance(Alice, "USDT").ShouldBe(new("USDT", 9_990.001m, 0m));
        f.Balance(Alice, "BTC").ShouldBe(new("BTC", 10m + 3.333m - (3.333m * 0.002m), 0m));
    }

    [Fact]
    public void GetAccount_ShowsRatesAndSortedBalances()
    {
        using var f = new EngineFixture();
        f.Engine.Deposit(Alice, "ETH", 2.5m);

        var account = f.Engine.GetAccount(Alice).Value!;

        account.Commission.ShouldBe(Rates);
        account.Balances.Select(b => b.Asset).ShouldBe(["BTC", "ETH", "USDT"]);
        account.Balances[1].ShouldBe(new AssetBalance("ETH", 2.5m, 0m));
        f.Events.OfType<AccountPositionChanged>().ShouldHaveSingleItem().Balances.ShouldBe([new AssetBalance("ETH", 2.5m, 0m)]);
    }

    [Fact]
    public void GetAccount_Unknown_InvalidApiKey()
    {
        using var f = new EngineFixture();

        f.Engine.GetAccount("nobody").Error.ShouldBe(new ExchangeError(-2015, "Invalid API-key, IP, or permissions for action."));
    }

    [Fact]
    public void CreateAccount_Twice_Throws()
    {
        using var f = new EngineFixture();

        Should.Throw<ArgumentException>(() => f.Engine.CreateAccount(Alice));
        Should.Throw<ArgumentOutOfRangeException>(() => f.Engine.CreateAccount("x", [new AssetBalance("BTC", -1m, 0m)]));
        Should.Throw<ArgumentOutOfRangeException>(() => f.Engine.CreateAccount("y", null, new CommissionRates(-0.1m, 0m)));
    }

    [Fact]
    public void DefaultCommission_AppliesToAccountsWithoutRates()
    {
        using var f = new EngineFixture();
        f.Engine.CreateAccount("carol", [new AssetBalance("USDT", 1_000m, 0m)]);

        f.Engine.GetAccount("carol").Value!.Commission.ShouldBe(CommissionRates.Default);
    }
}

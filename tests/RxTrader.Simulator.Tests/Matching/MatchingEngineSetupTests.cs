using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Simulator.Matching;
using static RxTrader.Simulator.Tests.EngineFixture;

namespace RxTrader.Simulator.Tests.Matching;

public sealed class MatchingEngineSetupTests
{
    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new MatchingEngine(null!));
        Should.Throw<ArgumentOutOfRangeException>(() => new MatchingEngine(
            new TestScheduler(), new MatchingEngineOptions { DefaultCommission = new(1m, 0m) }));
    }

    [Fact]
    public void PublicCalls_NullArguments_Throw()
    {
        using var f = new EngineFixture();

        Should.Throw<ArgumentNullException>(() => f.Engine.PlaceOrder(null!, Limit(Side.Buy, 1m, 1m)));
        Should.Throw<ArgumentNullException>(() => f.Engine.PlaceOrder(Alice, null!));
        Should.Throw<ArgumentNullException>(() => f.Engine.CancelOrder(Alice, null!));
        Should.Throw<ArgumentNullException>(() => f.Engine.AddSymbol(null!));
        Should.Throw<ArgumentException>(() => f.Engine.AddSymbol(DefaultRules with { BaseAsset = "" }));
        Should.Throw<ArgumentOutOfRangeException>(() => f.Engine.AddSymbol(DefaultRules with { MaxNumOrders = 0 }));
        Should.Throw<ArgumentException>(() => f.Engine.Deposit("nobody", "BTC", 1m));
    }

    [Fact]
    public void AddSymbol_Again_ReplacesRulesAndKeepsTheBook()
    {
        using var f = new EngineFixture();
        f.Place(Alice, Limit(Side.Buy, 100m, 1m));

        f.Engine.AddSymbol(DefaultRules with { Status = SymbolStatus.Halt });

        f.Engine.GetSymbol(BtcUsdt)!.Status.ShouldBe(SymbolStatus.Halt);
        f.Engine.GetDepth(BtcUsdt).Value.Bids.Length.ShouldBe(1);
        f.Engine.GetSymbol(new Symbol("NOPE")).ShouldBeNull();
        f.Engine.GetDepth(new Symbol("NOPE")).Error.ShouldBe(ExchangeErrors.InvalidSymbol);
    }

    [Fact]
    public void HaltedSymbol_CancelsStillWork()
    {
        using var f = new EngineFixture();
        var id = f.Place(Alice, Limit(Side.Buy, 100m, 1m)).Order.OrderId;
        f.Engine.AddSymbol(DefaultRules with { Status = SymbolStatus.Break });

        f.Refused(Alice, Limit(Side.Buy, 100m, 1m)).ShouldBe(ExchangeErrors.MarketClosed);
        f.Engine.CancelOrder(Alice, new CancelRequest(BtcUsdt, id)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void GetDepth_LimitCutsEachSide()
    {
        using var f = new EngineFixture();
        for (var i = 0; i < 5; i++)
        {
            f.Liquidity(Side.Sell, 101m + i, 1m);
            f.Liquidity(Side.Buy, 99m - i, 1m);
        }

        var depth = f.Engine.GetDepth(BtcUsdt, 2).Value;

        depth.Asks.Select(l => l.Price).ShouldBe([101m, 102m]);
        depth.Bids.Select(l => l.Price).ShouldBe([99m, 98m]);
        depth.LastUpdateId.ShouldBe(10);
    }
}

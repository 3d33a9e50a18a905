using System.Collections.Immutable;
using RxTrader.Core.MarketData;

namespace RxTrader.Core.Tests.MarketData;

public sealed class MarketDataTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Theory]
    [InlineData(true, Side.Sell)]
    [InlineData(false, Side.Buy)]
    public void Trade_AggressorSide_FollowsBuyerMaker(bool buyerMaker, Side expected)
    {
        var trade = new Trade(Btc, 1, 100m, 1m, T0, T0, buyerMaker);
        trade.AggressorSide.ShouldBe(expected);
        new AggregateTrade(Btc, 1, 100m, 1m, 5, 7, T0, T0, buyerMaker).AggressorSide.ShouldBe(expected);
    }

    [Fact]
    public void Trade_AsTradeTick_ExposesTradeTime()
    {
        ITradeTick tick = new Trade(Btc, 1, 100.5m, 2m, T0, T0.AddMilliseconds(3), true);
        tick.Time.ShouldBe(T0);
        tick.Price.ShouldBe(100.5m);
        tick.Quantity.ShouldBe(2m);
        tick.IsBuyerMaker.ShouldBeTrue();
    }

    [Fact]
    public void AggregateTrade_TradeCount_CountsInclusiveRange() =>
        new AggregateTrade(Btc, 9, 1m, 1m, 100, 104, T0, T0, false).TradeCount.ShouldBe(5);

    [Fact]
    public void Candle_TypicalPrice_IsMeanOfHighLowClose()
    {
        var candle = new Candle(Btc, TimeSpan.FromMinutes(1), T0, T0.AddMinutes(1).AddMilliseconds(-1),
            10m, 13m, 8m, 12m, 1m, 10m, 1, 0m, 0m, true);
        candle.TypicalPrice.ShouldBe(11m);
    }

    [Fact]
    public void BookTicker_MidAndSpread()
    {
        var ticker = new BookTicker(Btc, 1, 99m, 1m, 101m, 2m);
        ticker.MidPrice.ShouldBe(100m);
        ticker.Spread.ShouldBe(2m);
    }

    [Theory]
    [InlineData(101, true)]
    [InlineData(100, false)]
    [InlineData(102, false)]
    public void DepthUpdate_Follows_RequiresNextUpdateId(long firstUpdateId, bool expected)
    {
        var update = new DepthUpdate(Btc, T0, firstUpdateId, firstUpdateId + 3,
            ImmutableArray<BookLevel>.Empty, ImmutableArray.Create(new BookLevel(1m, 0m)));
        update.Follows(100).ShouldBe(expected);
    }
}

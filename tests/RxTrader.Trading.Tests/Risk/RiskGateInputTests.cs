using System.Globalization;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;
using RxTrader.Testing;
using RxTrader.Trading.Risk;
using static RxTrader.Trading.Tests.Risk.RiskTestData;

namespace RxTrader.Trading.Tests.Risk;

public sealed class RiskGateInputTests
{
    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        var scheduler = new TestScheduler();
        var exposure = new InMemoryRiskExposure();
        Should.Throw<ArgumentNullException>(() => new RiskGate(null!, exposure, new RiskLimits(), scheduler));
        Should.Throw<ArgumentNullException>(() => new RiskGate([BtcInfo], null!, new RiskLimits(), scheduler));
        Should.Throw<ArgumentNullException>(() => new RiskGate([BtcInfo], exposure, null!, scheduler));
        Should.Throw<ArgumentNullException>(() => new RiskGate([BtcInfo], exposure, new RiskLimits(), null!));
        Should.Throw<ArgumentNullException>(() => new RiskGate([BtcInfo, null!], exposure, new RiskLimits(), scheduler));
    }

    [Fact]
    public void Members_BadArguments_ThrowAtCallTime()
    {
        using var gate = CreateSut(new TestScheduler());
        Should.Throw<ArgumentNullException>(() => gate.Check(null!));
        Should.Throw<ArgumentNullException>(() => gate.UpdateSymbol(null!));
        Should.Throw<ArgumentNullException>(() => gate.SetMode(TradingMode.Halted, null!));
        Should.Throw<ArgumentOutOfRangeException>(() => gate.SetMode((TradingMode)7, "x"));
        Should.Throw<ArgumentNullException>(() => gate.SetDataHealth(Btc, null!, DataHealth.Stale));
        Should.Throw<ArgumentOutOfRangeException>(() => gate.SetDataHealth(Btc, "trades", (DataHealth)42));
        Should.Throw<ArgumentNullException>(() => gate.TrackDataHealth(Btc, null!, new TestScheduler().CreateHotObservable<Core.Connectivity.ConnectionEvent>()));
        Should.Throw<ArgumentNullException>(() => gate.TrackDataHealth(Btc, "trades", null!));
    }

    public static TheoryData<string, OrderRequest> MalformedRequests() => new()
    {
        { "no client id", new OrderRequest(default, Btc, Side.Buy, OrderType.Limit, 1m, 100m, TimeInForce.GoodTillCanceled) },
        { "no symbol", new OrderRequest(NextId(), default, Side.Buy, OrderType.Limit, 1m, 100m, TimeInForce.GoodTillCanceled) },
        { "bad side", new OrderRequest(NextId(), Btc, (Side)0, OrderType.Limit, 1m, 100m, TimeInForce.GoodTillCanceled) },
        { "bad type", new OrderRequest(NextId(), Btc, Side.Buy, (OrderType)99, 1m, 100m) },
        { "zero quantity", BuyLimit(0m, 100m) },
        { "negative quantity", BuyLimit(-1m, 100m) },
        { "zero price", BuyLimit(1m, 0m) },
        { "negative price", SellLimit(1m, -100m) },
        { "limit without price", new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Limit, 1m, null, TimeInForce.GoodTillCanceled) },
        { "market with price", new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Market, 1m, 100m) },
        { "market negative", Market(Side.Sell, -0.5m) },
        { "quote and base", new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Market, 1m, QuoteQuantity: 10m) },
        { "negative quote", new OrderRequest(NextId(), Btc, Side.Buy, OrderType.Market, 0m, QuoteQuantity: -10m) },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public void Check_MalformedRequest_RejectedWithInvalidOrderAndPublished(string because, OrderRequest request)
    {
        using var gate = CreateSut(new TestScheduler());
        var rejections = gate.RecordRejections();

        var reason = gate.Check(request).ShouldBeRejected();

        reason.ShouldBe(RiskRejectionReason.InvalidOrder, because);
        rejections.Count.ShouldBe(1);
        rejections[0].Request.ShouldBeSameAs(request);
        rejections[0].Message.ShouldBe(request.Validate());
    }

    [Fact]
    public void Check_UnknownSymbol_RejectedWithUnknownSymbol()
    {
        using var gate = CreateSut(new TestScheduler());

        var result = gate.Check(BuyLimit(1m, 100m, Unknown));

        result.ShouldBeRejected().ShouldBe(RiskRejectionReason.UnknownSymbol);
        result.Rejection!.Message.ShouldContain("NOPEUSDT");
    }

    [Fact]
    public void Check_SymbolNotTrading_RejectedUntilItTradesAgain()
    {
        using var gate = CreateSut(new TestScheduler());

        gate.Check(BuyLimit(1m, 100m, Halted)).ShouldBeRejected().ShouldBe(RiskRejectionReason.SymbolNotTrading);
        gate.UpdateSymbol(HaltedInfo with { Status = SymbolStatus.Trading });
        gate.Check(BuyLimit(1m, 100m, Halted)).ShouldBeApproved();
        gate.UpdateSymbol(HaltedInfo with { Status = SymbolStatus.Unknown });
        gate.Check(BuyLimit(1m, 100m, Halted)).ShouldBeRejected().ShouldBe(RiskRejectionReason.SymbolNotTrading);
    }

    [Theory]
    [InlineData("79000000000000000000000000000", "1.01")]
    [InlineData("2", "79000000000000000000000000000")]
    [InlineData("1000000000000000", "1000000000000000")]
    public void Check_ValuesTooLargeToCompute_RejectedWithInvalidOrder(string quantity, string price)
    {
        // No filters on ETH, so only the arithmetic (rounding, price × quantity) can overflow.
        var huge = new SymbolInfo(Eth, SymbolStatus.Trading, "ETH", 8, "USDT", 8, SymbolFilters.None with
        {
            LotSize = new QuantityFilter(0m, 0m, 0.00000001m),
        });
        using var gate = CreateSut(new TestScheduler(), symbols: [huge]);

        var result = gate.Check(BuyLimit(decimal.Parse(quantity, CultureInfo.InvariantCulture), decimal.Parse(price, CultureInfo.InvariantCulture), Eth));

        result.ShouldBeRejected().ShouldBe(RiskRejectionReason.InvalidOrder);
    }

    [Fact]
    public void Check_RandomGarbage_NeverThrowsAndEveryRejectionIsPublished()
    {
        var random = new Random(20261128);
        var exposure = new InMemoryRiskExposure();
        exposure.SetMark(Btc, 50_000m);
        using var gate = CreateSut(
            new TestScheduler(),
            new RiskLimits { MaxPosition = 10m, MaxOrderNotional = 1_000_000m, MaxOpenNotional = 2_000_000m, MaxOpenOrders = 50, MaxOrdersPerSecond = 10 },
            exposure);
        var rejections = gate.RecordRejections();
        decimal[] values = [0m, -1m, 1m, 0.000000001m, 0.00001m, 0.01m, 100.005m, 50_000.009m, 9_000.5m, decimal.MaxValue, decimal.MinValue, 1e-28m, 7.9e27m];
        Symbol[] symbols = [Btc, Eth, Halted, Unknown, default];
        var rejected = 0;

        for (var i = 0; i < 2_000; i++)
        {
            var type = (OrderType)random.Next(0, 5);
            var request = new OrderRequest(
                random.Next(10) == 0 ? default : NextId(),
                symbols[random.Next(symbols.Length)],
                (Side)random.Next(0, 4),
                type,
                values[random.Next(values.Length)],
                random.Next(3) == 0 ? null : values[random.Next(values.Length)],
                random.Next(2) == 0 ? null : TimeInForce.GoodTillCanceled,
                random.Next(4) == 0 ? values[random.Next(values.Length)] : null);

            var result = Should.NotThrow(() => gate.Check(request));

            if (!result.IsApproved)
            {
                rejected++;
                Enum.IsDefined(result.Rejection.Reason).ShouldBeTrue();
                result.Rejection.Message.ShouldNotBeNullOrWhiteSpace();
            }
        }

        rejections.Count.ShouldBe(rejected);
        rejected.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void Rejections_CarryTheSchedulerTimeAndTheRequest()
    {
        var scheduler = new TestScheduler();
        using var gate = CreateSut(scheduler);
        var rejections = gate.RecordRejections();
        scheduler.AdvanceTo(TimeSpan.FromMinutes(3).Ticks);
        var request = BuyLimit(1m, 100m, Unknown);

        var result = gate.Check(request);

        rejections.ShouldHaveSingleItem().ShouldBeSameAs(result.Rejection);
        rejections[0].Time.ShouldBe(scheduler.Now);
        rejections[0].Time.UtcTicks.ShouldBe(TimeSpan.FromMinutes(3).Ticks);
        rejections[0].Request.ShouldBeSameAs(request);
    }

    [Fact]
    public void Approvals_PublishNothing()
    {
        using var gate = CreateSut(new TestScheduler());
        var rejections = gate.RecordRejections();

        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();

        rejections.ShouldBeEmpty();
    }

    [Fact]
    public void Dispose_CompletesStreamsAndLaterChecksStillWork()
    {
        var gate = CreateSut(new TestScheduler());
        var completed = 0;
        var rejections = new List<RiskRejection>();
        gate.Rejections.ValidateGrammar().Subscribe(rejections.Add, () => completed++);
        gate.ModeChanges.ValidateGrammar().Subscribe(_ => { }, () => completed++);

        gate.Dispose();
        gate.Dispose();

        completed.ShouldBe(2);
        rejections.ShouldBeEmpty();
        gate.Check(BuyLimit(1m, 100m, Unknown)).ShouldBeRejected().ShouldBe(RiskRejectionReason.UnknownSymbol);
        gate.Check(BuyLimit(1m, 100m)).ShouldBeApproved();
        gate.SetMode(TradingMode.Halted, "after disposal");
        rejections.ShouldBeEmpty();
    }

    [Fact]
    public void RiskCheckResult_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => RiskCheckResult.Approved(null!));
        Should.Throw<ArgumentNullException>(() => RiskCheckResult.Rejected(null!));
    }
}

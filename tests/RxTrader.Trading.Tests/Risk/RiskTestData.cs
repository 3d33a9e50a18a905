using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;
using RxTrader.Testing;
using RxTrader.Trading.Risk;

namespace RxTrader.Trading.Tests.Risk;

/// <summary>Symbols, orders and a gate factory shared by the risk tests.</summary>
internal static class RiskTestData
{
    public static readonly Symbol Btc = new("BTCUSDT");
    public static readonly Symbol Eth = new("ETHUSDT");
    public static readonly Symbol Halted = new("HALTUSDT");
    public static readonly Symbol Unknown = new("NOPEUSDT");

    private static long s_sequence;

    /// <summary>BTCUSDT-like rules: tick 0.01, step 0.00001, NOTIONAL min 5 (also for market orders).</summary>
    public static SymbolInfo BtcInfo { get; } = new(
        Btc,
        SymbolStatus.Trading,
        "BTC",
        8,
        "USDT",
        8,
        new SymbolFilters(
            new PriceFilter(0.01m, 1_000_000m, 0.01m),
            new QuantityFilter(0.00001m, 9_000m, 0.00001m),
            new QuantityFilter(0m, 100m, 0.00001m),
            new NotionalFilter(5m, null, true, false, 5)));

    /// <summary>A symbol with no filters at all: only the asset precisions bound rounding.</summary>
    public static SymbolInfo EthInfo { get; } = new(Eth, SymbolStatus.Trading, "ETH", 4, "USDT", 2, SymbolFilters.None);

    public static SymbolInfo HaltedInfo { get; } = new(Halted, SymbolStatus.Halt, "HALT", 8, "USDT", 8, SymbolFilters.None);

    public static ClientOrderId NextId() => ClientOrderId.For("test", Interlocked.Increment(ref s_sequence));

    public static OrderRequest BuyLimit(decimal quantity, decimal price, Symbol? symbol = null) =>
        OrderRequest.Limit(NextId(), symbol ?? Btc, Side.Buy, quantity, price);

    public static OrderRequest SellLimit(decimal quantity, decimal price, Symbol? symbol = null) =>
        OrderRequest.Limit(NextId(), symbol ?? Btc, Side.Sell, quantity, price);

    public static OrderRequest Market(Side side, decimal quantity, Symbol? symbol = null) =>
        OrderRequest.Market(NextId(), symbol ?? Btc, side, quantity);

    public static RiskGate CreateSut(
        TestScheduler scheduler, RiskLimits? limits = null, InMemoryRiskExposure? exposure = null, params SymbolInfo[] symbols) =>
        new(symbols.Length == 0 ? [BtcInfo, EthInfo, HaltedInfo] : symbols, exposure ?? new InMemoryRiskExposure(), limits ?? new RiskLimits(), scheduler);

    /// <summary>Subscribes to the gate's rejections and collects them.</summary>
    public static List<RiskRejection> RecordRejections(this RiskGate gate)
    {
        var list = new List<RiskRejection>();
        gate.Rejections.ValidateGrammar().Subscribe(list.Add);
        return list;
    }

    /// <summary>Subscribes to the gate's mode changes and collects them.</summary>
    public static List<TradingModeChange> RecordModeChanges(this RiskGate gate)
    {
        var list = new List<TradingModeChange>();
        gate.ModeChanges.ValidateGrammar().Subscribe(list.Add);
        return list;
    }

    /// <summary>The rejection reason, failing the test when the order was approved.</summary>
    public static RiskRejectionReason ShouldBeRejected(this RiskCheckResult result)
    {
        result.IsApproved.ShouldBeFalse($"approved: {result.Order}");
        return result.Rejection.Reason;
    }

    /// <summary>The approved order, failing the test with the rejection message when it was rejected.</summary>
    public static OrderRequest ShouldBeApproved(this RiskCheckResult result)
    {
        result.IsApproved.ShouldBeTrue(result.Rejection?.Message);
        return result.Order;
    }
}

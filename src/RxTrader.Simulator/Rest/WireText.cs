using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Rest;

/// <summary>Binance's wire names of the engine's enums, both ways.</summary>
internal static class WireText
{
    public static ReadOnlySpan<byte> Of(Side side) => side == Side.Buy ? "BUY"u8 : "SELL"u8;

    public static ReadOnlySpan<byte> Of(OrderType type) => type switch
    {
        OrderType.Limit => "LIMIT"u8,
        OrderType.Market => "MARKET"u8,
        OrderType.StopLoss => "STOP_LOSS"u8,
        OrderType.StopLossLimit => "STOP_LOSS_LIMIT"u8,
        OrderType.TakeProfit => "TAKE_PROFIT"u8,
        OrderType.TakeProfitLimit => "TAKE_PROFIT_LIMIT"u8,
        _ => "LIMIT_MAKER"u8,
    };

    public static ReadOnlySpan<byte> Of(TimeInForce tif) => tif switch
    {
        TimeInForce.Ioc => "IOC"u8,
        TimeInForce.Fok => "FOK"u8,
        _ => "GTC"u8,
    };

    public static ReadOnlySpan<byte> Of(OrderStatus status) => status switch
    {
        OrderStatus.New => "NEW"u8,
        OrderStatus.PartiallyFilled => "PARTIALLY_FILLED"u8,
        OrderStatus.Filled => "FILLED"u8,
        OrderStatus.Canceled => "CANCELED"u8,
        OrderStatus.PendingCancel => "PENDING_CANCEL"u8,
        OrderStatus.Rejected => "REJECTED"u8,
        OrderStatus.Expired => "EXPIRED"u8,
        _ => "EXPIRED_IN_MATCH"u8,
    };

    public static ReadOnlySpan<byte> Of(ExpiryReason reason) => reason switch
    {
        ExpiryReason.UnfilledIocQuantityExpired => "UNFILLED_IOC_QUANTITY_EXPIRED"u8,
        ExpiryReason.UnfilledFokOrderExpired => "UNFILLED_FOK_ORDER_EXPIRED"u8,
        ExpiryReason.InsufficientLiquidity => "INSUFFICIENT_LIQUIDITY"u8,
        _ => "NONE"u8,
    };

    public static ReadOnlySpan<byte> Of(SymbolStatus status) => status switch
    {
        SymbolStatus.Trading => "TRADING"u8,
        SymbolStatus.EndOfDay => "END_OF_DAY"u8,
        SymbolStatus.Halt => "HALT"u8,
        SymbolStatus.Break => "BREAK"u8,
        SymbolStatus.CancelOnly => "CANCEL_ONLY"u8,
        _ => "HALT"u8,
    };

    public static Side? ParseSide(string text) => text switch
    {
        "BUY" => Side.Buy,
        "SELL" => Side.Sell,
        _ => null,
    };

    public static OrderType? ParseType(string text) => text switch
    {
        "LIMIT" => OrderType.Limit,
        "MARKET" => OrderType.Market,
        "STOP_LOSS" => OrderType.StopLoss,
        "STOP_LOSS_LIMIT" => OrderType.StopLossLimit,
        "TAKE_PROFIT" => OrderType.TakeProfit,
        "TAKE_PROFIT_LIMIT" => OrderType.TakeProfitLimit,
        "LIMIT_MAKER" => OrderType.LimitMaker,
        _ => null,
    };

    public static TimeInForce? ParseTimeInForce(string text) => text switch
    {
        "GTC" => TimeInForce.Gtc,
        "IOC" => TimeInForce.Ioc,
        "FOK" => TimeInForce.Fok,
        _ => null,
    };
}

using RxTrader.Core;

namespace RxTrader.Simulator.Matching;

/// <summary>A new order (<c>POST /api/v3/order</c>) with its parameters already parsed.</summary>
/// <remarks>
/// Optional parameters are null when not sent. The engine checks what depends on the type (mandatory extras,
/// filters, balance) and answers with Binance's codes; parsing (enum names, number syntax) is the caller's.
/// </remarks>
public sealed record OrderRequest
{
    /// <summary><c>symbol</c>.</summary>
    public required Symbol Symbol { get; init; }

    /// <summary><c>side</c>.</summary>
    public required Side Side { get; init; }

    /// <summary><c>type</c>.</summary>
    public required OrderType Type { get; init; }

    /// <summary><c>timeInForce</c>.</summary>
    public TimeInForce? TimeInForce { get; init; }

    /// <summary><c>quantity</c>: base quantity.</summary>
    public decimal? Quantity { get; init; }

    /// <summary><c>quoteOrderQty</c>: MARKET only, quote amount to spend (BUY) or receive (SELL).</summary>
    public decimal? QuoteOrderQty { get; init; }

    /// <summary><c>price</c>.</summary>
    public decimal? Price { get; init; }

    /// <summary><c>stopPrice</c> (stop types, which are refused as unsupported).</summary>
    public decimal? StopPrice { get; init; }

    /// <summary><c>newClientOrderId</c>; generated when null.</summary>
    public string? NewClientOrderId { get; init; }

    /// <summary><c>strategyId</c>, echoed back.</summary>
    public long? StrategyId { get; init; }

    /// <summary><c>strategyType</c>, echoed back.</summary>
    public int? StrategyType { get; init; }
}

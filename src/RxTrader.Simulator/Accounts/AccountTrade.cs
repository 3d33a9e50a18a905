using RxTrader.Core;

namespace RxTrader.Simulator.Accounts;

/// <summary>One of an account's trades (<c>GET /api/v3/myTrades</c>).</summary>
/// <remarks><c>isBestMatch</c> is always true on a single book; <c>orderListId</c> is always -1.</remarks>
/// <param name="Symbol">The symbol.</param>
/// <param name="Id">The trade id.</param>
/// <param name="OrderId">The account's order that traded.</param>
/// <param name="Price">The execution price.</param>
/// <param name="Quantity">The base quantity (<c>qty</c>).</param>
/// <param name="QuoteQuantity">Price × quantity (<c>quoteQty</c>).</param>
/// <param name="Commission">The fee charged.</param>
/// <param name="CommissionAsset">The fee's asset.</param>
/// <param name="Time">The execution time.</param>
/// <param name="IsBuyer">Whether the account bought.</param>
/// <param name="IsMaker">Whether the account's order was resting.</param>
public sealed record AccountTrade(
    Symbol Symbol,
    long Id,
    long OrderId,
    decimal Price,
    decimal Quantity,
    decimal QuoteQuantity,
    decimal Commission,
    string CommissionAsset,
    DateTimeOffset Time,
    bool IsBuyer,
    bool IsMaker);

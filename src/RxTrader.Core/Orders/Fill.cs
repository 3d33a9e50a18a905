namespace RxTrader.Core.Orders;

/// <summary>One execution of an order (a Binance trade of the account).</summary>
/// <param name="ClientOrderId">The order's client id.</param>
/// <param name="ExchangeOrderId">The venue's order id.</param>
/// <param name="TradeId">
/// The venue's trade id, unique per symbol and side (a self-trade fills a buy and a sell of the account under one id):
/// with them, the key that makes fills idempotent.
/// </param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">The order's side.</param>
/// <param name="Price">Execution price.</param>
/// <param name="Quantity">Executed base quantity.</param>
/// <param name="QuoteQuantity">Executed quote amount.</param>
/// <param name="Commission">Fee charged.</param>
/// <param name="CommissionAsset">Asset the fee is charged in.</param>
/// <param name="IsMaker">Whether the order was the maker.</param>
/// <param name="Time">Execution time.</param>
public sealed record Fill(
    ClientOrderId ClientOrderId,
    long ExchangeOrderId,
    long TradeId,
    Symbol Symbol,
    Side Side,
    decimal Price,
    decimal Quantity,
    decimal QuoteQuantity,
    decimal Commission,
    string CommissionAsset,
    bool IsMaker,
    DateTimeOffset Time);

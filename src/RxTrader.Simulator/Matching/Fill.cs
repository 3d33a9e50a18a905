namespace RxTrader.Simulator.Matching;

/// <summary>One trade of a new order, as listed in a FULL response's <c>fills</c>.</summary>
/// <param name="Price">The execution price (the maker's price).</param>
/// <param name="Quantity">The executed base quantity (<c>qty</c>).</param>
/// <param name="Commission">The fee charged to this order for the trade.</param>
/// <param name="CommissionAsset">The fee's asset: the asset the order received.</param>
/// <param name="TradeId">The trade id, increasing per symbol.</param>
public readonly record struct Fill(decimal Price, decimal Quantity, decimal Commission, string CommissionAsset, long TradeId);

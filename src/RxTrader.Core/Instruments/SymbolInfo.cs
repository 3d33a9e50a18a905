namespace RxTrader.Core.Instruments;

/// <summary>The static description of a tradable symbol: its assets, precisions, status and order rules.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Status">The trading status.</param>
/// <param name="BaseAsset">The asset bought and sold, e.g. <c>BTC</c>.</param>
/// <param name="BaseAssetPrecision">The decimals the exchange keeps for the base asset.</param>
/// <param name="QuoteAsset">The asset prices are quoted in, e.g. <c>USDT</c>.</param>
/// <param name="QuoteAssetPrecision">The decimals the exchange keeps for the quote asset.</param>
/// <param name="Filters">The order rules.</param>
public sealed record SymbolInfo(
    Symbol Symbol,
    SymbolStatus Status,
    string BaseAsset,
    int BaseAssetPrecision,
    string QuoteAsset,
    int QuoteAssetPrecision,
    SymbolFilters Filters)
{
    /// <summary>Whether the symbol accepts and matches orders now.</summary>
    public bool IsTrading => Status == SymbolStatus.Trading;
}

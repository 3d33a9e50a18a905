using System.Collections.Immutable;
using RxTrader.Core.Instruments;

namespace RxTrader.Binance.Rest;

/// <summary>The exchange's trading rules (<c>GET /api/v3/exchangeInfo</c>).</summary>
/// <param name="ServerTime">The exchange time of the answer.</param>
/// <param name="RateLimits">The limiters in force.</param>
/// <param name="Symbols">The symbols with their status, assets, precisions and order rules.</param>
public sealed record ExchangeInfo(
    DateTimeOffset ServerTime,
    ImmutableArray<ExchangeRateLimit> RateLimits,
    ImmutableArray<SymbolInfo> Symbols);

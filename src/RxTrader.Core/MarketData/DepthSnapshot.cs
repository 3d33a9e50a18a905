using System.Collections.Immutable;

namespace RxTrader.Core.MarketData;

/// <summary>A full or partial order book at one update id (REST <c>/api/v3/depth</c> or <c>@depthN</c>).</summary>
/// <remarks>Equality compares the level arrays by reference, as <see cref="ImmutableArray{T}"/> does.</remarks>
/// <param name="Symbol">The symbol.</param>
/// <param name="LastUpdateId">The last update id the snapshot includes.</param>
/// <param name="Bids">Bid levels, best (highest) first.</param>
/// <param name="Asks">Ask levels, best (lowest) first.</param>
public readonly record struct DepthSnapshot(
    Symbol Symbol,
    long LastUpdateId,
    ImmutableArray<BookLevel> Bids,
    ImmutableArray<BookLevel> Asks);

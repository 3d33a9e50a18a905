using RxTrader.Core;

namespace RxTrader.Engine.Sources;

/// <summary>A local order book of a source became synchronised with the exchange, or stopped being so.</summary>
/// <param name="Symbol">The book's symbol.</param>
/// <param name="IsSynced">Whether the book now matches the exchange (orders may rely on it).</param>
/// <param name="Reason">Why, in a few words (for example <c>Gap</c> or <c>SnapshotApplied</c>).</param>
public sealed record BookSyncChange(Symbol Symbol, bool IsSynced, string Reason);

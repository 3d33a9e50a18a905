using RxTrader.Core;

namespace RxTrader.Simulator.Market;

/// <summary>The state and counters of one modelled symbol.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Regime">The current regime.</param>
/// <param name="Mid">The mid of the best synthetic bid and ask.</param>
/// <param name="FairPrice">The fair value the book is quoted around (the random walk, rounded to 2 decimals of a
/// tick).</param>
/// <param name="BestBid">The best synthetic bid.</param>
/// <param name="BestAsk">The best synthetic ask.</param>
/// <param name="TradesGenerated">Taker orders the model sent that traded (each prints one or more public trades).</param>
/// <param name="LiquidityPlaced">Synthetic orders placed (makers and takers).</param>
/// <param name="LiquidityReplaced">Synthetic orders replaced (moved or resized).</param>
/// <param name="LiquidityCanceled">Synthetic orders canceled (levels removed, taker remainders).</param>
/// <param name="RegimeSwitches">How many times the regime changed.</param>
public sealed record SymbolModelState(
    Symbol Symbol,
    MarketRegime Regime,
    decimal Mid,
    decimal FairPrice,
    decimal BestBid,
    decimal BestAsk,
    long TradesGenerated,
    long LiquidityPlaced,
    long LiquidityReplaced,
    long LiquidityCanceled,
    long RegimeSwitches);

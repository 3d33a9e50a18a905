using RxTrader.Core;

namespace RxTrader.Trading.Risk;

/// <summary>What the risk gate needs to know about current exposure: positions, open orders and marks.</summary>
/// <remarks>Implementations must be thread-safe: the gate reads them under its own lock, from any thread, and must
/// not call back into the gate. <see cref="InMemoryRiskExposure"/> is a simple implementation.</remarks>
public interface IRiskExposure
{
    /// <summary>The signed position of a symbol in base units: positive when long, negative when short.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The position; 0 when there is none.</returns>
    decimal PositionOf(Symbol symbol);

    /// <summary>The quantity still open (not yet filled) on open orders of one symbol and side.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="side">The side.</param>
    /// <returns>The remaining base quantity; 0 when there is none.</returns>
    decimal OpenQuantity(Symbol symbol, Side side);

    /// <summary>The number of open orders of one symbol, or of all symbols.</summary>
    /// <param name="symbol">The symbol, or <see langword="null"/> for all symbols.</param>
    /// <returns>The count.</returns>
    int OpenOrderCount(Symbol? symbol);

    /// <summary>The total value of all open orders (remaining quantity × price), in the quote asset.</summary>
    /// <returns>The open notional.</returns>
    decimal OpenNotional();

    /// <summary>The mark price of a symbol (last trade or mid price), used to value market orders.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The mark, or <see langword="null"/> when none is known.</returns>
    decimal? MarkOf(Symbol symbol);
}

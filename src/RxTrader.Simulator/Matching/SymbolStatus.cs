namespace RxTrader.Simulator.Matching;

/// <summary>A symbol's trading status (<c>status</c> in exchangeInfo).</summary>
public enum SymbolStatus
{
    /// <summary><c>TRADING</c>: orders are accepted.</summary>
    Trading = 1,

    /// <summary><c>HALT</c>: new orders are refused with "Market is closed."; cancels still work.</summary>
    Halt = 2,

    /// <summary><c>BREAK</c>: as <see cref="Halt"/>.</summary>
    Break = 3,
}

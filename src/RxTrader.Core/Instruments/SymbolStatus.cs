namespace RxTrader.Core.Instruments;

/// <summary>The trading status of a symbol (Binance <c>exchangeInfo</c> <c>status</c>).</summary>
public enum SymbolStatus
{
    /// <summary>A status this version does not know; treat as not trading.</summary>
    Unknown = 0,

    /// <summary>Orders are accepted and matched (<c>TRADING</c>).</summary>
    Trading,

    /// <summary>Trading has ended for the day (<c>END_OF_DAY</c>).</summary>
    EndOfDay,

    /// <summary>Trading is halted (<c>HALT</c>).</summary>
    Halt,

    /// <summary>Trading is on break (<c>BREAK</c>).</summary>
    Break,

    /// <summary>Only cancellations are accepted (<c>CANCEL_ONLY</c>).</summary>
    CancelOnly,
}

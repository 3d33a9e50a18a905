namespace RxTrader.Core.MarketData;

/// <summary>What every kind of executed trade print has in common: enough to build bars and VWAP.</summary>
/// <remarks>Implemented by value types; generic code constrained to it runs without boxing.</remarks>
public interface ITradeTick
{
    /// <summary>The symbol traded.</summary>
    Symbol Symbol { get; }

    /// <summary>The execution price.</summary>
    decimal Price { get; }

    /// <summary>The executed base-asset quantity.</summary>
    decimal Quantity { get; }

    /// <summary>The exchange's execution time.</summary>
    DateTimeOffset Time { get; }

    /// <summary>Whether the buyer was the resting (maker) side, i.e. the aggressor sold.</summary>
    bool IsBuyerMaker { get; }
}

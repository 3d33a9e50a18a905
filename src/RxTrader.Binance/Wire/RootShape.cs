namespace RxTrader.Binance.Wire;

/// <summary>The kind of JSON value a whole frame holds.</summary>
internal enum RootShape
{
    /// <summary>An object: its fields were recorded.</summary>
    Object,

    /// <summary>An array, e.g. an all-market <c>!miniTicker@arr</c> payload.</summary>
    Array,

    /// <summary>A bare string, number, boolean or null.</summary>
    Scalar,
}

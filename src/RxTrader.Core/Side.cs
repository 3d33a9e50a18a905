namespace RxTrader.Core;

/// <summary>The side of an order or of the aggressor of a trade.</summary>
public enum Side
{
    /// <summary>Buying the base asset.</summary>
    Buy = 1,

    /// <summary>Selling the base asset.</summary>
    Sell = 2,
}

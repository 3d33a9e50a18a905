namespace RxTrader.Simulator.Market;

/// <summary>A volatility regime of the synthetic market.</summary>
public enum MarketRegime
{
    /// <summary>Small moves, tight spread, few trades.</summary>
    Calm,

    /// <summary>The usual state.</summary>
    Normal,

    /// <summary>Large moves, wider spread, busy trading.</summary>
    Volatile,
}

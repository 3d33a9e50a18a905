namespace RxTrader.Binance.Wire;

/// <summary>How often a depth stream pushes.</summary>
public enum DepthUpdateSpeed
{
    /// <summary>Every 1000 ms: the stream name has no speed suffix (<c>@1000ms</c> is parsed as a synonym).</summary>
    Every1000Ms = 0,

    /// <summary>Every 100 ms: the <c>@100ms</c> suffix.</summary>
    Every100Ms = 1,
}

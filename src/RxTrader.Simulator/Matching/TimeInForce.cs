namespace RxTrader.Simulator.Matching;

/// <summary>Binance time in force (<c>timeInForce</c>).</summary>
public enum TimeInForce
{
    /// <summary><c>GTC</c>: rests until filled or canceled. Also what MARKET orders report.</summary>
    Gtc = 1,

    /// <summary><c>IOC</c>: fills what it can at once; the rest expires.</summary>
    Ioc = 2,

    /// <summary><c>FOK</c>: fills completely at once or expires with nothing filled.</summary>
    Fok = 3,
}

namespace RxTrader.Simulator.Matching;

/// <summary>Binance <c>cancelRestrictions</c>: cancel only when the order is in the given status.</summary>
public enum CancelRestrictions
{
    /// <summary>No restriction (parameter not sent).</summary>
    None = 0,

    /// <summary><c>ONLY_NEW</c>: cancel only an order with status NEW.</summary>
    OnlyNew = 1,

    /// <summary><c>ONLY_PARTIALLY_FILLED</c>: cancel only an order with status PARTIALLY_FILLED.</summary>
    OnlyPartiallyFilled = 2,
}

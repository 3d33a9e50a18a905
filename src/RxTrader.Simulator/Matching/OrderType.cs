namespace RxTrader.Simulator.Matching;

/// <summary>Binance spot order types (<c>type</c>).</summary>
public enum OrderType
{
    /// <summary><c>LIMIT</c>: rests at its price with a time in force.</summary>
    Limit = 1,

    /// <summary><c>MARKET</c>: executes at once against the book by quantity or quote amount.</summary>
    Market = 2,

    /// <summary><c>STOP_LOSS</c>: a MARKET order once its stop price is reached.</summary>
    StopLoss = 3,

    /// <summary><c>STOP_LOSS_LIMIT</c>: a LIMIT order once its stop price is reached.</summary>
    StopLossLimit = 4,

    /// <summary><c>TAKE_PROFIT</c>: a MARKET order once its stop price is reached.</summary>
    TakeProfit = 5,

    /// <summary><c>TAKE_PROFIT_LIMIT</c>: a LIMIT order once its stop price is reached.</summary>
    TakeProfitLimit = 6,

    /// <summary><c>LIMIT_MAKER</c>: post-only LIMIT order, refused if it would take liquidity.</summary>
    LimitMaker = 7,
}

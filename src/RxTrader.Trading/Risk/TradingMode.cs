namespace RxTrader.Trading.Risk;

/// <summary>The kill-switch state of a <see cref="RiskGate"/>.</summary>
public enum TradingMode
{
    /// <summary>New orders pass when every limit holds.</summary>
    Active = 0,

    /// <summary>Only exposure-reducing orders pass: a sell when long, a buy when short, never flipping the position.</summary>
    Reducing,

    /// <summary>No new order passes; cancels are not checked by the gate and stay possible.</summary>
    Halted,
}

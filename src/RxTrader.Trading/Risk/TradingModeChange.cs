namespace RxTrader.Trading.Risk;

/// <summary>A change of the kill-switch state of a <see cref="RiskGate"/>.</summary>
/// <param name="Time">When it changed, on the gate's scheduler.</param>
/// <param name="Previous">The mode before.</param>
/// <param name="Current">The mode now.</param>
/// <param name="Reason">Why it changed.</param>
/// <param name="Message">A human-readable explanation (for a trip: the equity figures).</param>
public sealed record TradingModeChange(
    DateTimeOffset Time, TradingMode Previous, TradingMode Current, TradingModeChangeReason Reason, string Message);

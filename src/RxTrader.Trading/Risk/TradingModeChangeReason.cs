namespace RxTrader.Trading.Risk;

/// <summary>Why a <see cref="RiskGate"/> changed its <see cref="TradingMode"/>.</summary>
public enum TradingModeChangeReason
{
    /// <summary>Set by hand with <see cref="RiskGate.SetMode"/>.</summary>
    Manual = 0,

    /// <summary>Equity fell from its peak by more than <see cref="RiskLimits.MaxDrawdown"/>.</summary>
    MaxDrawdown,

    /// <summary>Equity fell from the day's start by more than <see cref="RiskLimits.MaxDailyLoss"/>.</summary>
    MaxDailyLoss,

    /// <summary>A new UTC day began after a daily-loss trip and <see cref="RiskLimits.ResumeOnNewDay"/> is set.</summary>
    NewDay,
}

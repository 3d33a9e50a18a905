using System.Globalization;

namespace RxTrader.Trading.Risk;

public sealed partial class RiskGate
{
    private long _day;
    private decimal? _lastEquity;
    private decimal? _peak;
    private decimal? _dayStart;
    private TradingModeChangeReason? _trippedBy;

    /// <summary>Sets the kill switch by hand.</summary>
    /// <param name="mode">The new mode.</param>
    /// <param name="reason">Why, for the <see cref="ModeChanges"/> event.</param>
    /// <remarks>Setting <see cref="TradingMode.Active"/> re-arms the drawdown trip from the latest equity (the peak
    /// becomes the latest equity); the daily loss keeps counting from the start of the day, so the next equity update
    /// trips again if the day's loss is still beyond the limit. Setting the current mode again publishes nothing.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined mode.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    public void SetMode(TradingMode mode, string reason)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown trading mode.");
        }

        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            RollDayLocked(_scheduler.Now);
            if (mode == TradingMode.Active)
            {
                _peak = _lastEquity;
            }

            ChangeModeLocked(mode, TradingModeChangeReason.Manual, reason);
        }

        Deliver();
    }

    /// <summary>Feeds the account's equity (balances plus open positions at their marks, in the quote asset).</summary>
    /// <param name="equity">The equity now.</param>
    /// <remarks>
    /// <para>Tracks the peak and the equity at the start of the UTC day (the last equity before the day began, or
    /// the day's first when none was seen before). Trips to <see cref="RiskLimits.KillSwitchMode"/> when
    /// (peak − equity) / peak is above <see cref="RiskLimits.MaxDrawdown"/> (only while the peak is positive), or
    /// when day start − equity is above <see cref="RiskLimits.MaxDailyLoss"/>; exactly at a limit does not trip.
    /// A trip only ever makes the mode stricter (Active → Reducing → Halted) and stays until <see cref="SetMode"/>,
    /// except a daily-loss trip with <see cref="RiskLimits.ResumeOnNewDay"/>, lifted at the first
    /// <see cref="OnEquity"/> or <see cref="Check"/> of the next UTC day.</para>
    /// </remarks>
    public void OnEquity(decimal equity)
    {
        lock (_gate)
        {
            RollDayLocked(_scheduler.Now);
            _lastEquity = equity;
            _dayStart ??= equity;
            _peak = _peak is { } peak && peak >= equity ? peak : equity;

            if (Limits.MaxDrawdown is { } maxDrawdown && _peak > 0m)
            {
                var drawdown = (_peak.Value - equity) / _peak.Value;
                if (drawdown > maxDrawdown)
                {
                    TripLocked(
                        TradingModeChangeReason.MaxDrawdown,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"Equity {equity} is {drawdown:P2} below its peak {_peak}; the limit is {maxDrawdown:P2}."));
                }
            }

            if (Limits.MaxDailyLoss is { } maxDailyLoss)
            {
                var loss = _dayStart.Value - equity;
                if (loss > maxDailyLoss)
                {
                    TripLocked(
                        TradingModeChangeReason.MaxDailyLoss,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"Equity {equity} is {loss} below the day's start {_dayStart}; the limit is {maxDailyLoss}."));
                }
            }
        }

        Deliver();
    }

    private static long DayOf(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerDay;

    private void TripLocked(TradingModeChangeReason reason, string message)
    {
        // Trips only tighten: a stricter mode already set (by hand or by another trip) stays.
        if (Limits.KillSwitchMode > _mode)
        {
            _trippedBy = reason;
            ChangeModeLocked(Limits.KillSwitchMode, reason, message);
        }
    }

    private void RollDayLocked(DateTimeOffset now)
    {
        var day = DayOf(now);
        if (day <= _day)
        {
            return;
        }

        _day = day;
        _dayStart = _lastEquity;
        if (_trippedBy == TradingModeChangeReason.MaxDailyLoss && Limits.ResumeOnNewDay)
        {
            ChangeModeLocked(
                TradingMode.Active,
                TradingModeChangeReason.NewDay,
                string.Create(CultureInfo.InvariantCulture, $"A new UTC day began ({now.UtcDateTime:yyyy-MM-dd}); the daily loss starts again."));
        }
    }

    private void ChangeModeLocked(TradingMode mode, TradingModeChangeReason reason, string message)
    {
        if (reason is not (TradingModeChangeReason.MaxDrawdown or TradingModeChangeReason.MaxDailyLoss))
        {
            _trippedBy = null;
        }

        if (mode == _mode)
        {
            return;
        }

        var previous = _mode;
        _mode = mode;
        EnqueueLocked(new TradingModeChange(_scheduler.Now, previous, mode, reason, message));
    }
}

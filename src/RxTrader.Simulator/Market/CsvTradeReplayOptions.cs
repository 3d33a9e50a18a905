namespace RxTrader.Simulator.Market;

/// <summary>How a <see cref="CsvTradeReplay"/> plays its file.</summary>
public sealed record CsvTradeReplayOptions
{
    /// <summary>The playback speed: 2 plays an hour of trades in half an hour.</summary>
    /// <value>Default 1 (the recorded pace).</value>
    public double Speed { get; init; } = 1;

    /// <summary>The longest wait between two trades, so gaps in a file do not stall the market.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        if (!double.IsFinite(Speed) || Speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Speed), Speed, "The speed must be finite and positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxGap, TimeSpan.Zero);
    }
}

namespace RxTrader.Streams.FlowControl;

/// <summary>
/// The delays of an exponential backoff with jitter: <c>min(MaxDelay, InitialDelay × Multiplier^(attempt − 1))</c>,
/// spread by ±<see cref="Jitter"/>. Immutable and thread-safe; randomness is passed in, so a seeded
/// <see cref="Random"/> replays the same delays. Used by retries and reconnects alike.
/// </summary>
/// <remarks>
/// Jitter is symmetric ("±ratio"): the base delay is multiplied by a factor drawn uniformly from
/// <c>[1 − Jitter, 1 + Jitter)</c>, so the mean delay stays the documented exponential one while clients that
/// failed together spread out. <see cref="Jitter"/> = 1 spreads over <c>[0, 2 × base)</c>. The jittered delay is
/// capped at <see cref="MaxDelay"/>, which is therefore a hard upper bound.
/// </remarks>
public sealed class ExponentialBackoff
{
    /// <summary>Creates the calculator.</summary>
    /// <param name="initialDelay">The base delay of attempt 1; positive.</param>
    /// <param name="maxDelay">The largest delay ever returned; at least <paramref name="initialDelay"/>.</param>
    /// <param name="multiplier">The growth factor per attempt; finite and at least 1.</param>
    /// <param name="jitter">The spread ratio, in [0, 1]; 0 gives the exact exponential delays.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given above.</exception>
    public ExponentialBackoff(TimeSpan initialDelay, TimeSpan maxDelay, double multiplier = 2, double jitter = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, initialDelay);
        if (!(multiplier >= 1) || double.IsInfinity(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "Must be finite and at least 1.");
        }

        if (!(jitter is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Must be between 0 and 1.");
        }

        InitialDelay = initialDelay;
        MaxDelay = maxDelay;
        Multiplier = multiplier;
        Jitter = jitter;
    }

    /// <summary>The base delay of attempt 1.</summary>
    public TimeSpan InitialDelay { get; }

    /// <summary>The largest delay ever returned.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>The growth factor per attempt.</summary>
    public double Multiplier { get; }

    /// <summary>The spread ratio: delays vary by ± this fraction of the base delay.</summary>
    public double Jitter { get; }

    /// <summary>The delay of an attempt before jitter: <c>min(MaxDelay, InitialDelay × Multiplier^(attempt − 1))</c>.</summary>
    /// <param name="attempt">The attempt number, from 1.</param>
    /// <returns>The base delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is less than 1.</exception>
    public TimeSpan BaseDelay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return Cap(InitialDelay.Ticks * Math.Pow(Multiplier, attempt - 1));
    }

    /// <summary>The delay of an attempt for a given uniform sample: a pure function.</summary>
    /// <param name="attempt">The attempt number, from 1.</param>
    /// <param name="sample">A uniform sample in [0, 1); 0.5 gives the base delay.</param>
    /// <returns><c>min(MaxDelay, BaseDelay(attempt) × (1 − Jitter + 2 × Jitter × sample))</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is less than 1 or
    /// <paramref name="sample"/> is outside [0, 1).</exception>
    public TimeSpan Delay(int attempt, double sample)
    {
        if (!(sample is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sample), sample, "Must be in [0, 1).");
        }

        var factor = 1 - Jitter + (2 * Jitter * sample);
        return Cap(BaseDelay(attempt).Ticks * factor);
    }

    /// <summary>The delay of an attempt, with the jitter drawn from <paramref name="random"/>.</summary>
    /// <param name="attempt">The attempt number, from 1.</param>
    /// <param name="random">The source of jitter; one draw per call. Not thread-safe: one per consumer.</param>
    /// <returns>The delay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is less than 1.</exception>
    public TimeSpan Delay(int attempt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Delay(attempt, random.NextDouble());
    }

    // Math.Pow may overflow to infinity for large attempts; comparing in double keeps that safe.
    private TimeSpan Cap(double ticks) => ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)Math.Round(ticks));
}

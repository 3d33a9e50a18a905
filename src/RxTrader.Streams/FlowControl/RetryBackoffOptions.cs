namespace RxTrader.Streams.FlowControl;

/// <summary>How <see cref="RetryWithBackoffExtensions.RetryWithBackoff{T}"/> retries; validated when the operator is applied.</summary>
public sealed record RetryBackoffOptions
{
    /// <summary>The delay before the first retry.</summary>
    /// <value>Positive. Default 1 s.</value>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest delay between retries, jitter included.</summary>
    /// <value>At least <see cref="InitialDelay"/>. Default 30 s.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The growth of the delay per attempt.</summary>
    /// <value>Finite, at least 1. Default 2.</value>
    public double Multiplier { get; init; } = 2;

    /// <summary>The symmetric jitter ratio (see <see cref="ExponentialBackoff"/>).</summary>
    /// <value>In [0, 1]. Default 0.2 (±20 %).</value>
    public double Jitter { get; init; } = 0.2;

    /// <summary>
    /// The seed of the jitter. Every subscription draws from its own <c>new Random(Seed)</c>, so a replay sees the
    /// same delays; give each connection its own seed so that connections failing together do not retry together.
    /// </summary>
    /// <value>Default 0.</value>
    public int Seed { get; init; }

    /// <summary>The number of retries allowed since the source was last stable; the next failure is final.</summary>
    /// <value>At least 1. Default 100.</value>
    public int MaxAttempts { get; init; } = 100;

    /// <summary>A subscription that lived this long before failing resets the attempt count to 0.</summary>
    /// <value>Positive. Default 60 s.</value>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Decides whether a failure is retried; a failure it rejects is passed on at once.</summary>
    /// <value>Default null: every failure is retried.</value>
    public Func<Exception, bool>? ShouldRetry { get; init; }

    /// <summary>Called for every retry before its delay starts (for logs and metrics).</summary>
    /// <value>Default null.</value>
    public Action<RetryAttempt>? OnRetry { get; init; }

    /// <summary>Checks every value and builds the delay calculator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its documented range.</exception>
    internal ExponentialBackoff CreateBackoff()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ResetAfter, TimeSpan.Zero, nameof(ResetAfter));
        return new ExponentialBackoff(InitialDelay, MaxDelay, Multiplier, Jitter);
    }
}

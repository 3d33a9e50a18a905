using System.Reactive.Concurrency;

namespace RxTrader.Binance.Wire;

/// <summary>Settings of a <see cref="BinanceFrameDecoder"/>.</summary>
public sealed record BinanceDecoderOptions
{
    /// <summary>The unit of epoch times in payloads.</summary>
    /// <value>Default <see cref="WireTimeUnit.Millisecond"/>; <see cref="WireTimeUnit.Microsecond"/> for <c>timeUnit=MICROSECOND</c> URLs.</value>
    public WireTimeUnit TimeUnit { get; init; } = WireTimeUnit.Millisecond;

    /// <summary>Frames longer than this many bytes are counted as malformed without being parsed.</summary>
    /// <value>Default 1 MiB, far above a full diff-depth frame; must be positive.</value>
    public int MaxFrameBytes { get; init; } = 1 << 20;

    /// <summary>The most symbols the interning cache keeps.</summary>
    /// <value>Default 4096 (Binance spot lists a few thousand); must be positive.</value>
    public int MaxInternedSymbols { get; init; } = 4096;

    /// <summary>Called with the details of a malformed frame, at most <see cref="MaxReportsPerInterval"/> times per <see cref="ReportInterval"/>.</summary>
    /// <value>Default null: malformed frames are only counted. When set, <see cref="Scheduler"/> is required.</value>
    /// <remarks>Runs on the decoding thread; an exception it throws leaves <see cref="BinanceFrameDecoder.Decode"/>.</remarks>
    public Action<MalformedFrameReport>? OnMalformed { get; init; }

    /// <summary>The clock for the report rate limit and report times.</summary>
    /// <value>Default null; required when <see cref="OnMalformed"/> is set.</value>
    public IScheduler? Scheduler { get; init; }

    /// <summary>How many malformed frames are reported per <see cref="ReportInterval"/>; the rest are counted only.</summary>
    /// <value>Default 10; must be positive.</value>
    public int MaxReportsPerInterval { get; init; } = 10;

    /// <summary>The window of the report rate limit.</summary>
    /// <value>Default one minute; must be positive.</value>
    public TimeSpan ReportInterval { get; init; } = TimeSpan.FromMinutes(1);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxFrameBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxInternedSymbols);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxReportsPerInterval);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReportInterval, TimeSpan.Zero);
        if (TimeUnit is not (WireTimeUnit.Millisecond or WireTimeUnit.Microsecond))
        {
            throw new ArgumentOutOfRangeException(nameof(TimeUnit), TimeUnit, "Unknown time unit.");
        }

        if (OnMalformed is not null && Scheduler is null)
        {
            throw new ArgumentException("Reporting malformed frames needs a Scheduler for its rate limit.", nameof(Scheduler));
        }
    }
}

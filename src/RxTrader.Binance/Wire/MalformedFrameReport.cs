namespace RxTrader.Binance.Wire;

/// <summary>The details of one malformed frame, for a log line.</summary>
/// <param name="Time">When the decoder saw it, from <see cref="BinanceDecoderOptions.Scheduler"/>.</param>
/// <param name="Reason">What was wrong.</param>
/// <param name="Field">The property name at fault, or null when the frame as a whole was.</param>
/// <param name="FrameLength">The frame's length in bytes.</param>
/// <param name="Excerpt">The start of the frame as text (invalid UTF-8 replaced), at most <see cref="MaxExcerptBytes"/> bytes.</param>
public readonly record struct MalformedFrameReport(
    DateTimeOffset Time,
    MalformedReason Reason,
    string? Field,
    int FrameLength,
    string Excerpt)
{
    /// <summary>The most bytes of the frame an excerpt shows.</summary>
    public const int MaxExcerptBytes = 256;
}

namespace RxTrader.Binance.Wire;

/// <summary>What <see cref="BinanceFrameDecoder.Decode"/> made of one frame.</summary>
public enum DecodeStatus
{
    /// <summary>A market-data payload went to the sink.</summary>
    Decoded = 1,

    /// <summary>A control reply or a <see cref="ServerShutdown"/> notice went to the sink.</summary>
    Control,

    /// <summary>Well-formed JSON of an event type or shape the decoder does not handle: counted and skipped.</summary>
    Unknown,

    /// <summary>The frame is not valid JSON or a known payload has a missing or bad field: counted and skipped.</summary>
    Malformed,
}

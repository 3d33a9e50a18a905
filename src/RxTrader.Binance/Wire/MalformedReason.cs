namespace RxTrader.Binance.Wire;

/// <summary>Why a frame was counted as malformed.</summary>
public enum MalformedReason
{
    /// <summary>The frame has no bytes.</summary>
    Empty = 1,

    /// <summary>The frame is longer than <see cref="BinanceDecoderOptions.MaxFrameBytes"/>.</summary>
    TooLarge,

    /// <summary>The bytes are not one well-formed JSON value (truncated, binary, trailing data, too deep).</summary>
    InvalidJson,

    /// <summary>The JSON is a bare scalar rather than an object.</summary>
    UnexpectedShape,

    /// <summary>A required field is absent.</summary>
    MissingField,

    /// <summary>A field has the wrong JSON type, e.g. a number where Binance sends a string.</summary>
    WrongType,

    /// <summary>A numeric field does not parse, e.g. <c>"abc"</c>, <c>"NaN"</c>, or an out-of-range integer.</summary>
    InvalidNumber,

    /// <summary>A price or quantity is negative.</summary>
    NegativeValue,

    /// <summary>A time is outside the range of <see cref="DateTimeOffset"/>, or a close time precedes its open time.</summary>
    InvalidTime,

    /// <summary>A symbol is empty, too long, or has characters other than ASCII letters and digits.</summary>
    InvalidSymbol,

    /// <summary>A kline interval code is not one Binance defines.</summary>
    InvalidInterval,

    /// <summary>A book level is not a <c>["price","quantity"]</c> pair.</summary>
    InvalidLevel,

    /// <summary>A text field is not valid UTF-8.</summary>
    InvalidText,

    /// <summary>A partial-depth payload arrived with neither a combined stream name nor a caller-supplied symbol.</summary>
    NoSymbolContext,
}

using System.Text;
using System.Text.Json;
using RxTrader.Core;

namespace RxTrader.Binance.Wire;

/// <summary>
/// Decodes Binance market-stream frames (UTF-8 JSON, raw or combined form) into the Core market types and
/// control replies, without allocating beyond the resulting event.
/// </summary>
/// <remarks>
/// <para>One pass records where each known field is, whatever the key order; the payload is then read by
/// event type (<c>e</c>) or, for payloads without one, by shape (<c>bookTicker</c>: <c>u</c>/<c>b</c>/<c>a</c>;
/// partial depth: <c>lastUpdateId</c>/<c>bids</c>/<c>asks</c>; control replies: <c>result</c> or <c>error</c>).</para>
/// <para>Trade and aggregate-trade frames in Binance's exact compact form take a strict fast path first
/// (<c>BinanceFrameDecoder.FastPath.cs</c>); it only completes successful decodes and leaves every other frame,
/// unchanged, to the pass above.</para>
/// <para>Bad input never throws: it is counted in <see cref="Counters"/> and returned as
/// <see cref="DecodeStatus.Unknown"/> or <see cref="DecodeStatus.Malformed"/>; malformed details go to
/// <see cref="BinanceDecoderOptions.OnMalformed"/>, rate-limited.</para>
/// <para>Not thread-safe: use one decoder per receive loop. <see cref="Counters"/> may be read from any thread.</para>
/// </remarks>
public sealed partial class BinanceFrameDecoder
{
    private readonly BinanceDecoderOptions _options;
    private readonly WireTimeUnit _unit;
    private readonly FieldTable _fields = new();
    private readonly SymbolInterner _symbols;
    private readonly ReportRateGate _gate;

    /// <summary>Creates a decoder.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><see cref="BinanceDecoderOptions.OnMalformed"/> is set without a scheduler.</exception>
    public BinanceFrameDecoder(BinanceDecoderOptions? options = null)
    {
        _options = options ?? new BinanceDecoderOptions();
        _options.Validate();
        _unit = _options.TimeUnit;
        _symbols = new SymbolInterner(_options.MaxInternedSymbols, Counters);
        _gate = new ReportRateGate(_options.MaxReportsPerInterval, _options.ReportInterval);
    }

    /// <summary>What the decoder has seen so far.</summary>
    public DecoderCounters Counters { get; } = new();

    /// <summary>Decodes one frame and hands its content to <paramref name="sink"/>.</summary>
    /// <param name="frame">The WebSocket message bytes; read only during the call.</param>
    /// <param name="sink">Receives the decoded payload, if any.</param>
    /// <param name="rawSymbol">
    /// For a raw connection to one partial-depth stream, its symbol (partial-depth payloads carry none);
    /// <c>default</c> otherwise. Combined frames take the symbol from their stream name instead.
    /// </param>
    /// <returns>What the frame was; the sink was called exactly once for <see cref="DecodeStatus.Decoded"/> and <see cref="DecodeStatus.Control"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sink"/> is null.</exception>
    public DecodeStatus Decode(ReadOnlySpan<byte> frame, IMarketFrameSink sink, Symbol rawSymbol = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (frame.IsEmpty)
        {
            return Malformed(frame, MalformedReason.Empty);
        }

        if (frame.Length > _options.MaxFrameBytes)
        {
            return Malformed(frame, MalformedReason.TooLarge);
        }

        if (FastPathEnabled && TryDecodeFast(frame, sink))
        {
            return DecodeStatus.Decoded;
        }

        RootShape shape;
        try
        {
            shape = _fields.ScanRoot(frame);
        }
        catch (JsonException)
        {
            return Malformed(frame, MalformedReason.InvalidJson);
        }

        return shape switch
        {
            RootShape.Object => DecodeObject(frame, sink, rawSymbol),
            RootShape.Array => Unknown(),
            _ => Malformed(frame, MalformedReason.UnexpectedShape),
        };
    }

    private DecodeStatus DecodeObject(ReadOnlySpan<byte> frame, IMarketFrameSink sink, Symbol rawSymbol)
    {
        // The root scan already recorded the members of a combined frame's data object with the wrapper's.
        var combined = _fields.Has(FieldKeys.Data);
        FieldSlot stream = default;
        if (combined)
        {
            if (!_fields.Has(FieldKeys.Stream) || _fields[FieldKeys.Data].Type != JsonTokenType.StartObject)
            {
                return Unknown(); // not a wrapper, or the array of an all-market stream
            }

            stream = _fields[FieldKeys.Stream];
            if (stream.Type != JsonTokenType.String)
            {
                return Malformed(frame, MalformedReason.WrongType, FieldKeys.Stream);
            }
        }

        if (_fields.Has(FieldKeys.Letter('e')))
        {
            return DecodeEvent(frame, sink);
        }

        if (_fields.Has(FieldKeys.LastUpdateId))
        {
            return DecodeDepthSnapshot(frame, sink, combined, stream, rawSymbol);
        }

        if (_fields.Has(FieldKeys.Letter('u')) && _fields.Has(FieldKeys.Letter('b')) && _fields.Has(FieldKeys.Letter('a')))
        {
            return DecodeBookTicker(frame, sink);
        }

        var control = !combined && (_fields.Has(FieldKeys.Result) || _fields.Has(FieldKeys.Error)
            || (_fields.Has(FieldKeys.Code) && _fields.Has(FieldKeys.Msg)));
        return control ? DecodeControlReply(frame, sink) : Unknown();
    }

    private DecodeStatus DecodeEvent(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        if (!_fields.String(frame, FieldKeys.Letter('e'), MalformedReason.WrongType, out var type))
        {
            return Malformed(frame);
        }

        if (type.SequenceEqual("trade"u8))
        {
            return DecodeTrade(frame, sink);
        }

        if (type.SequenceEqual("aggTrade"u8))
        {
            return DecodeAggregateTrade(frame, sink);
        }

        if (type.SequenceEqual("depthUpdate"u8))
        {
            return DecodeDepthUpdate(frame, sink);
        }

        if (type.SequenceEqual("kline"u8))
        {
            return DecodeCandle(frame, sink);
        }

        if (type.SequenceEqual("24hrMiniTicker"u8))
        {
            return DecodeMiniTicker(frame, sink);
        }

        if (type.SequenceEqual("24hrTicker"u8))
        {
            return DecodeTicker(frame, sink);
        }

        return type.SequenceEqual("serverShutdown"u8) ? DecodeServerShutdown(frame, sink) : Unknown();
    }

    private DecodeStatus Unknown()
    {
        Counters.AddUnknown();
        return DecodeStatus.Unknown;
    }

    /// <summary>Counts the frame as malformed with the fault the field table recorded.</summary>
    private DecodeStatus Malformed(ReadOnlySpan<byte> frame) => Malformed(frame, _fields.FaultReason, _fields.FaultKey);

    private DecodeStatus Malformed(ReadOnlySpan<byte> frame, MalformedReason reason, int key = -1)
    {
        Counters.AddMalformed();
        if (_options.OnMalformed is { } report)
        {
            var now = _options.Scheduler!.Now;
            if (_gate.TryEnter(now))
            {
                var excerpt = Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, MalformedFrameReport.MaxExcerptBytes)]);
                report(new MalformedFrameReport(now, reason, key < 0 ? null : FieldKeys.NameOf(key), frame.Length, excerpt));
            }
            else
            {
                Counters.AddReportSuppressed();
            }
        }

        return DecodeStatus.Malformed;
    }
}

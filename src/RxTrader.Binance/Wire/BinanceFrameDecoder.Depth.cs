using RxTrader.Core;
using RxTrader.Core.MarketData;
using static RxTrader.Binance.Wire.FieldKeys;

namespace RxTrader.Binance.Wire;

/// <summary>Diff-depth and partial-depth payloads.</summary>
public sealed partial class BinanceFrameDecoder
{
    private DecodeStatus DecodeDepthUpdate(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        var f = _fields;
        if (!f.Time(frame, Letter('E'), _unit, out var eventTime)
            || !f.Symbol(frame, Letter('s'), _symbols, out var symbol)
            || !f.Int64(frame, Letter('U'), out var firstId)
            || !f.Int64(frame, Letter('u'), out var finalId)
            || !f.Levels(Letter('b'), out var bids)
            || !f.Levels(Letter('a'), out var asks))
        {
            return Malformed(frame);
        }

        Counters.AddDepthUpdate();
        sink.OnDepthUpdate(new DepthUpdate(symbol, eventTime, firstId, finalId, bids, asks));
        return DecodeStatus.Decoded;
    }

    /// <remarks>
    /// Partial depth carries no symbol: it comes from the combined stream name (<c>btcusdt@depth5</c>) or,
    /// on a raw connection, from the caller.
    /// </remarks>
    private DecodeStatus DecodeDepthSnapshot(ReadOnlySpan<byte> frame, IMarketFrameSink sink, bool combined, FieldSlot stream, Symbol rawSymbol)
    {
        var symbol = rawSymbol;
        if (combined)
        {
            var name = frame.Slice(stream.Start, stream.Length);
            var at = name.IndexOf((byte)'@');
            if (stream.Escaped || at <= 0 || !_symbols.TryGet(name[..at], out symbol))
            {
                return Malformed(frame, MalformedReason.InvalidSymbol, FieldKeys.Stream);
            }
        }

        if (symbol.IsDefault)
        {
            return Malformed(frame, MalformedReason.NoSymbolContext);
        }

        var f = _fields;
        if (!f.Int64(frame, LastUpdateId, out var lastUpdateId)
            || !f.Levels(Bids, out var bids)
            || !f.Levels(Asks, out var asks))
        {
            return Malformed(frame);
        }

        Counters.AddDepthSnapshot();
        sink.OnDepthSnapshot(new DepthSnapshot(symbol, lastUpdateId, bids, asks));
        return DecodeStatus.Decoded;
    }
}

using RxTrader.Core.MarketData;
using static RxTrader.Binance.Wire.FieldKeys;

namespace RxTrader.Binance.Wire;

/// <summary>Mini-ticker, ticker and book-ticker payloads.</summary>
public sealed partial class BinanceFrameDecoder
{
    private DecodeStatus DecodeMiniTicker(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        var f = _fields;
        if (!f.Time(frame, Letter('E'), _unit, out var eventTime)
            || !f.Symbol(frame, Letter('s'), _symbols, out var symbol)
            || !f.Decimal(frame, Letter('c'), out var last)
            || !f.Decimal(frame, Letter('o'), out var open)
            || !f.Decimal(frame, Letter('h'), out var high)
            || !f.Decimal(frame, Letter('l'), out var low)
            || !f.Decimal(frame, Letter('v'), out var volume)
            || !f.Decimal(frame, Letter('q'), out var quoteVolume))
        {
            return Malformed(frame);
        }

        Counters.AddMiniTicker();
        sink.OnMiniTicker(new MiniTicker(symbol, eventTime, last, open, high, low, volume, quoteVolume));
        return DecodeStatus.Decoded;
    }

    private DecodeStatus DecodeTicker(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        var f = _fields;
        if (!f.Time(frame, Letter('E'), _unit, out var eventTime)
            || !f.Symbol(frame, Letter('s'), _symbols, out var symbol)
            || !f.Decimal(frame, Letter('p'), out var change, signed: true)
            || !f.Decimal(frame, Letter('P'), out var changePercent, signed: true)
            || !f.Decimal(frame, Letter('w'), out var weightedAverage)
            || !f.Decimal(frame, Letter('x'), out var previousClose)
            || !f.Decimal(frame, Letter('c'), out var last)
            || !f.Decimal(frame, Letter('Q'), out var lastQuantity)
            || !f.Decimal(frame, Letter('b'), out var bid)
            || !f.Decimal(frame, Letter('B'), out var bidQuantity)
            || !f.Decimal(frame, Letter('a'), out var ask)
            || !f.Decimal(frame, Letter('A'), out var askQuantity)
            || !f.Decimal(frame, Letter('o'), out var open)
            || !f.Decimal(frame, Letter('h'), out var high)
            || !f.Decimal(frame, Letter('l'), out var low)
            || !f.Decimal(frame, Letter('v'), out var volume)
            || !f.Decimal(frame, Letter('q'), out var quoteVolume)
            || !f.Time(frame, Letter('O'), _unit, out var openTime)
            || !f.Time(frame, Letter('C'), _unit, out var closeTime)
            || !f.Int64(frame, Letter('F'), out var firstId)
            || !f.Int64(frame, Letter('L'), out var lastId)
            || !f.Int64(frame, Letter('n'), out var count))
        {
            return Malformed(frame);
        }

        Counters.AddTicker();
        sink.OnTicker(new Ticker(symbol, eventTime, change, changePercent, weightedAverage, previousClose, last,
            lastQuantity, bid, bidQuantity, ask, askQuantity, open, high, low, volume, quoteVolume, openTime, closeTime,
            firstId, lastId, count));
        return DecodeStatus.Decoded;
    }

    private DecodeStatus DecodeBookTicker(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        var f = _fields;
        if (!f.Int64(frame, Letter('u'), out var updateId)
            || !f.Symbol(frame, Letter('s'), _symbols, out var symbol)
            || !f.Decimal(frame, Letter('b'), out var bid)
            || !f.Decimal(frame, Letter('B'), out var bidQuantity)
            || !f.Decimal(frame, Letter('a'), out var ask)
            || !f.Decimal(frame, Letter('A'), out var askQuantity))
        {
            return Malformed(frame);
        }

        Counters.AddBookTicker();
        sink.OnBookTicker(new BookTicker(symbol, updateId, bid, bidQuantity, ask, askQuantity));
        return DecodeStatus.Decoded;
    }
}

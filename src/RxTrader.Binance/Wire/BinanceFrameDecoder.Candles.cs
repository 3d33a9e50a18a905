using RxTrader.Core.MarketData;
using static RxTrader.Binance.Wire.FieldKeys;

namespace RxTrader.Binance.Wire;

/// <summary>Kline payloads.</summary>
public sealed partial class BinanceFrameDecoder
{
    /// <remarks>
    /// The interval comes from the <c>i</c> code. <c>1M</c> (a calendar month) has no fixed length, so its
    /// <see cref="Candle.Interval"/> is that candle's own length: close time + one time unit − open time.
    /// </remarks>
    private DecodeStatus DecodeCandle(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        var f = _fields;
        if (!f.Symbol(frame, Letter('s'), _symbols, out var symbol) || !f.ScanObject(frame, Letter('k')))
        {
            return Malformed(frame);
        }

        // From here on the fields are those of the inner "k" object.
        if (!f.Time(frame, Letter('t'), _unit, out var openTime)
            || !f.Time(frame, Letter('T'), _unit, out var closeTime)
            || !f.String(frame, Letter('i'), MalformedReason.InvalidInterval, out var code)
            || !f.Decimal(frame, Letter('o'), out var open)
            || !f.Decimal(frame, Letter('h'), out var high)
            || !f.Decimal(frame, Letter('l'), out var low)
            || !f.Decimal(frame, Letter('c'), out var close)
            || !f.Decimal(frame, Letter('v'), out var volume)
            || !f.Decimal(frame, Letter('q'), out var quoteVolume)
            || !f.Int64(frame, Letter('n'), out var count)
            || !f.Decimal(frame, Letter('V'), out var takerBuyVolume)
            || !f.Decimal(frame, Letter('Q'), out var takerBuyQuoteVolume)
            || !f.Boolean(Letter('x'), out var closed))
        {
            return Malformed(frame);
        }

        if (!KlineIntervals.TryParse(code, out var interval))
        {
            return Malformed(frame, MalformedReason.InvalidInterval, Letter('i'));
        }

        if (closeTime < openTime)
        {
            return Malformed(frame, MalformedReason.InvalidTime, Letter('T'));
        }

        if (!interval.TryGetDuration(out var length))
        {
            length = closeTime + WireTime.OneUnit(_unit) - openTime;
        }

        Counters.AddCandle();
        sink.OnCandle(new Candle(symbol, length, openTime, closeTime, open, high, low, close, volume, quoteVolume,
            count, takerBuyVolume, takerBuyQuoteVolume, closed));
        return DecodeStatus.Decoded;
    }
}

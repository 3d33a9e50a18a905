using RxTrader.Core.MarketData;
using static RxTrader.Binance.Wire.FieldKeys;

namespace RxTrader.Binance.Wire;

/// <summary>Trade and aggregate-trade payloads.</summary>
public sealed partial class BinanceFrameDecoder
{
    private DecodeStatus DecodeTrade(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        var f = _fields;
        if (!f.Time(frame, Letter('E'), _unit, out var eventTime)
            || !f.Symbol(frame, Letter('s'), _symbols, out var symbol)
            || !f.Int64(frame, Letter('t'), out var id)
            || !f.Decimal(frame, Letter('p'), out var price)
            || !f.Decimal(frame, Letter('q'), out var quantity)
            || !f.Time(frame, Letter('T'), _unit, out var tradeTime)
            || !f.Boolean(Letter('m'), out var buyerMaker))
        {
            return Malformed(frame);
        }

        Counters.AddTrade();
        sink.OnTrade(new Trade(symbol, id, price, quantity, tradeTime, eventTime, buyerMaker));
        return DecodeStatus.Decoded;
    }

    private DecodeStatus DecodeAggregateTrade(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        var f = _fields;
        if (!f.Time(frame, Letter('E'), _unit, out var eventTime)
            || !f.Symbol(frame, Letter('s'), _symbols, out var symbol)
            || !f.Int64(frame, Letter('a'), out var id)
            || !f.Decimal(frame, Letter('p'), out var price)
            || !f.Decimal(frame, Letter('q'), out var quantity)
            || !f.Int64(frame, Letter('f'), out var firstId)
            || !f.Int64(frame, Letter('l'), out var lastId)
            || !f.Time(frame, Letter('T'), _unit, out var tradeTime)
            || !f.Boolean(Letter('m'), out var buyerMaker))
        {
            return Malformed(frame);
        }

        Counters.AddAggregateTrade();
        sink.OnAggregateTrade(new AggregateTrade(symbol, id, price, quantity, firstId, lastId, tradeTime, eventTime, buyerMaker));
        return DecodeStatus.Decoded;
    }
}

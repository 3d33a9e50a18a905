using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Wire;

/// <summary>
/// The fast path for the hottest frames: <c>trade</c>, <c>aggTrade</c> and <c>bookTicker</c>, raw or combined, in the exact compact
/// form and key order Binance sends, read by one forward byte scan instead of the field table.
/// </summary>
/// <remarks>
/// It only ever completes a successful decode: on any deviation (other key, order, whitespace, escape, type,
/// value the parsers reject, trailing bytes) it returns false having changed nothing, and the general path
/// decodes the frame, so every outcome is the general path's. The symbol is interned last because interning
/// has side effects (cache, counters) that must happen once and only for a frame that decodes.
/// </remarks>
public sealed partial class BinanceFrameDecoder
{
    /// <summary>Whether <see cref="Decode"/> tries the fast path first; off only to test the two paths against each other.</summary>
    internal bool FastPathEnabled { get; set; } = true;

    /// <summary>Decodes a raw or combined trade, aggTrade or bookTicker frame of the exact expected form; false to fall back.</summary>
    internal bool TryDecodeFast(ReadOnlySpan<byte> frame, IMarketFrameSink sink)
    {
        var cursor = new WireCursor(frame);
        var combined = cursor.Literal("{\"stream\":"u8);
        if (combined && !(cursor.String(out _) && cursor.Literal(",\"data\":"u8)))
        {
            return false;
        }

        bool decoded;
        if (cursor.Literal("{\"e\":\"trade\",\"E\":"u8))
        {
            decoded = TryReadTrade(ref cursor, sink, combined);
        }
        else if (cursor.Literal("{\"e\":\"aggTrade\",\"E\":"u8))
        {
            decoded = TryReadAggregateTrade(ref cursor, sink, combined);
        }
        else
        {
            decoded = cursor.Literal("{\"u\":"u8) && TryReadBookTicker(ref cursor, sink, combined);
        }

        return decoded;
    }

    private bool TryReadTrade(ref WireCursor cursor, IMarketFrameSink sink, bool combined)
    {
        if (!(Time(ref cursor, out var eventTime)
            && cursor.Literal(",\"s\":"u8) && cursor.String(out var symbolText)
            && cursor.Literal(",\"t\":"u8) && Int64(ref cursor, out var id)
            && cursor.Literal(",\"p\":"u8) && Decimal(ref cursor, out var price)
            && cursor.Literal(",\"q\":"u8) && Decimal(ref cursor, out var quantity)
            && cursor.Literal(",\"T\":"u8) && Time(ref cursor, out var tradeTime)
            && cursor.Literal(",\"m\":"u8) && cursor.Boolean(out var buyerMaker)
            && End(ref cursor, combined)
            && _symbols.TryGet(symbolText, out var symbol)))
        {
            return false;
        }

        Counters.AddTrade();
        sink.OnTrade(new Trade(symbol, id, price, quantity, tradeTime, eventTime, buyerMaker));
        return true;
    }

    private bool TryReadAggregateTrade(ref WireCursor cursor, IMarketFrameSink sink, bool combined)
    {
        if (!(Time(ref cursor, out var eventTime)
            && cursor.Literal(",\"s\":"u8) && cursor.String(out var symbolText)
            && cursor.Literal(",\"a\":"u8) && Int64(ref cursor, out var id)
            && cursor.Literal(",\"p\":"u8) && Decimal(ref cursor, out var price)
            && cursor.Literal(",\"q\":"u8) && Decimal(ref cursor, out var quantity)
            && cursor.Literal(",\"f\":"u8) && Int64(ref cursor, out var firstId)
            && cursor.Literal(",\"l\":"u8) && Int64(ref cursor, out var lastId)
            && cursor.Literal(",\"T\":"u8) && Time(ref cursor, out var tradeTime)
            && cursor.Literal(",\"m\":"u8) && cursor.Boolean(out var buyerMaker)
            && End(ref cursor, combined)
            && _symbols.TryGet(symbolText, out var symbol)))
        {
            return false;
        }

        Counters.AddAggregateTrade();
        sink.OnAggregateTrade(new AggregateTrade(symbol, id, price, quantity, firstId, lastId, tradeTime, eventTime, buyerMaker));
        return true;
    }

    private bool TryReadBookTicker(ref WireCursor cursor, IMarketFrameSink sink, bool combined)
    {
        if (!(Int64(ref cursor, out var updateId)
            && cursor.Literal(",\"s\":"u8) && cursor.String(out var symbolText)
            && cursor.Literal(",\"b\":"u8) && Decimal(ref cursor, out var bid)
            && cursor.Literal(",\"B\":"u8) && Decimal(ref cursor, out var bidQuantity)
            && cursor.Literal(",\"a\":"u8) && Decimal(ref cursor, out var ask)
            && cursor.Literal(",\"A\":"u8) && Decimal(ref cursor, out var askQuantity)
            && cursor.Literal("}"u8) && (!combined || cursor.Literal("}"u8)) && cursor.AtEnd
            && _symbols.TryGet(symbolText, out var symbol)))
        {
            return false;
        }

        Counters.AddBookTicker();
        sink.OnBookTicker(new BookTicker(symbol, updateId, bid, bidQuantity, ask, askQuantity));
        return true;
    }

    /// <summary>The optional <c>M</c>, the payload's end, the wrapper's end, then nothing.</summary>
    private static bool End(ref WireCursor cursor, bool combined) =>
        (!cursor.Literal(",\"M\":"u8) || cursor.Boolean(out _))
        && cursor.Literal("}"u8)
        && (!combined || cursor.Literal("}"u8))
        && cursor.AtEnd;

    private static bool Int64(ref WireCursor cursor, out long value)
    {
        value = 0;
        return cursor.Integer(out var text) && WireNumber.TryParseInt64(text, out value);
    }

    private bool Time(ref WireCursor cursor, out DateTimeOffset time)
    {
        time = default;
        return Int64(ref cursor, out var raw) && WireTime.TryFromUnix(raw, _unit, out time);
    }

    /// <summary>A non-negative decimal string, as the general path requires of prices and quantities.</summary>
    private static bool Decimal(ref WireCursor cursor, out decimal value)
    {
        value = 0m;
        return cursor.String(out var text) && WireNumber.TryParseDecimal(text, out value) && value >= 0m;
    }
}

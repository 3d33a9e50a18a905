using System.Text.Json;
using RxTrader.Binance.Wire;
using RxTrader.Core.MarketData;

namespace RxTrader.Simulator.Publishing;

/// <summary>Writes the raw stream payloads of §1.4, field for field in Binance's order.</summary>
internal static class StreamPayloads
{
    public static void Trade(Utf8JsonWriter w, long eventTime, in Trade t)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "trade");
        w.WriteNumber("E"u8, eventTime);
        w.WriteString("s"u8, t.Symbol.Value);
        w.WriteNumber("t"u8, t.TradeId);
        w.WriteDecimal("p"u8, t.Price);
        w.WriteDecimal("q"u8, t.Quantity);
        w.WriteNumber("T"u8, WireJson.Ms(t.TradeTime));
        w.WriteBoolean("m"u8, t.IsBuyerMaker);
        w.WriteBoolean("M"u8, true);
        w.WriteEndObject();
    }

    public static void AggregateTrade(Utf8JsonWriter w, long eventTime, in AggregateTrade t)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "aggTrade");
        w.WriteNumber("E"u8, eventTime);
        w.WriteString("s"u8, t.Symbol.Value);
        WriteAggregateFields(w, t);
        w.WriteEndObject();
    }

    /// <summary>The fields shared by the stream and <c>GET /api/v3/aggTrades</c>.</summary>
    public static void WriteAggregateFields(Utf8JsonWriter w, in AggregateTrade t)
    {
        w.WriteNumber("a"u8, t.AggregateTradeId);
        w.WriteDecimal("p"u8, t.Price);
        w.WriteDecimal("q"u8, t.Quantity);
        w.WriteNumber("f"u8, t.FirstTradeId);
        w.WriteNumber("l"u8, t.LastTradeId);
        w.WriteNumber("T"u8, WireJson.Ms(t.TradeTime));
        w.WriteBoolean("m"u8, t.IsBuyerMaker);
        w.WriteBoolean("M"u8, true);
    }

    public static void Kline(Utf8JsonWriter w, long eventTime, string symbol, KlineInterval interval, in KlineBar k, bool closed)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "kline");
        w.WriteNumber("E"u8, eventTime);
        w.WriteString("s"u8, symbol);
        w.WriteStartObject("k"u8);
        w.WriteNumber("t"u8, k.OpenTime);
        w.WriteNumber("T"u8, k.CloseTime);
        w.WriteString("s"u8, symbol);
        w.WriteString("i"u8, interval.ToCode());
        w.WriteNumber("f"u8, k.FirstTradeId);
        w.WriteNumber("L"u8, k.LastTradeId);
        w.WriteDecimal("o"u8, k.Open);
        w.WriteDecimal("c"u8, k.Close);
        w.WriteDecimal("h"u8, k.High);
        w.WriteDecimal("l"u8, k.Low);
        w.WriteDecimal("v"u8, k.Volume);
        w.WriteNumber("n"u8, k.TradeCount);
        w.WriteBoolean("x"u8, closed);
        w.WriteDecimal("q"u8, k.QuoteVolume);
        w.WriteDecimal("V"u8, k.TakerBuyVolume);
        w.WriteDecimal("Q"u8, k.TakerBuyQuoteVolume);
        w.WriteString("B"u8, "0");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void MiniTicker(Utf8JsonWriter w, long eventTime, string symbol, in WindowStats s)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "24hrMiniTicker");
        w.WriteNumber("E"u8, eventTime);
        w.WriteString("s"u8, symbol);
        w.WriteDecimal("c"u8, s.Close);
        w.WriteDecimal("o"u8, s.Open);
        w.WriteDecimal("h"u8, s.High);
        w.WriteDecimal("l"u8, s.Low);
        w.WriteDecimal("v"u8, s.Volume);
        w.WriteDecimal("q"u8, s.QuoteVolume);
        w.WriteEndObject();
    }

    public static void Ticker(Utf8JsonWriter w, long eventTime, SymbolState state, in WindowStats s, long windowMs)
    {
        var (bid, bidQty, ask, askQty) = state.Book.Top();
        w.WriteStartObject();
        w.WriteString("e"u8, "24hrTicker");
        w.WriteNumber("E"u8, eventTime);
        w.WriteString("s"u8, state.Symbol.Value);
        w.WriteDecimal("p"u8, s.Close - s.Open);
        w.WritePercent("P"u8, ChangePercent(s));
        w.WriteDecimal("w"u8, WeightedAverage(s));
        w.WriteDecimal("x"u8, s.PreviousClose);
        w.WriteDecimal("c"u8, s.Close);
        w.WriteDecimal("Q"u8, s.Count > 0 ? state.LastQuantity : 0m);
        w.WriteDecimal("b"u8, bid);
        w.WriteDecimal("B"u8, bidQty);
        w.WriteDecimal("a"u8, ask);
        w.WriteDecimal("A"u8, askQty);
        w.WriteDecimal("o"u8, s.Open);
        w.WriteDecimal("h"u8, s.High);
        w.WriteDecimal("l"u8, s.Low);
        w.WriteDecimal("v"u8, s.Volume);
        w.WriteDecimal("q"u8, s.QuoteVolume);
        w.WriteNumber("O"u8, eventTime - windowMs);
        w.WriteNumber("C"u8, eventTime);
        w.WriteNumber("F"u8, s.FirstId);
        w.WriteNumber("L"u8, s.LastId);
        w.WriteNumber("n"u8, s.Count);
        w.WriteEndObject();
    }

    public static void BookTicker(Utf8JsonWriter w, SymbolState state)
    {
        var (bid, bidQty, ask, askQty) = state.Book.Top();
        w.WriteStartObject();
        w.WriteNumber("u"u8, state.Book.LastUpdateId);
        w.WriteString("s"u8, state.Symbol.Value);
        w.WriteDecimal("b"u8, bid);
        w.WriteDecimal("B"u8, bidQty);
        w.WriteDecimal("a"u8, ask);
        w.WriteDecimal("A"u8, askQty);
        w.WriteEndObject();
    }

    public static void AveragePrice(Utf8JsonWriter w, long eventTime, SymbolState state, decimal average)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "avgPrice");
        w.WriteNumber("E"u8, eventTime);
        w.WriteString("s"u8, state.Symbol.Value);
        w.WriteString("i"u8, "5m");
        w.WriteDecimal("w"u8, average);
        w.WriteNumber("T"u8, state.LastTradeTime);
        w.WriteEndObject();
    }

    public static void PartialDepth(Utf8JsonWriter w, BookMirror book, int levels)
    {
        w.WriteStartObject();
        w.WriteNumber("lastUpdateId"u8, book.LastUpdateId);
        WriteLevels(w, "bids"u8, book.Bids, levels);
        WriteLevels(w, "asks"u8, book.Asks, levels);
        w.WriteEndObject();
    }

    public static void DiffDepth(Utf8JsonWriter w, long eventTime, string symbol, StreamChannel channel)
    {
        w.WriteStartObject();
        w.WriteString("e"u8, "depthUpdate");
        w.WriteNumber("E"u8, eventTime);
        w.WriteString("s"u8, symbol);
        w.WriteNumber("U"u8, channel.FirstUpdateId);
        w.WriteNumber("u"u8, channel.LastUpdateId);
        WriteLevels(w, "b"u8, channel.PendingBids!, int.MaxValue);
        WriteLevels(w, "a"u8, channel.PendingAsks!, int.MaxValue);
        w.WriteEndObject();
    }

    public static void WriteLevels(Utf8JsonWriter w, ReadOnlySpan<byte> name, SortedList<decimal, decimal> side, int levels)
    {
        w.WriteStartArray(name);
        var count = Math.Min(levels, side.Count);
        var prices = side.Keys;
        var quantities = side.Values;
        for (var i = 0; i < count; i++)
        {
            w.WriteStartArray();
            w.WriteDecimalValue(prices[i]);
            w.WriteDecimalValue(quantities[i]);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    public static decimal ChangePercent(in WindowStats s) => s.Open == 0m ? 0m : (s.Close - s.Open) / s.Open * 100m;

    public static decimal WeightedAverage(in WindowStats s) => s.Volume == 0m ? 0m : s.QuoteVolume / s.Volume;
}

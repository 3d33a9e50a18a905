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
        w.WriteString("e", "trade");
        w.WriteNumber("E", eventTime);
        w.WriteString("s", t.Symbol.Value);
        w.WriteNumber("t", t.TradeId);
        w.WriteDecimal("p", t.Price);
        w.WriteDecimal("q", t.Quantity);
        w.WriteNumber("T", WireJson.Ms(t.TradeTime));
        w.WriteBoolean("m", t.IsBuyerMaker);
        w.WriteBoolean("M", true);
        w.WriteEndObject();
    }

    public static void AggregateTrade(Utf8JsonWriter w, long eventTime, in AggregateTrade t)
    {
        w.WriteStartObject();
        w.WriteString("e", "aggTrade");
        w.WriteNumber("E", eventTime);
        w.WriteString("s", t.Symbol.Value);
        WriteAggregateFields(w, t, "a", "p", "q", "f", "l", "T", "m", "M");
        w.WriteEndObject();
    }

    /// <summary>The fields shared by the stream and <c>GET /api/v3/aggTrades</c>.</summary>
    public static void WriteAggregateFields(Utf8JsonWriter w, in AggregateTrade t, params ReadOnlySpan<string> names)
    {
        w.WriteNumber(names[0], t.AggregateTradeId);
        w.WriteDecimal(names[1], t.Price);
        w.WriteDecimal(names[2], t.Quantity);
        w.WriteNumber(names[3], t.FirstTradeId);
        w.WriteNumber(names[4], t.LastTradeId);
        w.WriteNumber(names[5], WireJson.Ms(t.TradeTime));
        w.WriteBoolean(names[6], t.IsBuyerMaker);
        w.WriteBoolean(names[7], true);
    }

    public static void Kline(Utf8JsonWriter w, long eventTime, string symbol, KlineInterval interval, in KlineBar k, bool closed)
    {
        w.WriteStartObject();
        w.WriteString("e", "kline");
        w.WriteNumber("E", eventTime);
        w.WriteString("s", symbol);
        w.WriteStartObject("k");
        w.WriteNumber("t", k.OpenTime);
        w.WriteNumber("T", k.CloseTime);
        w.WriteString("s", symbol);
        w.WriteString("i", interval.ToCode());
        w.WriteNumber("f", k.FirstTradeId);
        w.WriteNumber("L", k.LastTradeId);
        w.WriteDecimal("o", k.Open);
        w.WriteDecimal("c", k.Close);
        w.WriteDecimal("h", k.High);
        w.WriteDecimal("l", k.Low);
        w.WriteDecimal("v", k.Volume);
        w.WriteNumber("n", k.TradeCount);
        w.WriteBoolean("x", closed);
        w.WriteDecimal("q", k.QuoteVolume);
        w.WriteDecimal("V", k.TakerBuyVolume);
        w.WriteDecimal("Q", k.TakerBuyQuoteVolume);
        w.WriteString("B", "0");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void MiniTicker(Utf8JsonWriter w, long eventTime, string symbol, in WindowStats s)
    {
        w.WriteStartObject();
        w.WriteString("e", "24hrMiniTicker");
        w.WriteNumber("E", eventTime);
        w.WriteString("s", symbol);
        w.WriteDecimal("c", s.Close);
        w.WriteDecimal("o", s.Open);
        w.WriteDecimal("h", s.High);
        w.WriteDecimal("l", s.Low);
        w.WriteDecimal("v", s.Volume);
        w.WriteDecimal("q", s.QuoteVolume);
        w.WriteEndObject();
    }

    public static void Ticker(Utf8JsonWriter w, long eventTime, SymbolState state, in WindowStats s, long windowMs)
    {
        var (bid, bidQty, ask, askQty) = state.Book.Top();
        w.WriteStartObject();
        w.WriteString("e", "24hrTicker");
        w.WriteNumber("E", eventTime);
        w.WriteString("s", state.Symbol.Value);
        w.WriteDecimal("p", s.Close - s.Open);
        w.WritePercent("P", ChangePercent(s));
        w.WriteDecimal("w", WeightedAverage(s));
        w.WriteDecimal("x", s.PreviousClose);
        w.WriteDecimal("c", s.Close);
        w.WriteDecimal("Q", s.Count > 0 ? state.LastQuantity : 0m);
        w.WriteDecimal("b", bid);
        w.WriteDecimal("B", bidQty);
        w.WriteDecimal("a", ask);
        w.WriteDecimal("A", askQty);
        w.WriteDecimal("o", s.Open);
        w.WriteDecimal("h", s.High);
        w.WriteDecimal("l", s.Low);
        w.WriteDecimal("v", s.Volume);
        w.WriteDecimal("q", s.QuoteVolume);
        w.WriteNumber("O", eventTime - windowMs);
        w.WriteNumber("C", eventTime);
        w.WriteNumber("F", s.FirstId);
        w.WriteNumber("L", s.LastId);
        w.WriteNumber("n", s.Count);
        w.WriteEndObject();
    }

    public static void BookTicker(Utf8JsonWriter w, SymbolState state)
    {
        var (bid, bidQty, ask, askQty) = state.Book.Top();
        w.WriteStartObject();
        w.WriteNumber("u", state.Book.LastUpdateId);
        w.WriteString("s", state.Symbol.Value);
        w.WriteDecimal("b", bid);
        w.WriteDecimal("B", bidQty);
        w.WriteDecimal("a", ask);
        w.WriteDecimal("A", askQty);
        w.WriteEndObject();
    }

    public static void AveragePrice(Utf8JsonWriter w, long eventTime, SymbolState state, decimal average)
    {
        w.WriteStartObject();
        w.WriteString("e", "avgPrice");
        w.WriteNumber("E", eventTime);
        w.WriteString("s", state.Symbol.Value);
        w.WriteString("i", "5m");
        w.WriteDecimal("w", average);
        w.WriteNumber("T", state.LastTradeTime);
        w.WriteEndObject();
    }

    public static void PartialDepth(Utf8JsonWriter w, BookMirror book, int levels)
    {
        w.WriteStartObject();
        w.WriteNumber("lastUpdateId", book.LastUpdateId);
        WriteLevels(w, "bids", book.Bids, levels);
        WriteLevels(w, "asks", book.Asks, levels);
        w.WriteEndObject();
    }

    public static void DiffDepth(Utf8JsonWriter w, long eventTime, string symbol, StreamChannel channel)
    {
        w.WriteStartObject();
        w.WriteString("e", "depthUpdate");
        w.WriteNumber("E", eventTime);
        w.WriteString("s", symbol);
        w.WriteNumber("U", channel.FirstUpdateId);
        w.WriteNumber("u", channel.LastUpdateId);
        WriteLevels(w, "b", channel.PendingBids!, int.MaxValue);
        WriteLevels(w, "a", channel.PendingAsks!, int.MaxValue);
        w.WriteEndObject();
    }

    public static void WriteLevels(Utf8JsonWriter w, string name, SortedList<decimal, decimal> side, int levels)
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

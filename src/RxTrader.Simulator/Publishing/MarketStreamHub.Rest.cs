using System.Text.Json;
using RxTrader.Binance.Wire;
using RxTrader.Core;

namespace RxTrader.Simulator.Publishing;

/// <summary>The REST market-data answers, written from the hub's bounded history.</summary>
/// <remarks>Each writer returns false, writing nothing, when a symbol is unknown to the engine (<c>-1121</c>);
/// limits are clamped to 1..1000 as Binance does.</remarks>
public sealed partial class MarketStreamHub
{
    private const int MaxLimit = 1000;

    /// <summary><c>GET /api/v3/trades</c>: the newest <paramref name="limit"/> trades, oldest first.</summary>
    /// <param name="writer">Where the JSON array goes.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="limit">How many (default 500, clamped to 1..1000 and to the history kept).</param>
    public bool WriteTrades(Utf8JsonWriter writer, Symbol symbol, int limit = 500)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (_gate)
        {
            if (!TryKnown(symbol, out var state))
            {
                return false;
            }

            var trades = state.Trades;
            var count = Math.Min(Math.Clamp(limit, 1, MaxLimit), trades.Count);
            writer.WriteStartArray();
            for (var i = trades.Count - count; i < trades.Count; i++)
            {
                var t = trades[i];
                writer.WriteStartObject();
                writer.WriteNumber("id"u8, t.TradeId);
                writer.WriteDecimal("price"u8, t.Price);
                writer.WriteDecimal("qty"u8, t.Quantity);
                writer.WriteDecimal("quoteQty"u8, t.Price * t.Quantity);
                writer.WriteNumber("time"u8, WireJson.Ms(t.TradeTime));
                writer.WriteBoolean("isBuyerMaker"u8, t.IsBuyerMaker);
                writer.WriteBoolean("isBestMatch"u8, true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.Flush();
            return true;
        }
    }

    /// <summary><c>GET /api/v3/aggTrades</c> from the aggregate trades kept.</summary>
    /// <param name="writer">Where the JSON array goes.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="fromId">Aggregate trades from this id on, oldest first.</param>
    /// <param name="startTime">With <paramref name="endTime"/> or alone: trades at or after this time, oldest first.</param>
    /// <param name="endTime">Trades at or before this time.</param>
    /// <param name="limit">How many (default 500, clamped to 1..1000).</param>
    /// <remarks>Without <paramref name="fromId"/> and <paramref name="startTime"/> the newest trades (up to
    /// <paramref name="endTime"/>) are returned.</remarks>
    public bool WriteAggregateTrades(Utf8JsonWriter writer, Symbol symbol, long? fromId = null,
        DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, int limit = 500)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (_gate)
        {
            if (!TryKnown(symbol, out var state))
            {
                return false;
            }

            var ring = state.AggregateTrades;
            limit = Math.Clamp(limit, 1, MaxLimit);
            var start = startTime is { } s ? WireJson.Ms(s) : long.MinValue;
            var end = endTime is { } e ? WireJson.Ms(e) : long.MaxValue;
            bool Include(int i) => ring[i].AggregateTradeId >= (fromId ?? long.MinValue)
                && WireJson.Ms(ring[i].TradeTime) >= start && WireJson.Ms(ring[i].TradeTime) <= end;

            var (first, count) = Select(ring.Count, limit, fromId is not null || startTime is not null, Include);
            writer.WriteStartArray();
            for (var i = first; i < first + count; i++)
            {
                writer.WriteStartObject();
                StreamPayloads.WriteAggregateFields(writer, ring[i]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.Flush();
            return true;
        }
    }

    /// <summary><c>GET /api/v3/klines</c>: closed candles and the open one, keyed by open time.</summary>
    /// <param name="writer">Where the JSON array of 12-element arrays goes.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="interval">The interval.</param>
    /// <param name="startTime">Candles opening at or after this time, oldest first.</param>
    /// <param name="endTime">Candles opening at or before this time.</param>
    /// <param name="limit">How many (default 500, clamped to 1..1000).</param>
    /// <remarks>Without <paramref name="startTime"/> the newest candles (up to <paramref name="endTime"/>) are returned.</remarks>
    public bool WriteKlines(Utf8JsonWriter writer, Symbol symbol, KlineInterval interval,
        DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, int limit = 500)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _ = interval.ToCode();
        lock (_gate)
        {
            if (!TryKnown(symbol, out var state))
            {
                return false;
            }

            state.RollKlines(NowMs());
            var series = state.Klines[(int)interval - 1];
            var current = state.HasKlines ? state.CurrentKline(interval) : default;
            var total = series.ClosedCount + (state.HasKlines ? 1 : 0);
            var start = startTime is { } s ? WireJson.Ms(s) : long.MinValue;
            var end = endTime is { } e ? WireJson.Ms(e) : long.MaxValue;
            bool Include(int i)
            {
                var open = i < series.ClosedCount ? series.Closed(i).OpenTime : current.OpenTime;
                return open >= start && open <= end;
            }

            var (first, count) = Select(total, Math.Clamp(limit, 1, MaxLimit), startTime is not null, Include);
            writer.WriteStartArray();
            for (var i = first; i < first + count; i++)
            {
                var k = i < series.ClosedCount ? series.Closed(i) : current;
                writer.WriteStartArray();
                writer.WriteNumberValue(k.OpenTime);
                writer.WriteDecimalValue(k.Open);
                writer.WriteDecimalValue(k.High);
                writer.WriteDecimalValue(k.Low);
                writer.WriteDecimalValue(k.Close);
                writer.WriteDecimalValue(k.Volume);
                writer.WriteNumberValue(k.CloseTime);
                writer.WriteDecimalValue(k.QuoteVolume);
                writer.WriteNumberValue(k.TradeCount);
                writer.WriteDecimalValue(k.TakerBuyVolume);
                writer.WriteDecimalValue(k.TakerBuyQuoteVolume);
                writer.WriteStringValue("0");
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.Flush();
            return true;
        }
    }

    /// <summary><c>GET /api/v3/ticker/24hr</c>, FULL or MINI.</summary>
    /// <param name="writer">Where the JSON goes.</param>
    /// <param name="symbols">The symbols.</param>
    /// <param name="mini">True for <c>type=MINI</c>.</param>
    /// <param name="asArray">True for <c>symbols=[...]</c> (or none): an array; false: one object.</param>
    public bool WriteTicker24h(Utf8JsonWriter writer, IReadOnlyList<Symbol> symbols, bool mini = false, bool asArray = false) =>
        WriteEach(writer, symbols, asArray, mini, static (w, hub, state, mini) =>
        {
            var now = hub.NowMs();
            var s = state.Day.Compute(now);
            w.WriteStartObject();
            w.WriteString("symbol"u8, state.Symbol.Value);
            if (!mini)
            {
                var (bid, bidQty, ask, askQty) = state.Book.Top();
                w.WriteDecimal("priceChange"u8, s.Close - s.Open);
                w.WritePercent("priceChangePercent"u8, StreamPayloads.ChangePercent(s));
                w.WriteDecimal("weightedAvgPrice"u8, StreamPayloads.WeightedAverage(s));
                w.WriteDecimal("prevClosePrice"u8, s.PreviousClose);
                w.WriteDecimal("lastPrice"u8, s.Close);
                w.WriteDecimal("lastQty"u8, s.Count > 0 ? state.LastQuantity : 0m);
                w.WriteDecimal("bidPrice"u8, bid);
                w.WriteDecimal("bidQty"u8, bidQty);
                w.WriteDecimal("askPrice"u8, ask);
                w.WriteDecimal("askQty"u8, askQty);
                w.WriteDecimal("openPrice"u8, s.Open);
            }
            else
            {
                w.WriteDecimal("openPrice"u8, s.Open);
            }

            w.WriteDecimal("highPrice"u8, s.High);
            w.WriteDecimal("lowPrice"u8, s.Low);
            if (mini)
            {
                w.WriteDecimal("lastPrice"u8, s.Close);
            }

            w.WriteDecimal("volume"u8, s.Volume);
            w.WriteDecimal("quoteVolume"u8, s.QuoteVolume);
            w.WriteNumber("openTime"u8, now - state.Day.WindowMs);
            w.WriteNumber("closeTime"u8, now);
            w.WriteNumber("firstId"u8, s.FirstId);
            w.WriteNumber("lastId"u8, s.LastId);
            w.WriteNumber("count"u8, s.Count);
            w.WriteEndObject();
        });

    /// <summary><c>GET /api/v3/ticker/price</c>.</summary>
    /// <param name="writer">Where the JSON goes.</param>
    /// <param name="symbols">The symbols.</param>
    /// <param name="asArray">True for an array, false for one object.</param>
    public bool WriteTickerPrice(Utf8JsonWriter writer, IReadOnlyList<Symbol> symbols, bool asArray = false) =>
        WriteEach(writer, symbols, asArray, false, static (w, _, state, _) =>
        {
            w.WriteStartObject();
            w.WriteString("symbol"u8, state.Symbol.Value);
            w.WriteDecimal("price"u8, state.LastPrice);
            w.WriteEndObject();
        });

    /// <summary><c>GET /api/v3/ticker/bookTicker</c>.</summary>
    /// <param name="writer">Where the JSON goes.</param>
    /// <param name="symbols">The symbols.</param>
    /// <param name="asArray">True for an array, false for one object.</param>
    public bool WriteBookTicker(Utf8JsonWriter writer, IReadOnlyList<Symbol> symbols, bool asArray = false) =>
        WriteEach(writer, symbols, asArray, false, static (w, _, state, _) =>
        {
            var (bid, bidQty, ask, askQty) = state.Book.Top();
            w.WriteStartObject();
            w.WriteString("symbol"u8, state.Symbol.Value);
            w.WriteDecimal("bidPrice"u8, bid);
            w.WriteDecimal("bidQty"u8, bidQty);
            w.WriteDecimal("askPrice"u8, ask);
            w.WriteDecimal("askQty"u8, askQty);
            w.WriteEndObject();
        });

    /// <summary><c>GET /api/v3/avgPrice</c>: <c>{"mins":5,"price":"…","closeTime":…}</c>.</summary>
    /// <param name="writer">Where the JSON goes.</param>
    /// <param name="symbol">The symbol.</param>
    /// <remarks>The volume-weighted price of the last 5 minutes (one-second buckets); the last price when nothing
    /// traded in them; closeTime is the last trade time (0 before any trade).</remarks>
    public bool WriteAveragePrice(Utf8JsonWriter writer, Symbol symbol) =>
        WriteEach(writer, [symbol], false, false, static (w, hub, state, _) =>
        {
            w.WriteStartObject();
            w.WriteNumber("mins"u8, 5);
            w.WriteDecimal("price"u8, AveragePrice(state, hub.NowMs()));
            w.WriteNumber("closeTime"u8, state.LastTradeTime);
            w.WriteEndObject();
        });

    /// <summary>The range to answer: from the first included item ascending, or the newest included ones.</summary>
    private static (int First, int Count) Select(int total, int limit, bool ascendingFromStart, Func<int, bool> include)
    {
        if (ascendingFromStart)
        {
            var first = 0;
            while (first < total && !include(first))
            {
                first++;
            }

            var count = 0;
            while (first + count < total && count < limit && include(first + count))
            {
                count++;
            }

            return (first, count);
        }

        var last = total - 1;
        while (last >= 0 && !include(last))
        {
            last--;
        }

        var n = 0;
        while (last - n >= 0 && n < limit && include(last - n))
        {
            n++;
        }

        return (last - n + 1, n);
    }

    private bool WriteEach(Utf8JsonWriter writer, IReadOnlyList<Symbol> symbols, bool asArray, bool flag,
        Action<Utf8JsonWriter, MarketStreamHub, SymbolState, bool> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(symbols);
        lock (_gate)
        {
            foreach (var symbol in symbols)
            {
                if (!TryKnown(symbol, out _))
                {
                    return false;
                }
            }

            if (asArray)
            {
                writer.WriteStartArray();
            }

            foreach (var symbol in symbols)
            {
                write(writer, this, GetState(symbol), flag);
                if (!asArray)
                {
                    break;
                }
            }

            if (asArray)
            {
                writer.WriteEndArray();
            }

            writer.Flush();
            return true;
        }
    }

    private bool TryKnown(Symbol symbol, out SymbolState state)
    {
        if (symbol.IsDefault || _engine.GetSymbol(symbol) is null)
        {
            state = null!;
            return false;
        }

        state = GetState(symbol);
        return true;
    }
}

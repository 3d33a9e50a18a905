using System.Text.Json;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Rest;

/// <summary>Writes <c>GET /api/v3/exchangeInfo</c> (wire reference 2.3.1 and 2.5).</summary>
internal static class ExchangeInfoWriter
{
    public static void Write(Utf8JsonWriter w, long serverTime, SimulatorRateLimits limits, List<SymbolRules> symbols, bool showPermissionSets)
    {
        w.WriteStartObject();
        w.WriteString("timezone"u8, "UTC"u8);
        w.WriteNumber("serverTime"u8, serverTime);
        w.WritePropertyName("rateLimits"u8);
        w.WriteStartArray();
        RateLimit(w, "REQUEST_WEIGHT"u8, "MINUTE"u8, 1, limits.RequestWeightPerMinute);
        RateLimit(w, "ORDERS"u8, "SECOND"u8, 10, limits.OrdersPer10Seconds);
        RateLimit(w, "ORDERS"u8, "DAY"u8, 1, limits.OrdersPerDay);
        RateLimit(w, "RAW_REQUESTS"u8, "MINUTE"u8, 5, limits.RawRequestsPer5Minutes);
        w.WriteEndArray();
        w.WritePropertyName("exchangeFilters"u8);
        w.WriteStartArray();
        w.WriteEndArray();
        w.WritePropertyName("symbols"u8);
        w.WriteStartArray();
        foreach (var s in symbols)
        {
            Symbol(w, s, showPermissionSets);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One rate limit row; <paramref name="count"/> (the <c>rateLimit/order</c> form) when not null.</summary>
    public static void RateLimit(Utf8JsonWriter w, ReadOnlySpan<byte> type, ReadOnlySpan<byte> interval, int intervalNum, int limit, int? count = null)
    {
        w.WriteStartObject();
        w.WriteString("rateLimitType"u8, type);
        w.WriteString("interval"u8, interval);
        w.WriteNumber("intervalNum"u8, intervalNum);
        w.WriteNumber("limit"u8, limit);
        if (count is { } c)
        {
            w.WriteNumber("count"u8, c);
        }

        w.WriteEndObject();
    }

    private static void Symbol(Utf8JsonWriter w, SymbolRules s, bool showPermissionSets)
    {
        w.WriteStartObject();
        w.WriteString("symbol"u8, s.Symbol.Value);
        w.WriteString("status"u8, WireText.Of(s.Status));
        w.WriteString("baseAsset"u8, s.BaseAsset);
        w.WriteNumber("baseAssetPrecision"u8, s.BaseAssetPrecision);
        w.WriteString("quoteAsset"u8, s.QuoteAsset);
        w.WriteNumber("quotePrecision"u8, 8);
        w.WriteNumber("quoteAssetPrecision"u8, 8);
        w.WriteNumber("baseCommissionPrecision"u8, 8);
        w.WriteNumber("quoteCommissionPrecision"u8, 8);
        w.WritePropertyName("orderTypes"u8);
        w.WriteStartArray();
        foreach (var type in (ReadOnlySpan<OrderType>)[OrderType.Limit, OrderType.LimitMaker, OrderType.Market, OrderType.StopLoss, OrderType.StopLossLimit, OrderType.TakeProfit, OrderType.TakeProfitLimit])
        {
            if (s.OrderTypes.Contains(type))
            {
                w.WriteStringValue(WireText.Of(type));
            }
        }

        w.WriteEndArray();
        w.WriteBoolean("icebergAllowed"u8, false);
        w.WriteBoolean("ocoAllowed"u8, false);
        w.WriteBoolean("otoAllowed"u8, false);
        w.WriteBoolean("opoAllowed"u8, false);
        w.WriteBoolean("quoteOrderQtyMarketAllowed"u8, s.QuoteOrderQtyMarketAllowed);
        w.WriteBoolean("allowTrailingStop"u8, false);
        w.WriteBoolean("cancelReplaceAllowed"u8, false);
        w.WriteBoolean("amendAllowed"u8, false);
        w.WriteBoolean("pegInstructionsAllowed"u8, false);
        w.WriteBoolean("isSpotTradingAllowed"u8, true);
        w.WriteBoolean("isMarginTradingAllowed"u8, false);
        w.WritePropertyName("filters"u8);
        Filters(w, s);
        w.WritePropertyName("permissions"u8);
        w.WriteStartArray();
        w.WriteEndArray();
        if (showPermissionSets)
        {
            w.WritePropertyName("permissionSets"u8);
            w.WriteStartArray();
            w.WriteStartArray();
            w.WriteStringValue("SPOT"u8);
            w.WriteEndArray();
            w.WriteEndArray();
        }

        w.WriteString("defaultSelfTradePreventionMode"u8, "NONE"u8);
        w.WritePropertyName("allowedSelfTradePreventionModes"u8);
        w.WriteStartArray();
        w.WriteStringValue("NONE"u8);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Filters(Utf8JsonWriter w, SymbolRules s)
    {
        var f = s.Filters;
        w.WriteStartArray();
        if (f.Price is { } price)
        {
            w.WriteStartObject();
            w.WriteString("filterType"u8, "PRICE_FILTER"u8);
            w.WriteDecimal("minPrice"u8, price.MinPrice);
            w.WriteDecimal("maxPrice"u8, price.MaxPrice);
            w.WriteDecimal("tickSize"u8, price.TickSize);
            w.WriteEndObject();
        }

        if (f.LotSize is { } lot)
        {
            Quantity(w, "LOT_SIZE"u8, lot);
        }

        if (f.MinNotional is { } min)
        {
            w.WriteStartObject();
            w.WriteString("filterType"u8, "MIN_NOTIONAL"u8);
            w.WriteDecimal("minNotional"u8, min.MinNotional);
            w.WriteBoolean("applyToMarket"u8, min.ApplyToMarket);
            w.WriteNumber("avgPriceMins"u8, min.AveragePriceMinutes);
            w.WriteEndObject();
        }

        if (f.MarketLotSize is { } market)
        {
            Quantity(w, "MARKET_LOT_SIZE"u8, market);
        }

        if (s.MaxNumOrders is { } maxOrders)
        {
            w.WriteStartObject();
            w.WriteString("filterType"u8, "MAX_NUM_ORDERS"u8);
            w.WriteNumber("maxNumOrders"u8, maxOrders);
            w.WriteEndObject();
        }

        if (f.Notional is { } notional)
        {
            w.WriteStartObject();
            w.WriteString("filterType"u8, "NOTIONAL"u8);
            w.WriteDecimal("minNotional"u8, notional.MinNotional);
            w.WriteBoolean("applyMinToMarket"u8, notional.ApplyMinToMarket);
            // Binance writes a huge number when there is no maximum.
            w.WriteDecimal("maxNotional"u8, notional.MaxNotional ?? 9_000_000_000m);
            w.WriteBoolean("applyMaxToMarket"u8, notional.ApplyMaxToMarket);
            w.WriteNumber("avgPriceMins"u8, notional.AveragePriceMinutes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Quantity(Utf8JsonWriter w, ReadOnlySpan<byte> type, Core.Instruments.QuantityFilter q)
    {
        w.WriteStartObject();
        w.WriteString("filterType"u8, type);
        w.WriteDecimal("minQty"u8, q.MinQuantity);
        w.WriteDecimal("maxQty"u8, q.MaxQuantity);
        w.WriteDecimal("stepSize"u8, q.StepSize);
        w.WriteEndObject();
    }
}

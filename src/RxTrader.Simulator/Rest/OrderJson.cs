using System.Text.Json;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;

namespace RxTrader.Simulator.Rest;

/// <summary>The order-shaped REST objects (wire reference 2.4.2–2.4.4, 2.4.6), field for field in Binance's order.</summary>
internal static class OrderJson
{
    /// <summary>A new order's response: ACK, RESULT or FULL.</summary>
    public static void WritePlaced(Utf8JsonWriter w, PlacedOrder placed, ResponseType type)
    {
        var o = placed.Order;
        w.WriteStartObject();
        w.WriteString("symbol"u8, o.Symbol.Value);
        w.WriteNumber("orderId"u8, o.OrderId);
        w.WriteNumber("orderListId"u8, -1);
        w.WriteString("clientOrderId"u8, o.ClientOrderId);
        w.WriteTime("transactTime"u8, placed.TransactTime);
        if (type != ResponseType.Ack)
        {
            w.WriteDecimal("price"u8, o.Price);
            w.WriteDecimal("origQty"u8, o.OrigQty);
            w.WriteDecimal("executedQty"u8, o.ExecutedQty);
            w.WriteDecimal("origQuoteOrderQty"u8, o.OrigQuoteOrderQty);
            w.WriteDecimal("cummulativeQuoteQty"u8, o.CumulativeQuoteQty);
            w.WriteString("status"u8, WireText.Of(o.Status));
            w.WriteString("timeInForce"u8, WireText.Of(o.TimeInForce));
            w.WriteString("type"u8, WireText.Of(o.Type));
            w.WriteString("side"u8, WireText.Of(o.Side));
            WriteStrategy(w, o);
            w.WriteTime("workingTime"u8, o.WorkingTime);
            if (o.ExpiryReason != ExpiryReason.None)
            {
                w.WriteString("expiryReason"u8, WireText.Of(o.ExpiryReason));
            }

            w.WriteString("selfTradePreventionMode"u8, "NONE"u8);
        }

        if (type == ResponseType.Full)
        {
            w.WritePropertyName("fills"u8);
            w.WriteStartArray();
            var fills = placed.Fills;
            for (var i = 0; i < fills.Count; i++)
            {
                var f = fills[i];
                w.WriteStartObject();
                w.WriteDecimal("price"u8, f.Price);
                w.WriteDecimal("qty"u8, f.Quantity);
                w.WriteDecimal("commission"u8, f.Commission);
                w.WriteString("commissionAsset"u8, f.CommissionAsset);
                w.WriteNumber("tradeId"u8, f.TradeId);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>An order as <c>GET /api/v3/order</c>, <c>openOrders</c> and <c>allOrders</c> show it.</summary>
    public static void WriteOrder(Utf8JsonWriter w, OrderSnapshot o)
    {
        w.WriteStartObject();
        w.WriteString("symbol"u8, o.Symbol.Value);
        w.WriteNumber("orderId"u8, o.OrderId);
        w.WriteNumber("orderListId"u8, -1);
        w.WriteString("clientOrderId"u8, o.ClientOrderId);
        w.WriteDecimal("price"u8, o.Price);
        w.WriteDecimal("origQty"u8, o.OrigQty);
        w.WriteDecimal("executedQty"u8, o.ExecutedQty);
        w.WriteDecimal("cummulativeQuoteQty"u8, o.CumulativeQuoteQty);
        w.WriteString("status"u8, WireText.Of(o.Status));
        w.WriteString("timeInForce"u8, WireText.Of(o.TimeInForce));
        w.WriteString("type"u8, WireText.Of(o.Type));
        w.WriteString("side"u8, WireText.Of(o.Side));
        w.WriteDecimal("stopPrice"u8, 0m);
        w.WriteDecimal("icebergQty"u8, 0m);
        w.WriteTime("time"u8, o.Time);
        w.WriteTime("updateTime"u8, o.UpdateTime);
        w.WriteBoolean("isWorking"u8, o.IsWorking);
        w.WriteTime("workingTime"u8, o.WorkingTime);
        w.WriteDecimal("origQuoteOrderQty"u8, o.OrigQuoteOrderQty);
        WriteStrategy(w, o);
        if (o.ExpiryReason != ExpiryReason.None)
        {
            w.WriteString("expiryReason"u8, WireText.Of(o.ExpiryReason));
        }

        w.WriteString("selfTradePreventionMode"u8, "NONE"u8);
        w.WriteEndObject();
    }

    /// <summary>A cancel's response (<c>DELETE /api/v3/order</c>, elements of <c>DELETE /api/v3/openOrders</c>).</summary>
    public static void WriteCanceled(Utf8JsonWriter w, CanceledOrder c)
    {
        var o = c.Order;
        w.WriteStartObject();
        w.WriteString("symbol"u8, o.Symbol.Value);
        w.WriteString("origClientOrderId"u8, o.ClientOrderId);
        w.WriteNumber("orderId"u8, o.OrderId);
        w.WriteNumber("orderListId"u8, -1);
        w.WriteString("clientOrderId"u8, c.CancelClientOrderId);
        w.WriteTime("transactTime"u8, c.TransactTime);
        w.WriteDecimal("price"u8, o.Price);
        w.WriteDecimal("origQty"u8, o.OrigQty);
        w.WriteDecimal("executedQty"u8, o.ExecutedQty);
        w.WriteDecimal("origQuoteOrderQty"u8, o.OrigQuoteOrderQty);
        w.WriteDecimal("cummulativeQuoteQty"u8, o.CumulativeQuoteQty);
        w.WriteString("status"u8, WireText.Of(o.Status));
        w.WriteString("timeInForce"u8, WireText.Of(o.TimeInForce));
        w.WriteString("type"u8, WireText.Of(o.Type));
        w.WriteString("side"u8, WireText.Of(o.Side));
        WriteStrategy(w, o);
        w.WriteString("selfTradePreventionMode"u8, "NONE"u8);
        w.WriteEndObject();
    }

    /// <summary>One of the account's trades (<c>GET /api/v3/myTrades</c>).</summary>
    public static void WriteTrade(Utf8JsonWriter w, AccountTrade t)
    {
        w.WriteStartObject();
        w.WriteString("symbol"u8, t.Symbol.Value);
        w.WriteNumber("id"u8, t.Id);
        w.WriteNumber("orderId"u8, t.OrderId);
        w.WriteNumber("orderListId"u8, -1);
        w.WriteDecimal("price"u8, t.Price);
        w.WriteDecimal("qty"u8, t.Quantity);
        w.WriteDecimal("quoteQty"u8, t.QuoteQuantity);
        w.WriteDecimal("commission"u8, t.Commission);
        w.WriteString("commissionAsset"u8, t.CommissionAsset);
        w.WriteTime("time"u8, t.Time);
        w.WriteBoolean("isBuyer"u8, t.IsBuyer);
        w.WriteBoolean("isMaker"u8, t.IsMaker);
        w.WriteBoolean("isBestMatch"u8, true);
        w.WriteEndObject();
    }

    private static void WriteStrategy(Utf8JsonWriter w, OrderSnapshot o)
    {
        if (o.StrategyId is { } id)
        {
            w.WriteNumber("strategyId"u8, id);
        }

        if (o.StrategyType is { } type)
        {
            w.WriteNumber("strategyType"u8, type);
        }
    }
}

using Newtonsoft.Json.Linq;
using RxTrader.Binance.Rest;
using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Binance.Execution;

/// <summary>Maps Binance order, trade and account bodies to the domain; every problem is a
/// <see cref="FormatException"/> naming the field (the client turns it into a malformed result).</summary>
internal static class OrderMapper
{
    /// <summary>An order of <c>POST/GET/DELETE /api/v3/order</c> or <c>openOrders</c>. A cancel answer names the
    /// cancelled order in <c>origClientOrderId</c> (its <c>clientOrderId</c> is the cancel's own id).</summary>
    public static Order Order(JToken token, string what)
    {
        var o = WireJson.Object(token, what);
        var type = Type(WireJson.String(o["type"], $"{what}.type"));
        var time = WireJson.Time(o["time"] ?? o["transactTime"] ?? o["workingTime"], $"{what}.time");
        var price = WireJson.Decimal(o["price"], $"{what}.price");
        return new Order(
            ClientId(o["origClientOrderId"] ?? o["clientOrderId"], $"{what}.clientOrderId"),
            WireJson.Symbol(o["symbol"], $"{what}.symbol"),
            Side(WireJson.String(o["side"], $"{what}.side")),
            type,
            type == OrderType.Limit ? TimeInForce(WireJson.String(o["timeInForce"], $"{what}.timeInForce")) : null,
            type == OrderType.Market ? null : price,
            WireJson.Decimal(o["origQty"], $"{what}.origQty"),
            WireJson.Decimal(o["executedQty"], $"{what}.executedQty"),
            WireJson.Decimal(o["cummulativeQuoteQty"], $"{what}.cummulativeQuoteQty"),
            Status(WireJson.String(o["status"], $"{what}.status")),
            WireJson.Long(o["orderId"], $"{what}.orderId"),
            time,
            o["updateTime"] is { } update ? WireJson.Time(update, $"{what}.updateTime") : time);
    }

    /// <summary>The <c>fills</c> of a FULL placement answer (taker fills at placement time).</summary>
    public static IReadOnlyList<Fill> PlacementFills(JToken token, Order order)
    {
        if (WireJson.Object(token, "order")["fills"] is not JArray fills)
        {
            return [];
        }

        var result = new List<Fill>(fills.Count);
        for (var i = 0; i < fills.Count; i++)
        {
            var what = $"order.fills[{i}]";
            var f = WireJson.Object(fills[i], what);
            var price = WireJson.Decimal(f["price"], $"{what}.price");
            var quantity = WireJson.Decimal(f["qty"], $"{what}.qty");
            result.Add(new Fill(
                order.ClientOrderId,
                order.ExchangeOrderId,
                WireJson.Long(f["tradeId"], $"{what}.tradeId"),
                order.Symbol,
                order.Side,
                price,
                quantity,
                price * quantity,
                WireJson.Decimal(f["commission"], $"{what}.commission"),
                WireJson.String(f["commissionAsset"], $"{what}.commissionAsset"),
                IsMaker: false,
                order.UpdateTime));
        }

        return result;
    }

    /// <summary>One trade of <c>GET /api/v3/myTrades</c> (which carries no client order id: the caller knows it).</summary>
    public static Fill Trade(JToken token, ClientOrderId clientOrderId, int index)
    {
        var what = $"myTrades[{index}]";
        var t = WireJson.Object(token, what);
        return new Fill(
            clientOrderId,
            WireJson.Long(t["orderId"], $"{what}.orderId"),
            WireJson.Long(t["id"], $"{what}.id"),
            WireJson.Symbol(t["symbol"], $"{what}.symbol"),
            WireJson.Bool(t["isBuyer"], $"{what}.isBuyer") ? Core.Side.Buy : Core.Side.Sell,
            WireJson.Decimal(t["price"], $"{what}.price"),
            WireJson.Decimal(t["qty"], $"{what}.qty"),
            WireJson.Decimal(t["quoteQty"], $"{what}.quoteQty"),
            WireJson.Decimal(t["commission"], $"{what}.commission"),
            WireJson.String(t["commissionAsset"], $"{what}.commissionAsset"),
            WireJson.Bool(t["isMaker"], $"{what}.isMaker"),
            WireJson.Time(t["time"], $"{what}.time"));
    }

    /// <summary>The non-zero balances of <c>GET /api/v3/account</c>.</summary>
    public static IReadOnlyList<Balance> Balances(JToken token)
    {
        var balances = WireJson.Array(WireJson.Object(token, "account")["balances"], "account.balances");
        var result = new List<Balance>(balances.Count);
        for (var i = 0; i < balances.Count; i++)
        {
            var what = $"account.balances[{i}]";
            var b = WireJson.Object(balances[i], what);
            var balance = new Balance(
                WireJson.String(b["asset"], $"{what}.asset"),
                WireJson.Decimal(b["free"], $"{what}.free"),
                WireJson.Decimal(b["locked"], $"{what}.locked"));
            if (balance.Free != 0m || balance.Locked != 0m)
            {
                result.Add(balance);
            }
        }

        return result;
    }

    public static ClientOrderId ClientId(JToken? token, string what)
    {
        var text = WireJson.String(token, what);
        return ClientOrderId.IsValid(text) ? new ClientOrderId(text) : throw new FormatException($"{what}: \"{text}\" is not a client order id.");
    }

    public static Side Side(string text) => text switch
    {
        "BUY" => Core.Side.Buy,
        "SELL" => Core.Side.Sell,
        _ => throw new FormatException($"Unknown side \"{text}\"."),
    };

    public static OrderType Type(string text) => text switch
    {
        "LIMIT" => OrderType.Limit,
        "MARKET" => OrderType.Market,
        "LIMIT_MAKER" => OrderType.LimitMaker,
        _ => throw new FormatException($"Unsupported order type \"{text}\"."),
    };

    public static TimeInForce TimeInForce(string text) => text switch
    {
        "GTC" => Core.Orders.TimeInForce.GoodTillCanceled,
        "IOC" => Core.Orders.TimeInForce.ImmediateOrCancel,
        "FOK" => Core.Orders.TimeInForce.FillOrKill,
        _ => throw new FormatException($"Unknown time in force \"{text}\"."),
    };

    public static OrderStatus Status(string text) => text switch
    {
        "NEW" => OrderStatus.New,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "PENDING_CANCEL" => OrderStatus.PendingCancel,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" => OrderStatus.Expired,
        "EXPIRED_IN_MATCH" => OrderStatus.ExpiredInMatch,
        _ => throw new FormatException($"Unknown order status \"{text}\"."),
    };

    public static string Wire(OrderType type) => type switch
    {
        OrderType.Limit => "LIMIT",
        OrderType.Market => "MARKET",
        _ => "LIMIT_MAKER",
    };

    public static string Wire(TimeInForce tif) => tif switch
    {
        Core.Orders.TimeInForce.GoodTillCanceled => "GTC",
        Core.Orders.TimeInForce.ImmediateOrCancel => "IOC",
        _ => "FOK",
    };
}

using Microsoft.AspNetCore.Routing;

using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Rest;

/// <summary>SIGNED account endpoints: <c>account</c>, <c>myTrades</c>, <c>rateLimit/order</c>.</summary>
internal static class RestAccountEndpoints
{
    public static void MapRestAccount(this IEndpointRouteBuilder endpoints, SimulatorContext context)
    {
        endpoints.Map(context, new("GET", "/api/v3/account", true, ["omitZeroBalances"], static _ => 20, Account));
        endpoints.Map(context, new(
            "GET", "/api/v3/myTrades", true, ["symbol", "orderId", "startTime", "endTime", "fromId", "limit"],
            static p => p.Get("orderId") is null ? 20 : 5, MyTrades));
        endpoints.Map(context, new("GET", "/api/v3/rateLimit/order", true, [], static _ => 40, UnfilledOrderCount));
    }

    /// <summary>A fraction as Binance's integer basis points (0.001 → 10).</summary>
    public static int BasisPoints(decimal rate) => (int)decimal.Round(rate * 10_000m);

    private static void Account(RestCall call)
    {
        ExchangeError? error = null;
        var omitZero = call.Parameters.Bool("omitZeroBalances", ref error) ?? false;
        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        var result = call.Engine.GetAccount(call.AccountId);
        if (!result.IsSuccess)
        {
            call.Fail(result.Error.Value, 401);
            return;
        }

        var a = result.Value;
        var w = call.Json;
        w.WriteStartObject();
        w.WriteNumber("makerCommission"u8, BasisPoints(a.Commission.Maker));
        w.WriteNumber("takerCommission"u8, BasisPoints(a.Commission.Taker));
        w.WriteNumber("buyerCommission"u8, 0);
        w.WriteNumber("sellerCommission"u8, 0);
        w.WritePropertyName("commissionRates"u8);
        w.WriteStartObject();
        w.WriteDecimal("maker"u8, a.Commission.Maker);
        w.WriteDecimal("taker"u8, a.Commission.Taker);
        w.WriteDecimal("buyer"u8, 0m);
        w.WriteDecimal("seller"u8, 0m);
        w.WriteEndObject();
        w.WriteBoolean("canTrade"u8, true);
        w.WriteBoolean("canWithdraw"u8, true);
        w.WriteBoolean("canDeposit"u8, true);
        w.WriteBoolean("brokered"u8, false);
        w.WriteBoolean("requireSelfTradePrevention"u8, false);
        w.WriteBoolean("preventSor"u8, false);
        w.WriteTime("updateTime"u8, a.UpdateTime);
        w.WriteString("accountType"u8, "SPOT"u8);
        w.WritePropertyName("balances"u8);
        w.WriteStartArray();
        foreach (var b in a.Balances)
        {
            if (omitZero && b.Free == 0m && b.Locked == 0m)
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("asset"u8, b.Asset);
            w.WriteDecimal("free"u8, b.Free);
            w.WriteDecimal("locked"u8, b.Locked);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("permissions"u8);
        w.WriteStartArray();
        w.WriteStringValue("SPOT"u8);
        w.WriteEndArray();
        w.WriteNumber("uid"u8, Uid(a.AccountId));
        w.WriteEndObject();
    }

    /// <summary>A stable numeric id per API key (FNV-1a), the same in every run.</summary>
    public static long Uid(string accountId)
    {
        var hash = 2166136261u;
        foreach (var c in accountId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % 1_000_000_000;
    }

    private static void MyTrades(RestCall call)
    {
        var p = call.Parameters;
        ExchangeError? error = null;
        var symbol = p.Symbol(call.Engine, ref error);
        var orderId = p.Long("orderId", ref error);
        var query = RestTradingEndpoints.ParseHistory(p, "fromId", ref error);
        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        var result = call.Engine.MyTrades(call.AccountId, symbol, orderId, query);
        if (!result.IsSuccess)
        {
            call.Fail(result.Error.Value);
            return;
        }

        var w = call.Json;
        w.WriteStartArray();
        foreach (var t in result.Value)
        {
            OrderJson.WriteTrade(w, t);
        }

        w.WriteEndArray();
    }

    private static void UnfilledOrderCount(RestCall call)
    {
        var limits = call.Simulator.Limits;
        var (tenSeconds, day) = limits.OrderCounts(call.AccountId, call.NowMs);
        var w = call.Json;
        w.WriteStartArray();
        ExchangeInfoWriter.RateLimit(w, "ORDERS"u8, "SECOND"u8, 10, limits.Limits.OrdersPer10Seconds, tenSeconds);
        ExchangeInfoWriter.RateLimit(w, "ORDERS"u8, "DAY"u8, 1, limits.Limits.OrdersPerDay, day);
        w.WriteEndArray();
    }

}

using System.Globalization;
using Microsoft.AspNetCore.Routing;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Rest;

/// <summary>SIGNED order endpoints: new, test, query, cancel, cancel all, open orders, all orders.</summary>
internal static class RestTradingEndpoints
{
    public static readonly ExchangeError InvalidCancelRestrictions =
        new(-1145, "cancelRestrictions has to be either ONLY_NEW or ONLY_PARTIALLY_FILLED.");

    public static readonly ExchangeError MoreThan24Hours = new(-1127, "More than 24 hours between startTime and endTime.");

    private static readonly string[] TestParameters = [.. NewOrderParser.Parameters, "computeCommissionRates"];

    public static void MapRestTrading(this IEndpointRouteBuilder endpoints, SimulatorContext context)
    {
        endpoints.Map(context, new("POST", "/api/v3/order", true, NewOrderParser.Parameters, static _ => 1, NewOrder));
        endpoints.Map(context, new("POST", "/api/v3/order/test", true, TestParameters, TestWeight, TestOrder));
        endpoints.Map(context, new("GET", "/api/v3/order", true, ["symbol", "orderId", "origClientOrderId"], static _ => 4, QueryOrder));
        endpoints.Map(context, new(
            "DELETE", "/api/v3/order", true, ["symbol", "orderId", "origClientOrderId", "newClientOrderId", "cancelRestrictions"], static _ => 1, CancelOrder));
        endpoints.Map(context, new("DELETE", "/api/v3/openOrders", true, ["symbol"], static _ => 1, CancelOpenOrders));
        endpoints.Map(context, new("GET", "/api/v3/openOrders", true, ["symbol"], static p => p.Get("symbol") is null ? 80 : 6, OpenOrders));
        endpoints.Map(context, new(
            "GET", "/api/v3/allOrders", true, ["symbol", "orderId", "startTime", "endTime", "limit"], static _ => 20, AllOrders));
    }

    private static int TestWeight(RestParameters p) =>
        string.Equals(p.Get("computeCommissionRates"), "true", StringComparison.OrdinalIgnoreCase) ? 20 : 1;

    private static void NewOrder(RestCall call)
    {
        var request = NewOrderParser.Parse(call, out var responseType);
        if (request is null)
        {
            return;
        }

        var faults = call.Simulator.Faults;
        if (faults.TakeOrderFailure(out var status) is { } failure)
        {
            // A 5xx before the engine: the order does not exist.
            call.Fail(failure, status);
            return;
        }

        if (faults.TakeOrderDrop(placed: false))
        {
            // The connection is lost before the engine: the order does not exist.
            call.Abort();
            return;
        }

        var limits = call.Simulator.Limits;
        if (limits.TryCountOrder(call.AccountId, call.NowMs, out var retryAfterMs) is { } tooMany)
        {
            RestPipeline.SetRetryAfter(call.Http, retryAfterMs);
            call.Fail(tooMany, 429);
            return;
        }

        var result = call.Engine.PlaceOrder(call.AccountId, request);
        if (!result.IsSuccess || result.Value.Fills.Count > 0)
        {
            // Refused orders do not count; an order's first fill frees its unfilled-order count.
            limits.UncountOrder(call.AccountId, call.NowMs);
        }

        if (!result.IsSuccess)
        {
            call.Fail(result.Error.Value);
            return;
        }

        if (faults.TakeOrderDrop(placed: true))
        {
            // Placed, but the connection is lost before the answer: outcome unknown.
            call.Abort();
            return;
        }

        if (faults.TakeOrderTimeout() is { } hold)
        {
            // Accepted by the engine, but the client never learns it: outcome unknown.
            call.Hold = hold;
            return;
        }

        var (tenSeconds, day) = limits.OrderCounts(call.AccountId, call.NowMs);
        var headers = call.Http.Response.Headers;
        headers["X-MBX-ORDER-COUNT-10S"] = tenSeconds.ToString(CultureInfo.InvariantCulture);
        headers["X-MBX-ORDER-COUNT-1D"] = day.ToString(CultureInfo.InvariantCulture);
        OrderJson.WritePlaced(call.Json, result.Value, responseType);
    }

    private static void TestOrder(RestCall call)
    {
        ExchangeError? error = null;
        var compute = call.Parameters.Bool("computeCommissionRates", ref error) ?? false;
        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        var request = NewOrderParser.Parse(call, out _);
        if (request is null)
        {
            return;
        }

        if (call.Engine.TestOrder(call.AccountId, request) is { } refused)
        {
            call.Fail(refused);
            return;
        }

        var w = call.Json;
        w.WriteStartObject();
        if (compute && call.Engine.GetAccount(call.AccountId) is { IsSuccess: true } account)
        {
            var rates = account.Value.Commission;
            w.WritePropertyName("standardCommissionForOrder"u8);
            Rates(w, rates.Maker, rates.Taker);
            w.WritePropertyName("specialCommissionForOrder"u8);
            Rates(w, 0m, 0m);
            w.WritePropertyName("taxCommissionForOrder"u8);
            Rates(w, 0m, 0m);
            w.WritePropertyName("discount"u8);
            w.WriteStartObject();
            w.WriteBoolean("enabledForAccount"u8, false);
            w.WriteBoolean("enabledForSymbol"u8, false);
            w.WriteString("discountAsset"u8, "BNB"u8);
            w.WriteDecimal("discount"u8, 0m);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Rates(System.Text.Json.Utf8JsonWriter w, decimal maker, decimal taker)
    {
        w.WriteStartObject();
        w.WriteDecimal("maker"u8, maker);
        w.WriteDecimal("taker"u8, taker);
        w.WriteEndObject();
    }

    private static void QueryOrder(RestCall call)
    {
        ExchangeError? error = null;
        var p = call.Parameters;
        var symbol = p.Symbol(call.Engine, ref error);
        var orderId = p.Long("orderId", ref error);
        var clientId = p.Optional("origClientOrderId", ref error);
        if (error is null && orderId is null && clientId is null)
        {
            error = ExchangeErrors.EitherParameter("orderId", "origClientOrderId");
        }

        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        var result = call.Engine.QueryOrder(call.AccountId, symbol, orderId, clientId);
        if (!result.IsSuccess)
        {
            call.Fail(result.Error.Value);
            return;
        }

        OrderJson.WriteOrder(call.Json, result.Value);
    }

    private static void CancelOrder(RestCall call)
    {
        ExchangeError? error = null;
        var p = call.Parameters;
        var symbol = p.Symbol(call.Engine, ref error);
        var orderId = p.Long("orderId", ref error);
        var clientId = p.Optional("origClientOrderId", ref error);
        var newClientId = p.Optional("newClientOrderId", ref error);
        var restrictionsText = p.Optional("cancelRestrictions", ref error);
        if (error is null && orderId is null && clientId is null)
        {
            error = ExchangeErrors.EitherParameter("orderId", "origClientOrderId");
        }

        var restrictions = restrictionsText switch
        {
            null => CancelRestrictions.None,
            "ONLY_NEW" => CancelRestrictions.OnlyNew,
            "ONLY_PARTIALLY_FILLED" => CancelRestrictions.OnlyPartiallyFilled,
            _ => (CancelRestrictions)(-1),
        };
        if (error is null && (int)restrictions < 0)
        {
            error = InvalidCancelRestrictions;
        }

        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        var result = call.Engine.CancelOrder(call.AccountId, new CancelRequest(symbol, orderId, clientId, newClientId, restrictions));
        if (!result.IsSuccess)
        {
            call.Fail(result.Error.Value);
            return;
        }

        OrderJson.WriteCanceled(call.Json, result.Value);
    }

    private static void CancelOpenOrders(RestCall call)
    {
        ExchangeError? error = null;
        var symbol = call.Parameters.Symbol(call.Engine, ref error);
        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        var result = call.Engine.CancelOpenOrders(call.AccountId, symbol);
        if (!result.IsSuccess)
        {
            call.Fail(result.Error.Value);
            return;
        }

        var w = call.Json;
        w.WriteStartArray();
        foreach (var c in result.Value)
        {
            OrderJson.WriteCanceled(w, c);
        }

        w.WriteEndArray();
    }

    private static void OpenOrders(RestCall call)
    {
        ExchangeError? error = null;
        var symbol = call.Parameters.OptionalSymbol(call.Engine, ref error);
        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        WriteOrders(call, call.Engine.OpenOrders(call.AccountId, symbol));
    }

    private static void AllOrders(RestCall call)
    {
        var p = call.Parameters;
        ExchangeError? error = null;
        var symbol = p.Symbol(call.Engine, ref error);
        var query = ParseHistory(p, "orderId", ref error);
        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        WriteOrders(call, call.Engine.AllOrders(call.AccountId, symbol, query));
    }

    /// <summary>Paging parameters shared by allOrders and myTrades: <c>-1127</c> when more than 24 h apart.</summary>
    public static HistoryQuery ParseHistory(RestParameters p, string fromIdName, ref ExchangeError? error)
    {
        var fromId = p.Long(fromIdName, ref error);
        var start = p.Time("startTime", ref error);
        var end = p.Time("endTime", ref error);
        var limit = p.Int("limit", ref error);
        if (error is null && limit is 0)
        {
            error = ParamReader.NotValid("limit");
        }

        if (error is null && start is { } s && end is { } en && (en - s > TimeSpan.FromHours(24) || en < s))
        {
            error = MoreThan24Hours;
        }

        return new HistoryQuery { FromId = fromId, StartTime = start, EndTime = end, Limit = limit ?? HistoryQuery.DefaultLimit };
    }

    private static void WriteOrders(RestCall call, ExchangeResult<IReadOnlyList<OrderSnapshot>> result)
    {
        if (!result.IsSuccess)
        {
            call.Fail(result.Error.Value);
            return;
        }

        var w = call.Json;
        w.WriteStartArray();
        var orders = result.Value;
        for (var i = 0; i < orders.Count; i++)
        {
            OrderJson.WriteOrder(w, orders[i]);
        }

        w.WriteEndArray();
    }
}

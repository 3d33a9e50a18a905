using Microsoft.AspNetCore.Routing;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Rest;

/// <summary>The two wallet endpoints ccxt calls with loopback options: <c>system/status</c> and <c>asset/tradeFee</c>.</summary>
internal static class RestSapiEndpoints
{
    public static void MapRestSapi(this IEndpointRouteBuilder endpoints, SimulatorContext context)
    {
        endpoints.Map(context, new("GET", "/sapi/v1/system/status", false, [], static _ => 1, static call =>
        {
            call.Json.WriteStartObject();
            call.Json.WriteNumber("status"u8, 0);
            call.Json.WriteString("msg"u8, "normal"u8);
            call.Json.WriteEndObject();
        }));
        endpoints.Map(context, new("GET", "/sapi/v1/asset/tradeFee", true, ["symbol"], static _ => 1, TradeFee));
    }

    private static void TradeFee(RestCall call)
    {
        ExchangeError? error = null;
        var symbol = call.Parameters.OptionalSymbol(call.Engine, ref error);
        var account = call.Engine.GetAccount(call.AccountId);
        if (error is null && !account.IsSuccess)
        {
            error = account.Error;
        }

        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        var rates = account.Value!.Commission;
        var w = call.Json;
        w.WriteStartArray();
        foreach (var rules in call.Simulator.Options.Symbols)
        {
            if (symbol is { } s && s != rules.Symbol)
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("symbol"u8, rules.Symbol.Value);
            w.WriteDecimal("makerCommission"u8, rates.Maker);
            w.WriteDecimal("takerCommission"u8, rates.Taker);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}

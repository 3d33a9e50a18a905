using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Rest;

/// <summary>Public market-data endpoints answered from the hub's bounded history: <c>trades</c>, <c>aggTrades</c>,
/// <c>klines</c>, <c>uiKlines</c>, <c>avgPrice</c>, <c>ticker/24hr</c>, <c>ticker/price</c>, <c>ticker/bookTicker</c>.</summary>
/// <remarks>History is what the hub keeps (by default the last 1000 trades and 1000 candles per interval);
/// <c>limit</c> above 1000 is served as 1000.</remarks>
internal static class RestMarketDataEndpoints
{
    public static ExchangeError InvalidInterval { get; } = new(-1120, "Invalid interval.");

    public static void MapRestMarketData(this IEndpointRouteBuilder endpoints, SimulatorContext context)
    {
        endpoints.Map(context, new("GET", "/api/v3/trades", false, ["symbol", "limit"], static _ => 25, Trades));
        endpoints.Map(context, new("GET", "/api/v3/aggTrades", false, ["symbol", "fromId", "startTime", "endTime", "limit"], static _ => 4, AggregateTrades));
        string[] klineParameters = ["symbol", "interval", "startTime", "endTime", "timeZone", "limit"];
        endpoints.Map(context, new("GET", "/api/v3/klines", false, klineParameters, static _ => 2, Klines));
        endpoints.Map(context, new("GET", "/api/v3/uiKlines", false, klineParameters, static _ => 2, Klines));
        endpoints.Map(context, new("GET", "/api/v3/avgPrice", false, ["symbol"], static _ => 2, AveragePrice));
        endpoints.Map(context, new("GET", "/api/v3/ticker/24hr", false, ["symbol", "symbols", "type"], static p => ListWeight(p, 2, 40, 80), Ticker24h));
        endpoints.Map(context, new("GET", "/api/v3/ticker/price", false, ["symbol", "symbols"], static p => ListWeight(p, 2, 4, 4), TickerPrice));
        endpoints.Map(context, new("GET", "/api/v3/ticker/bookTicker", false, ["symbol", "symbols"], static p => ListWeight(p, 2, 4, 4), BookTicker));
    }

    /// <summary>Binance's weights: one symbol, a <c>symbols</c> list, or every symbol.</summary>
    private static int ListWeight(RestParameters p, int single, int list, int all) =>
        p.Get("symbol") is not null ? single : p.Get("symbols") is not null ? list : all;

    private static void Trades(RestCall call)
    {
        ExchangeError? error = null;
        var symbol = call.Parameters.Symbol(call.Engine, ref error);
        var limit = Limit(call.Parameters, ref error);
        Answer(call, error, w => call.Simulator.Hub.WriteTrades(w, symbol, limit));
    }

    private static void AggregateTrades(RestCall call)
    {
        ExchangeError? error = null;
        var p = call.Parameters;
        var symbol = p.Symbol(call.Engine, ref error);
        var fromId = p.Long("fromId", ref error);
        var start = p.Time("startTime", ref error);
        var end = p.Time("endTime", ref error);
        var limit = Limit(p, ref error);
        if (error is null && (fromId is not null && (start is not null || end is not null) || start > end))
        {
            error = RestGeneralEndpoints.BadCombination;
        }

        Answer(call, error, w => call.Simulator.Hub.WriteAggregateTrades(w, symbol, fromId, start, end, limit));
    }

    private static void Klines(RestCall call)
    {
        ExchangeError? error = null;
        var p = call.Parameters;
        var symbol = p.Symbol(call.Engine, ref error);
        var code = p.Required("interval", ref error);
        var start = p.Time("startTime", ref error);
        var end = p.Time("endTime", ref error);
        var limit = Limit(p, ref error);
        var timeZone = p.Optional("timeZone", ref error);
        KlineInterval interval = default;
        if (error is null && !KlineIntervals.TryParse(code, out interval))
        {
            error = InvalidInterval;
        }

        if (error is null && timeZone is not (null or "0" or "+0:00" or "+00:00" or "0:00"))
        {
            // Candles in another time zone would need their own history; only UTC is kept.
            error = ParamReader.NotValid("timeZone");
        }

        if (error is null && start > end)
        {
            error = RestGeneralEndpoints.BadCombination;
        }

        Answer(call, error, w => call.Simulator.Hub.WriteKlines(w, symbol, interval, start, end, limit));
    }

    private static void AveragePrice(RestCall call)
    {
        ExchangeError? error = null;
        var symbol = call.Parameters.Symbol(call.Engine, ref error);
        Answer(call, error, w => call.Simulator.Hub.WriteAveragePrice(w, symbol));
    }

    private static void Ticker24h(RestCall call)
    {
        ExchangeError? error = null;
        var type = call.Parameters.Optional("type", ref error) ?? "FULL";
        if (error is null && type is not ("FULL" or "MINI"))
        {
            error = ExchangeErrors.IllegalChars("type", "FULL, MINI");
        }

        var (symbols, asArray) = SymbolsOf(call, ref error);
        Answer(call, error, w => call.Simulator.Hub.WriteTicker24h(w, symbols, type == "MINI", asArray));
    }

    private static void TickerPrice(RestCall call)
    {
        ExchangeError? error = null;
        var (symbols, asArray) = SymbolsOf(call, ref error);
        Answer(call, error, w => call.Simulator.Hub.WriteTickerPrice(w, symbols, asArray));
    }

    private static void BookTicker(RestCall call)
    {
        ExchangeError? error = null;
        var (symbols, asArray) = SymbolsOf(call, ref error);
        Answer(call, error, w => call.Simulator.Hub.WriteBookTicker(w, symbols, asArray));
    }

    /// <summary><c>symbol</c> (one object), <c>symbols=[...]</c> (an array) or neither (every symbol, an array).</summary>
    private static (IReadOnlyList<Symbol> Symbols, bool AsArray) SymbolsOf(RestCall call, ref ExchangeError? error)
    {
        var p = call.Parameters;
        var single = p.OptionalSymbol(call.Engine, ref error);
        var list = p.Optional("symbols", ref error);
        if (error is not null)
        {
            return ([], false);
        }

        if (single is { } s)
        {
            if (list is not null)
            {
                error = RestGeneralEndpoints.BadCombination;
            }

            return ([s], false);
        }

        var rules = new List<SymbolRules>();
        if (list is not null)
        {
            error = RestGeneralEndpoints.ParseSymbolList(call.Engine, list, rules);
        }
        else
        {
            foreach (var r in call.Simulator.Options.Symbols)
            {
                rules.Add(r);
            }
        }

        var symbols = new Symbol[rules.Count];
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = rules[i].Symbol;
        }

        return (symbols, true);
    }

    private static int Limit(RestParameters p, ref ExchangeError? error)
    {
        var limit = p.Int("limit", ref error) ?? 500;
        if (error is null && limit <= 0)
        {
            error = ParamReader.NotValid("limit");
        }

        return limit;
    }

    private static void Answer(RestCall call, ExchangeError? error, Func<Utf8JsonWriter, bool> write)
    {
        if (error is { } e)
        {
            call.Fail(e);
        }
        else if (!write(call.Json))
        {
            call.Fail(ExchangeErrors.InvalidSymbol);
        }
    }
}

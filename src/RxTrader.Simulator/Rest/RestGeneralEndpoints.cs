using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Rest;

/// <summary>Public general endpoints: <c>ping</c>, <c>time</c>, <c>exchangeInfo</c>, <c>depth</c>.</summary>
internal static class RestGeneralEndpoints
{
    public const int MaxDepthLimit = 5000;

    public static ExchangeError BadSymbolsList { get; } = ExchangeErrors.IllegalChars(
        "symbols", @"^\[(""[A-Z0-9-_.]{1,20}""(,""[A-Z0-9-_.]{1,20}""){0,}){0,1}\]$");

    public static ExchangeError BadCombination { get; } = new(-1128, "Combination of optional parameters invalid.");

    public static void MapRestGeneral(this IEndpointRouteBuilder endpoints, SimulatorContext context)
    {
        endpoints.Map(context, new("GET", "/api/v3/ping", false, [], static _ => 1, static call =>
        {
            call.Json.WriteStartObject();
            call.Json.WriteEndObject();
        }));
        endpoints.Map(context, new("GET", "/api/v3/time", false, [], static _ => 1, static call =>
        {
            call.Json.WriteStartObject();
            call.Json.WriteNumber("serverTime"u8, call.ServerTimeMs);
            call.Json.WriteEndObject();
        }));
        endpoints.Map(context, new(
            "GET", "/api/v3/exchangeInfo", false, ["symbol", "symbols", "permissions", "symbolStatus", "showPermissionSets"], static _ => 20, ExchangeInfo));
        endpoints.Map(context, new("GET", "/api/v3/depth", false, ["symbol", "limit"], DepthWeight, Depth));
    }

    /// <summary>5 (limit 1–100), 25 (101–500), 50 (501–1000), 250 (1001–5000).</summary>
    public static int DepthWeight(RestParameters p)
    {
        ExchangeError? error = null;
        var limit = p.Int("limit", ref error) ?? 100;
        return limit switch
        {
            <= 100 => 5,
            <= 500 => 25,
            <= 1000 => 50,
            _ => 250,
        };
    }

    private static void Depth(RestCall call)
    {
        ExchangeError? error = null;
        var symbol = call.Parameters.Symbol(call.Engine, ref error);
        var limit = call.Parameters.Int("limit", ref error);
        if (error is null && limit is 0)
        {
            error = ParamReader.NotValid("limit");
        }

        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        var depth = call.Engine.GetDepth(symbol, Math.Min(limit ?? 100, MaxDepthLimit));
        if (!depth.IsSuccess)
        {
            call.Fail(depth.Error.Value);
            return;
        }

        var w = call.Json;
        w.WriteStartObject();
        w.WriteNumber("lastUpdateId"u8, depth.Value.LastUpdateId);
        w.WritePropertyName("bids"u8);
        WriteLevels(w, depth.Value.Bids);
        w.WritePropertyName("asks"u8);
        WriteLevels(w, depth.Value.Asks);
        w.WriteEndObject();
    }

    private static void WriteLevels(Utf8JsonWriter w, ImmutableArray<BookLevel> levels)
    {
        w.WriteStartArray();
        for (var i = 0; i < levels.Length; i++)
        {
            w.WriteStartArray();
            w.WriteDecimalValue(levels[i].Price);
            w.WriteDecimalValue(levels[i].Quantity);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static void ExchangeInfo(RestCall call)
    {
        ExchangeError? error = null;
        var p = call.Parameters;
        var single = p.OptionalSymbol(call.Engine, ref error);
        var list = p.Optional("symbols", ref error);
        var status = p.Optional("symbolStatus", ref error);
        _ = p.Optional("permissions", ref error);
        var showPermissionSets = p.Bool("showPermissionSets", ref error) ?? true;
        if (error is null && (single is not null && list is not null || (status is not null && (single is not null || list is not null))))
        {
            error = BadCombination;
        }

        if (error is null && status is not null && status is not ("TRADING" or "HALT" or "BREAK"))
        {
            error = ExchangeErrors.IllegalChars("symbolStatus", "TRADING, HALT, BREAK");
        }

        List<SymbolRules> rules = [];
        if (error is null && single is { } s)
        {
            rules.Add(call.Engine.GetSymbol(s)!);
        }
        else if (error is null && list is not null)
        {
            error = ParseSymbolList(call.Engine, list, rules);
        }
        else if (error is null)
        {
            foreach (var r in call.Simulator.Options.Symbols)
            {
                var current = call.Engine.GetSymbol(r.Symbol) ?? r;
                if (status is null || WireText.Of(current.Status).SequenceEqual(System.Text.Encoding.ASCII.GetBytes(status)))
                {
                    rules.Add(current);
                }
            }
        }

        if (error is { } e)
        {
            call.Fail(e);
            return;
        }

        ExchangeInfoWriter.Write(call.Json, call.ServerTimeMs, call.Simulator.Options.RateLimits, rules, showPermissionSets);
    }

    /// <summary>Parses <c>["BTCUSDT","ETHUSDT"]</c>; every symbol must exist.</summary>
    internal static ExchangeError? ParseSymbolList(MatchingEngine engine, string list, List<SymbolRules> rules)
    {
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(list));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return BadSymbolsList;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    return BadSymbolsList;
                }

                var text = reader.GetString()!;
                if (text.Length is 0 or > 20 || !IsUpperAlphanumeric(text))
                {
                    return BadSymbolsList;
                }

                if (engine.GetSymbol(new Symbol(text)) is not { } r)
                {
                    return ExchangeErrors.InvalidSymbol;
                }

                rules.Add(r);
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return BadSymbolsList;
            }

            return rules.Count == 0 ? BadSymbolsList : null;
        }
        catch (JsonException)
        {
            return BadSymbolsList;
        }
    }

    private static bool IsUpperAlphanumeric(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

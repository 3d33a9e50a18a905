using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Rest;

/// <summary>Maps a <c>GET /api/v3/depth</c> body to a <see cref="DepthSnapshot"/>.</summary>
internal static class DepthMapper
{
    public static DepthSnapshot Map(JToken body, Symbol symbol)
    {
        var root = WireJson.Object(body, "depth");
        return new DepthSnapshot(
            symbol,
            WireJson.Long(root["lastUpdateId"], "lastUpdateId"),
            Levels(root["bids"], "bids"),
            Levels(root["asks"], "asks"));
    }

    private static ImmutableArray<BookLevel> Levels(JToken? token, string side)
    {
        var array = WireJson.Array(token, side);
        var builder = ImmutableArray.CreateBuilder<BookLevel>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var level = WireJson.Array(array[i], $"{side}[{i}]");
            if (level.Count < 2)
            {
                throw new FormatException($"{side}[{i}]: expected [price, quantity], got {level.Count} element(s).");
            }

            builder.Add(new BookLevel(
                WireJson.Decimal(level[0], $"{side}[{i}] price"),
                WireJson.Decimal(level[1], $"{side}[{i}] quantity")));
        }

        return builder.MoveToImmutable();
    }
}

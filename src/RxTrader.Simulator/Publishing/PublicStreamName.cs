using RxTrader.Binance.Wire;
using RxTrader.Core;

namespace RxTrader.Simulator.Publishing;

/// <summary>A parsed public stream name: the canonical wire name and what it asks for.</summary>
/// <param name="Name">The canonical wire name (<c>@1000ms</c> is dropped), the key subscribers share.</param>
/// <param name="Symbol">The symbol; <c>default</c> for <see cref="PublicStreamKind.AllMiniTickers"/>.</param>
/// <param name="Kind">The stream kind.</param>
/// <param name="Interval">The kline interval of a <see cref="PublicStreamKind.Kline"/> stream.</param>
/// <param name="Levels">5, 10 or 20 for <see cref="PublicStreamKind.PartialDepth"/>; 0 otherwise.</param>
/// <param name="Speed">The update speed of a depth stream.</param>
public readonly record struct PublicStreamName(
    string Name,
    Symbol Symbol,
    PublicStreamKind Kind,
    KlineInterval Interval,
    int Levels,
    DepthUpdateSpeed Speed)
{
    private const string AllMiniTickersName = "!miniTicker@arr";
    private const string AveragePriceSuffix = "@avgPrice";

    /// <summary>Parses a wire stream name (syntax only; the hub also checks the symbol exists).</summary>
    /// <param name="text">The name, e.g. <c>btcusdt@kline_1m</c>.</param>
    /// <param name="stream">The parsed stream, or <c>default</c>.</param>
    public static bool TryParse(string? text, out PublicStreamName stream)
    {
        stream = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text == AllMiniTickersName)
        {
            stream = new(AllMiniTickersName, default, PublicStreamKind.AllMiniTickers, default, 0, default);
            return true;
        }

        if (text.EndsWith(AveragePriceSuffix, StringComparison.Ordinal))
        {
            // The wire codec does not know avgPrice: parse the symbol with a trade name of the same symbol.
            var symbolPart = text[..^AveragePriceSuffix.Length];
            if (!StreamName.TryParse(symbolPart + "@trade", out var trade))
            {
                return false;
            }

            stream = new(text, trade.Symbol, PublicStreamKind.AveragePrice, default, 0, default);
            return true;
        }

        if (!StreamName.TryParse(text, out var name))
        {
            return false;
        }

        var kind = name.Kind switch
        {
            StreamKind.Trade => PublicStreamKind.Trade,
            StreamKind.AggregateTrade => PublicStreamKind.AggregateTrade,
            StreamKind.Kline => PublicStreamKind.Kline,
            StreamKind.MiniTicker => PublicStreamKind.MiniTicker,
            StreamKind.Ticker => PublicStreamKind.Ticker,
            StreamKind.BookTicker => PublicStreamKind.BookTicker,
            StreamKind.PartialDepth => PublicStreamKind.PartialDepth,
            _ => PublicStreamKind.DiffDepth,
        };
        stream = new(name.ToString(), name.Symbol, kind, name.Interval, name.Levels, name.Speed);
        return true;
    }
}

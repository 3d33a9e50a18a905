using RxTrader.Core;

namespace RxTrader.Binance.Wire;

/// <summary>A per-symbol market stream name such as <c>btcusdt@trade</c> or <c>btcusdt@depth10@100ms</c>.</summary>
/// <remarks>
/// Build one with the factories (<see cref="Trade"/>, <see cref="Kline"/>, <see cref="PartialDepth"/> …) and
/// write it with <see cref="ToString"/>; read one with <see cref="TryParse"/>. Parsing is strict: the symbol
/// part is lower-case letters and digits, the rest is case-sensitive as on the wire. The <c>@1000ms</c>
/// suffix some clients send is read as the default speed, so it formats back without the suffix.
/// </remarks>
public readonly record struct StreamName
{
    private const string FastSuffix = "@100ms";
    private const string SlowSuffix = "@1000ms";

    private StreamName(Symbol symbol, StreamKind kind, KlineInterval interval = default, int levels = 0,
        DepthUpdateSpeed speed = DepthUpdateSpeed.Every1000Ms)
    {
        if (symbol.IsDefault)
        {
            throw new ArgumentException("A stream needs a symbol.", nameof(symbol));
        }

        (Symbol, Kind, Interval, Levels, Speed) = (symbol, kind, interval, levels, speed);
    }

    /// <summary>The symbol the stream is about.</summary>
    public Symbol Symbol { get; }

    /// <summary>The kind of stream.</summary>
    public StreamKind Kind { get; }

    /// <summary>The candle interval of a <see cref="StreamKind.Kline"/> stream; <c>default</c> otherwise.</summary>
    public KlineInterval Interval { get; }

    /// <summary>The levels per side (5, 10 or 20) of a <see cref="StreamKind.PartialDepth"/> stream; 0 otherwise.</summary>
    public int Levels { get; }

    /// <summary>The update speed of a depth stream; <see cref="DepthUpdateSpeed.Every1000Ms"/> otherwise.</summary>
    public DepthUpdateSpeed Speed { get; }

    /// <summary><c>&lt;symbol&gt;@trade</c>.</summary>
    /// <param name="symbol">The symbol; not <c>default</c>.</param>
    public static StreamName Trade(Symbol symbol) => new(symbol, StreamKind.Trade);

    /// <summary><c>&lt;symbol&gt;@aggTrade</c>.</summary>
    /// <param name="symbol">The symbol; not <c>default</c>.</param>
    public static StreamName AggregateTrade(Symbol symbol) => new(symbol, StreamKind.AggregateTrade);

    /// <summary><c>&lt;symbol&gt;@kline_&lt;interval&gt;</c>.</summary>
    /// <param name="symbol">The symbol; not <c>default</c>.</param>
    /// <param name="interval">A defined <see cref="KlineInterval"/>.</param>
    public static StreamName Kline(Symbol symbol, KlineInterval interval)
    {
        _ = interval.ToCode();
        return new(symbol, StreamKind.Kline, interval);
    }

    /// <summary><c>&lt;symbol&gt;@miniTicker</c>.</summary>
    /// <param name="symbol">The symbol; not <c>default</c>.</param>
    public static StreamName MiniTicker(Symbol symbol) => new(symbol, StreamKind.MiniTicker);

    /// <summary><c>&lt;symbol&gt;@ticker</c>.</summary>
    /// <param name="symbol">The symbol; not <c>default</c>.</param>
    public static StreamName Ticker(Symbol symbol) => new(symbol, StreamKind.Ticker);

    /// <summary><c>&lt;symbol&gt;@bookTicker</c>.</summary>
    /// <param name="symbol">The symbol; not <c>default</c>.</param>
    public static StreamName BookTicker(Symbol symbol) => new(symbol, StreamKind.BookTicker);

    /// <summary><c>&lt;symbol&gt;@depth&lt;levels&gt;</c>, with <c>@100ms</c> when fast.</summary>
    /// <param name="symbol">The symbol; not <c>default</c>.</param>
    /// <param name="levels">5, 10 or 20.</param>
    /// <param name="speed">The update speed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levels"/> is not 5, 10 or 20.</exception>
    public static StreamName PartialDepth(Symbol symbol, int levels, DepthUpdateSpeed speed = DepthUpdateSpeed.Every1000Ms)
    {
        if (levels is not (5 or 10 or 20))
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "Partial depth has 5, 10 or 20 levels.");
        }

        return new(symbol, StreamKind.PartialDepth, levels: levels, speed: speed);
    }

    /// <summary><c>&lt;symbol&gt;@depth</c>, with <c>@100ms</c> when fast.</summary>
    /// <param name="symbol">The symbol; not <c>default</c>.</param>
    /// <param name="speed">The update speed.</param>
    public static StreamName DiffDepth(Symbol symbol, DepthUpdateSpeed speed = DepthUpdateSpeed.Every1000Ms) =>
        new(symbol, StreamKind.DiffDepth, speed: speed);

    /// <summary>The wire form, e.g. <c>btcusdt@kline_1m</c>.</summary>
    public override string ToString()
    {
        var symbol = Symbol.ToStreamName();
        var speed = Speed == DepthUpdateSpeed.Every100Ms ? FastSuffix : string.Empty;
        return Kind switch
        {
            StreamKind.Trade => symbol + "@trade",
            StreamKind.AggregateTrade => symbol + "@aggTrade",
            StreamKind.Kline => symbol + "@kline_" + Interval.ToCode(),
            StreamKind.MiniTicker => symbol + "@miniTicker",
            StreamKind.Ticker => symbol + "@ticker",
            StreamKind.BookTicker => symbol + "@bookTicker",
            StreamKind.PartialDepth => $"{symbol}@depth{Levels}{speed}",
            StreamKind.DiffDepth => symbol + "@depth" + speed,
            _ => symbol,
        };
    }

    /// <summary>Parses a wire stream name; false for anything else, including <c>!</c> all-market streams.</summary>
    /// <param name="text">The name, e.g. <c>ethusdt@depth@100ms</c>.</param>
    /// <param name="name">The parsed name, or <c>default</c>.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out StreamName name)
    {
        name = default;
        var at = text.IndexOf('@');
        if (at <= 0 || at > Symbol.MaxLength || !IsStreamSymbol(text[..at]))
        {
            return false;
        }

        var rest = text[(at + 1)..];
        if (!TryParseKind(rest, out var kind, out var interval, out var levels, out var speed))
        {
            return false;
        }

        name = new StreamName(new Symbol(text[..at].ToString()), kind, interval, levels, speed);
        return true;
    }

    /// <summary>Parses a wire stream name.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a stream name <see cref="TryParse"/> reads.</exception>
    public static StreamName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var name) ? name : throw new FormatException($"'{text}' is not a stream name.");
    }

    private static bool TryParseKind(ReadOnlySpan<char> rest, out StreamKind kind, out KlineInterval interval,
        out int levels, out DepthUpdateSpeed speed)
    {
        (interval, levels, speed) = (default, 0, DepthUpdateSpeed.Every1000Ms);
        kind = rest switch
        {
            "trade" => StreamKind.Trade,
            "aggTrade" => StreamKind.AggregateTrade,
            "miniTicker" => StreamKind.MiniTicker,
            "ticker" => StreamKind.Ticker,
            "bookTicker" => StreamKind.BookTicker,
            _ => default,
        };
        if (kind != default)
        {
            return true;
        }

        if (rest.StartsWith("kline_", StringComparison.Ordinal))
        {
            kind = StreamKind.Kline;
            return KlineIntervals.TryParse(rest["kline_".Length..], out interval);
        }

        if (!rest.StartsWith("depth", StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest["depth".Length..];
        if (rest.EndsWith(FastSuffix, StringComparison.Ordinal))
        {
            speed = DepthUpdateSpeed.Every100Ms;
            rest = rest[..^FastSuffix.Length];
        }
        else if (rest.EndsWith(SlowSuffix, StringComparison.Ordinal))
        {
            rest = rest[..^SlowSuffix.Length];
        }

        (kind, levels) = rest switch
        {
            "" => (StreamKind.DiffDepth, 0),
            "5" => (StreamKind.PartialDepth, 5),
            "10" => (StreamKind.PartialDepth, 10),
            "20" => (StreamKind.PartialDepth, 20),
            _ => (default(StreamKind), 0),
        };
        return kind != default;
    }

    private static bool IsStreamSymbol(ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

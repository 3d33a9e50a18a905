using System.Globalization;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.PublicData;

/// <summary>Streams the records of one Binance public-data CSV file (data.binance.vision): klines, trades or
/// aggTrades, one line at a time (bounded memory).</summary>
/// <remarks>
/// <para>Layouts: klines have 12 columns (open time, open, high, low, close, volume, close time, quote volume, trade
/// count, taker buy base volume, taker buy quote volume, ignore); trades 7 (id, price, qty, quoteQty, time,
/// isBuyerMaker, isBestMatch); aggTrades 8 (aggId, price, qty, firstId, lastId, time, isBuyerMaker, isBestMatch).
/// A header line (a first line whose first field is not a number) is skipped; blank lines are skipped.</para>
/// <para>Times are Unix milliseconds, or microseconds (files from 2025 on): a value of 10^14 or more is read as
/// microseconds. Numbers are parsed with the invariant culture; negative numbers are malformed.</para>
/// <para>The first data line decides the layout: a wrong column count there is an unknown layout and always throws
/// <see cref="PublicDataCsvException"/>. A malformed later line throws too, naming file:line and column, unless
/// <see cref="PublicDataCsvOptions.SkipMalformedLines"/> is set: then it is skipped and counted in
/// <see cref="SkippedLines"/>. A reader is read once, by one consumer.</para>
/// </remarks>
public sealed class PublicDataCsvReader : IDisposable
{
    private const long MicrosecondsThreshold = 100_000_000_000_000;
    private const int KlineColumns = 12;
    private const int TradeColumns = 7;
    private const int AggregateTradeColumns = 8;

    private readonly TextReader _reader;
    private readonly string _source;
    private readonly PublicDataCsvOptions _options;
    private bool _started;

    /// <summary>Creates a reader over <paramref name="reader"/>; the reader is disposed with this one.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name of the input in messages (a file name).</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PublicDataCsvReader(TextReader reader, string source, PublicDataCsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        _reader = reader;
        _source = source;
        _options = options;
    }

    /// <summary>The number of malformed lines skipped so far (with <see cref="PublicDataCsvOptions.SkipMalformedLines"/>).</summary>
    public long SkippedLines { get; private set; }

    /// <summary>The number of lines read so far (the 1-based number of the last line read).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Opens the file at <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">The settings.</param>
    /// <returns>The reader; dispose it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static PublicDataCsvReader Open(string path, PublicDataCsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new PublicDataCsvReader(new StreamReader(stream, System.Text.Encoding.UTF8, true, 1 << 16), path, options);
    }

    /// <summary>Reads the file as klines (closed candles; the interval is close time − open time + 1 unit).</summary>
    /// <returns>The candles, lazily.</returns>
    /// <exception cref="InvalidOperationException">The reader was already read.</exception>
    public IEnumerable<Candle> ReadKlines()
    {
        Start();
        return Read(KlineColumns, "klines (open time, open, high, low, close, volume, close time, quote volume, trade count, taker buy base volume, taker buy quote volume, ignore)", ParseKline);
    }

    /// <summary>Reads the file as trades.</summary>
    /// <returns>The trades, lazily.</returns>
    /// <exception cref="InvalidOperationException">The reader was already read.</exception>
    public IEnumerable<Trade> ReadTrades()
    {
        Start();
        return Read(TradeColumns, "trades (id, price, qty, quoteQty, time, isBuyerMaker, isBestMatch)", ParseTrade);
    }

    /// <summary>Reads the file as aggregate trades.</summary>
    /// <returns>The aggregate trades, lazily.</returns>
    /// <exception cref="InvalidOperationException">The reader was already read.</exception>
    public IEnumerable<AggregateTrade> ReadAggregateTrades()
    {
        Start();
        return Read(AggregateTradeColumns, "aggTrades (aggId, price, qty, firstId, lastId, time, isBuyerMaker, isBestMatch)", ParseAggregateTrade);
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();

    private void Start()
    {
        if (_started)
        {
            throw new InvalidOperationException("A public-data CSV reader is read once.");
        }

        _started = true;
    }

    private delegate T LineParser<out T>(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields, ref int column);

    private IEnumerable<T> Read<T>(int columns, string layout, LineParser<T> parse)
    {
        var sawData = false;
        var ranges = new Range[columns + 1];
        while (_reader.ReadLine() is { } text)
        {
            LineNumber++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var ok = TryParseLine(text, ranges, columns, parse, out var value, out var column, out var problem);
            if (!sawData)
            {
                if (LineNumber == 1 && IsHeader(text))
                {
                    continue;
                }

                if (CountFields(text) != columns)
                {
                    throw new PublicDataCsvException(_source, LineNumber, 0, $"unknown layout: {CountFields(text)} columns; expected {columns} for {layout}.");
                }

                sawData = true;
            }

            if (ok)
            {
                yield return value!;
            }
            else if (_options.SkipMalformedLines)
            {
                SkippedLines++;
            }
            else
            {
                throw new PublicDataCsvException(_source, LineNumber, column, problem);
            }
        }
    }

    private static bool IsHeader(string text)
    {
        var end = text.IndexOf(',', StringComparison.Ordinal);
        var first = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        return !long.TryParse(first.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static int CountFields(string text) => text.AsSpan().Count(',') + 1;

    private static bool TryParseLine<T>(string text, Range[] ranges, int columns, LineParser<T> parse, out T? value, out int column, out string problem)
    {
        var line = text.AsSpan().TrimEnd();
        var count = line.Split(ranges, ',');
        column = 0;
        if (count != columns)
        {
            value = default;
            problem = string.Create(CultureInfo.InvariantCulture, $"{CountFields(text)} columns; expected {columns}.");
            return false;
        }

        try
        {
            value = parse(line, ranges, ref column);
            problem = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            value = default;
            problem = e.Message;
            return false;
        }
    }

    private Candle ParseKline(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, ref int column)
    {
        var open = Time(line, f, 0, ref column, out var openUnit);
        var openPrice = Decimal(line, f, 1, ref column);
        var high = Decimal(line, f, 2, ref column);
        var low = Decimal(line, f, 3, ref column);
        var close = Decimal(line, f, 4, ref column);
        var volume = Decimal(line, f, 5, ref column);
        var closeTime = Time(line, f, 6, ref column, out _);
        var quoteVolume = Decimal(line, f, 7, ref column);
        var count = Long(line, f, 8, ref column);
        var takerBase = Decimal(line, f, 9, ref column);
        var takerQuote = Decimal(line, f, 10, ref column);
        var interval = closeTime - open + openUnit;
        if (interval <= TimeSpan.Zero)
        {
            column = 7;
            throw new FormatException("the close time is before the open time.");
        }

        // The Core convention: the close time is the last millisecond of the interval (also for µs files).
        return new Candle(_options.Symbol, interval, open, open + interval - TimeSpan.FromMilliseconds(1), openPrice, high, low, close, volume, quoteVolume, count, takerBase, takerQuote, IsClosed: true);
    }

    private Trade ParseTrade(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, ref int column)
    {
        var id = Long(line, f, 0, ref column);
        var price = Decimal(line, f, 1, ref column);
        var quantity = Decimal(line, f, 2, ref column);
        Decimal(line, f, 3, ref column);
        var time = Time(line, f, 4, ref column, out _);
        var buyerMaker = Bool(line, f, 5, ref column);
        Bool(line, f, 6, ref column);
        return new Trade(_options.Symbol, id, price, quantity, time, time, buyerMaker);
    }

    private AggregateTrade ParseAggregateTrade(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, ref int column)
    {
        var id = Long(line, f, 0, ref column);
        var price = Decimal(line, f, 1, ref column);
        var quantity = Decimal(line, f, 2, ref column);
        var first = Long(line, f, 3, ref column);
        var last = Long(line, f, 4, ref column);
        var time = Time(line, f, 5, ref column, out _);
        var buyerMaker = Bool(line, f, 6, ref column);
        Bool(line, f, 7, ref column);
        return new AggregateTrade(_options.Symbol, id, price, quantity, first, last, time, time, buyerMaker);
    }

    private static decimal Decimal(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int index, ref int column)
    {
        column = index + 1;
        var text = line[f[index]].Trim();
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a non-negative decimal number.");
    }

    private static long Long(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int index, ref int column)
    {
        column = index + 1;
        var text = line[f[index]].Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a non-negative whole number.");
    }

    private static bool Bool(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int index, ref int column)
    {
        column = index + 1;
        var text = line[f[index]].Trim();
        return bool.TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not true or false.");
    }

    private static DateTimeOffset Time(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int index, ref int column, out TimeSpan unit)
    {
        var value = Long(line, f, index, ref column);
        try
        {
            if (value >= MicrosecondsThreshold)
            {
                unit = TimeSpan.FromTicks(TimeSpan.TicksPerMicrosecond);
                return DateTimeOffset.UnixEpoch.AddTicks(checked(value * TimeSpan.TicksPerMicrosecond));
            }

            unit = TimeSpan.FromMilliseconds(1);
            return DateTimeOffset.FromUnixTimeMilliseconds(value);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new FormatException($"'{value}' is not a Unix time in milliseconds or microseconds.");
        }
    }
}

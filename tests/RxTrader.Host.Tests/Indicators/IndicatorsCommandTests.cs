using System.Globalization;
using RxTrader.Host.Cli;
using RxTrader.Streams.Indicators;
using RxTrader.Testing;

namespace RxTrader.Host.Tests.Indicators;

public sealed class IndicatorsCommandTests : IDisposable
{
    private const long Start = 1_704_067_200_000; // 2024-01-01T00:00:00Z

    private readonly string _folder = Directory.CreateTempSubdirectory("rxtrader-indicators-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Indicators_SmallFixture_GoldenOutput()
    {
        var data = Write("BTCUSDT-1m-2024-01-01.csv",
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore",
            Kline(0, 10m, 11m, 9m, 10m, 1m),
            Kline(1, 10m, 12m, 10m, 12m, 3m),
            Kline(2, 12m, 13m, 11m, 11m, 2m));

        (await RunAsync("indicators", "--data", data, "--indicators", "sma:2,ema:2,vwap")).ShouldBe(0, _error.ToString());

        _output.ToString().ShouldBe(
            "open_time,open,high,low,close,volume,sma_2,ema_2,vwap\n"
            + "2024-01-01T00:00:00Z,10,11,9,10,1,,,10\n"
            + "2024-01-01T00:01:00Z,10,12,10,12,3,11,11,"
            + ((((10.0 * 1) + ((34.0 / 3) * 3)) / 4).ToString("R", CultureInfo.InvariantCulture)) + "\n"
            + "2024-01-01T00:02:00Z,12,13,11,11,2,11.5,"
            + (((11 - 11.0) * (2.0 / 3)) + 11).ToString("R", CultureInfo.InvariantCulture) + ","
            + ((((10.0 * 1) + ((34.0 / 3) * 3) + (((13.0 + 11 + 11) / 3) * 2)) / 6).ToString("R", CultureInfo.InvariantCulture)) + "\n");
        _error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Indicators_AllKinds_ValuesMatchTheCalculators()
    {
        var bars = Bars(60, seed: 7);
        var data = Write("ETHUSDT-1m.csv", bars.Select(static (b, i) => Kline(i, b.Open, b.High, b.Low, b.Close, b.Volume)).ToArray());
        var output = Path.Combine(_folder, "out.csv");

        (await RunAsync("indicators", "--data", data, "--indicators", "ema:20,rsi:14,macd:12:26:9,bb:20:2,atr:14,sma:5", "--out", output)).ShouldBe(0, _error.ToString());

        var lines = File.ReadAllLines(output);
        lines[0].ShouldBe("open_time,open,high,low,close,volume,ema_20,rsi_14,macd_12_26_9,macd_signal_12_26_9,macd_histogram_12_26_9,bb_lower_20_2,bb_middle_20_2,bb_upper_20_2,atr_14,sma_5");
        lines.Length.ShouldBe(61);
        File.Exists(output + ".partial").ShouldBeFalse();
        _output.ToString().ShouldBeEmpty();

        var ema = new ExponentialMovingAverage(20);
        var rsi = new RelativeStrengthIndex(14);
        var macd = new MovingAverageConvergenceDivergence(12, 26, 9);
        var bb = new BollingerBands(20, 2);
        var atr = new AverageTrueRange(14);
        var sma = new SimpleMovingAverage(5);
        for (var i = 0; i < bars.Count; i++)
        {
            var (open, high, low, close, volume) = bars[i];
            ema.Update((double)close);
            rsi.Update((double)close);
            macd.Update((double)close);
            bb.Update((double)close);
            atr.Update((double)high, (double)low, (double)close);
            sma.Update((double)close);
            string[] expected =
            [
                DateTimeOffset.FromUnixTimeMilliseconds(Start + (i * 60_000L)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                Text(open), Text(high), Text(low), Text(close), Text(volume),
                Value(ema.IsReady, ema.Current), Value(rsi.IsReady, rsi.Current),
                Value(macd.IsReady, macd.Current.Macd), Value(macd.IsReady, macd.Current.Signal), Value(macd.IsReady, macd.Current.Histogram),
                Value(bb.IsReady, bb.Current.Lower), Value(bb.IsReady, bb.Current.Middle), Value(bb.IsReady, bb.Current.Upper),
                Value(atr.IsReady, atr.Current), Value(sma.IsReady, sma.Current),
            ];
            lines[i + 1].ShouldBe(string.Join(',', expected), $"bar {i}");
        }

        // Warm-up: empty first, then filled.
        lines[19].Split(',')[6].ShouldBeEmpty();
        lines[20].Split(',')[6].ShouldNotBeEmpty();
        lines[33].Split(',')[8].ShouldBeEmpty();
        lines[34].Split(',')[8].ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Indicators_OutDash_WritesToStandardOutput()
    {
        var data = Write("k.csv", Kline(0, 1m, 1m, 1m, 1m, 1m));

        (await RunAsync("indicators", "--data", data, "--indicators", "ema:1", "--out", "-")).ShouldBe(0);

        _output.ToString().ShouldBe("open_time,open,high,low,close,volume,ema_1\n2024-01-01T00:00:00Z,1,1,1,1,1,1\n");
    }

    [Fact]
    public async Task Indicators_MicrosecondFile_SameRows()
    {
        var data = Write("k.csv", "1735689600000000,1,2,0.5,1.5,3,1735689659999999,0,1,0,0,0");

        (await RunAsync("indicators", "--data", data, "--indicators", "sma:1")).ShouldBe(0);

        _output.ToString().ShouldEndWith("2025-01-01T00:00:00Z,1,2,0.5,1.5,3,1.5\n");
    }

    [Fact]
    public async Task Help_DescribesTheVerbAndEveryOption()
    {
        (await RunAsync("indicators", "--help")).ShouldBe(0);

        var help = _output.ToString();
        foreach (var text in new[] { "--data", "--indicators", "--out", "macd:FAST:SLOW:SIGNAL", "bb:N:K", "Default:" })
        {
            help.ShouldContain(text);
        }

        _output.GetStringBuilder().Clear();
        (await RunAsync("--help")).ShouldBe(0);
        _output.ToString().ShouldContain("indicators ");
    }

    [Theory]
    [InlineData("ema:0", "invalid indicator 'ema:0' in --indicators: the period '0' must be a whole number from 1 to 100000.")]
    [InlineData("ema", "invalid indicator 'ema' in --indicators: expected ema:N with one period.")]
    [InlineData("rsi:x", "invalid indicator 'rsi:x' in --indicators: the period 'x' must be")]
    [InlineData("macd:26:12:9", "invalid indicator 'macd:26:12:9' in --indicators: the fast period (26) must be less than the slow period (12).")]
    [InlineData("macd:12:26", "invalid indicator 'macd:12:26' in --indicators: expected macd:FAST:SLOW:SIGNAL")]
    [InlineData("bb:20:0", "invalid indicator 'bb:20:0' in --indicators: the multiplier '0' must be")]
    [InlineData("vwap:3", "invalid indicator 'vwap:3' in --indicators: vwap takes no parameters")]
    [InlineData("foo:3", "invalid indicator 'foo:3' in --indicators: unknown indicator 'foo': expected ema:N")]
    [InlineData("ema:5,ema:5", "the column 'ema_5' is requested twice")]
    [InlineData(",", "invalid value ',' for --indicators")]
    public async Task BadIndicator_ExitTwoNamingIt(string list, string message)
    {
        var data = Write("k.csv", Kline(0, 1m, 1m, 1m, 1m, 1m));

        (await RunAsync("indicators", "--data", data, "--indicators", list)).ShouldBe(2);

        var lines = ErrorLines();
        lines[0].ShouldStartWith("rxtrader: ");
        lines[0].ShouldContain(message);
        lines[^1].ShouldContain("--help");
        _output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task MissingFile_ExitTwoNamingIt()
    {
        var data = Path.Combine(_folder, "nope.csv");

        (await RunAsync("indicators", "--data", data, "--indicators", "ema:2")).ShouldBe(2);

        ErrorLines()[0].ShouldBe($"rxtrader: {data}: no such file (--data).");
    }

    [Fact]
    public async Task MissingOptions_ExitTwoNamingThem()
    {
        (await RunAsync("indicators")).ShouldBe(2);

        var lines = ErrorLines();
        lines[0].ShouldContain("missing --data");
        lines[1].ShouldContain("missing --indicators");
    }

    [Fact]
    public async Task UnknownLayout_ExitTwoNamingFileAndLine()
    {
        var data = Write("trades.csv", "1,16600.5,0.01,166.005,1704067200000,true,true");

        (await RunAsync("indicators", "--data", data, "--indicators", "ema:2")).ShouldBe(2);

        ErrorLines()[0].ShouldStartWith($"rxtrader: {data}:1: unknown layout: 7 columns; expected 12 for klines");
        _output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task MalformedLine_ExitTwoNamingFileLineAndColumn_NoOutputFileLeft()
    {
        var data = Write("k.csv", Kline(0, 1m, 1m, 1m, 1m, 1m), Kline(1, 1m, 1m, 1m, 1m, 1m).Replace(",1,1,1,1,", ",1,x,1,1,", StringComparison.Ordinal));
        var output = Path.Combine(_folder, "out.csv");

        (await RunAsync("indicators", "--data", data, "--indicators", "ema:2", "--out", output)).ShouldBe(2);

        ErrorLines()[0].ShouldBe($"rxtrader: {data}:2: column 3: 'x' is not a non-negative decimal number.");
        File.Exists(output).ShouldBeFalse();
        File.Exists(output + ".partial").ShouldBeFalse();
        _error.ToString().ShouldNotContain("   at ");
    }

    [Fact]
    public async Task BadOutFolder_ExitTwoNamingIt()
    {
        var data = Write("k.csv", Kline(0, 1m, 1m, 1m, 1m, 1m));
        var output = Path.Combine(_folder, "missing", "out.csv");

        (await RunAsync("indicators", "--data", data, "--indicators", "ema:2", "--out", output)).ShouldBe(2);

        ErrorLines()[0].ShouldContain($"'{output}' for --out");
    }

    [Fact]
    public async Task EmptyFile_HeaderOnly()
    {
        var data = Write("k.csv");

        (await RunAsync("indicators", "--data", data, "--indicators", "bb:3")).ShouldBe(0);

        _output.ToString().ShouldBe("open_time,open,high,low,close,volume,bb_lower_3_2,bb_middle_3_2,bb_upper_3_2\n");
    }

    private static string Kline(int minute, decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        var openTime = Start + (minute * 60_000L);
        return string.Create(CultureInfo.InvariantCulture, $"{openTime},{open},{high},{low},{close},{volume},{openTime + 59_999},0,1,0,0,0");
    }

    private static List<(decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)> Bars(int count, int seed)
    {
        var random = new Random(seed);
        var bars = new List<(decimal, decimal, decimal, decimal, decimal)>();
        var price = 100m;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Round(open + ((decimal)random.NextDouble() * 4m) - 2m, 2);
            var high = Math.Max(open, close) + Math.Round((decimal)random.NextDouble(), 2);
            var low = Math.Min(open, close) - Math.Round((decimal)random.NextDouble(), 2);
            bars.Add((open, high, low, close, Math.Round((decimal)random.NextDouble() * 10m, 3)));
            price = close;
        }

        return bars;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Value(bool ready, double value) => ready ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Concat(lines.Select(static l => l + "\n")));
        return path;
    }

    private string[] ErrorLines() => _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private Task<int> RunAsync(params string[] args)
    {
        var context = new HostContext(_output, _error, false, _folder, new Dictionary<string, string?>(), null, TimeProvider.System, RealTime.Scheduler, CancellationToken.None);
        return RxTraderCli.RunAsync(args, context);
    }
}

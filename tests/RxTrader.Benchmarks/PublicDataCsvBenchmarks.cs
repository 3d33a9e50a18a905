using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using RxTrader.Binance.PublicData;
using RxTrader.Core;

namespace RxTrader.Benchmarks;

/// <summary>
/// Rows per second through <see cref="PublicDataCsvReader"/>: 100 k klines, trades or aggTrades lines (seeded random
/// walk, Binance's 8-decimal formatting) held in memory and read through a <see cref="StringReader"/>, so the number
/// is the parsing cost without the disk. Reported per row (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PublicDataCsvBenchmarks
{
    private const int Rows = 100_000;

    private static readonly PublicDataCsvOptions Options = new() { Symbol = new Symbol("BTCUSDT") };

    private string _klines = string.Empty;
    private string _trades = string.Empty;
    private string _aggTrades = string.Empty;

    /// <summary>Builds the three files once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var klines = new StringBuilder();
        var trades = new StringBuilder();
        var aggTrades = new StringBuilder();
        var price = 42_000m;
        const long start = 1_704_067_200_000;
        for (var i = 0; i < Rows; i++)
        {
            var open = price;
            price += random.Next(-500, 501) * 0.01m;
            var high = Math.Max(open, price) + (random.Next(0, 100) * 0.01m);
            var low = Math.Min(open, price) - (random.Next(0, 100) * 0.01m);
            var volume = random.Next(1, 100_000) * 0.00001m;
            var time = start + (i * 60_000L);
            klines.Append(CultureInfo.InvariantCulture, $"{time},{open:F8},{high:F8},{low:F8},{price:F8},{volume:F8},{time + 59_999},{volume * price:F8},{random.Next(100, 5000)},{volume / 2:F8},{volume * price / 2:F8},0\n");
            trades.Append(CultureInfo.InvariantCulture, $"{i + 1_000_000_000L},{price:F8},{volume:F8},{volume * price:F8},{start + i},{random.Next(2) == 0},True\n");
            aggTrades.Append(CultureInfo.InvariantCulture, $"{i + 500_000_000L},{price:F8},{volume:F8},{(i * 3) + 1_000_000_000L},{(i * 3) + 1_000_000_002L},{start + i},{random.Next(2) == 0},True\n");
        }

        _klines = klines.ToString();
        _trades = trades.ToString();
        _aggTrades = aggTrades.ToString();
    }

    /// <summary>12-column klines to <see cref="RxTrader.Core.MarketData.Candle"/>.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public decimal Klines()
    {
        using var reader = new PublicDataCsvReader(new StringReader(_klines), "klines.csv", Options);
        var sum = 0m;
        foreach (var candle in reader.ReadKlines())
        {
            sum += candle.Close;
        }

        return sum;
    }

    /// <summary>7-column trades to <see cref="RxTrader.Core.MarketData.Trade"/>.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public decimal Trades()
    {
        using var reader = new PublicDataCsvReader(new StringReader(_trades), "trades.csv", Options);
        var sum = 0m;
        foreach (var trade in reader.ReadTrades())
        {
            sum += trade.Quantity;
        }

        return sum;
    }

    /// <summary>8-column aggTrades to <see cref="RxTrader.Core.MarketData.AggregateTrade"/>.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public decimal AggregateTrades()
    {
        using var reader = new PublicDataCsvReader(new StringReader(_aggTrades), "aggTrades.csv", Options);
        var sum = 0m;
        foreach (var trade in reader.ReadAggregateTrades())
        {
            sum += trade.Quantity;
        }

        return sum;
    }
}

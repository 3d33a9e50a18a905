using BenchmarkDotNet.Attributes;
using RxTrader.Streams.Indicators;

namespace RxTrader.Benchmarks.Indicators;

/// <summary>One steady-state SMA(20)/EMA(20) update in double vs the same arithmetic in decimal.</summary>
[MemoryDiagnoser]
public class IndicatorDecimalVsDoubleBenchmarks
{
    private const int Mask = IndicatorBenchmarkData.Size - 1;
    private readonly IndicatorBenchmarkData _data = new();
    private readonly SimpleMovingAverage _sma = new(20);
    private readonly ExponentialMovingAverage _ema = new(20);
    private readonly DecimalSimpleMovingAverage _decimalSma = new(20);
    private readonly DecimalExponentialMovingAverage _decimalEma = new(20);
    private int _i;

    /// <summary>Warms every calculator up so the benchmarks measure the steady state.</summary>
    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < IndicatorBenchmarkData.Size; i++)
        {
            _sma.Update(_data.Close[i]);
            _ema.Update(_data.Close[i]);
            _decimalSma.Update(_data.Closes[i]);
            _decimalEma.Update(_data.Closes[i]);
        }
    }

    [Benchmark(Baseline = true)]
    public double SmaDouble() => _sma.Update(_data.Close[_i++ & Mask]) ? _sma.Current : 0;

    [Benchmark]
    public decimal SmaDecimal() => _decimalSma.Update(_data.Closes[_i++ & Mask]) ? _decimalSma.Current : 0;

    [Benchmark]
    public double EmaDouble() => _ema.Update(_data.Close[_i++ & Mask]) ? _ema.Current : 0;

    [Benchmark]
    public decimal EmaDecimal() => _decimalEma.Update(_data.Closes[_i++ & Mask]) ? _decimalEma.Current : 0;
}

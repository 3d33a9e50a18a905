using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using RxTrader.Streams.Indicators;

namespace RxTrader.Benchmarks.Indicators;

/// <summary>One steady-state (post warm-up) update of each indicator calculator, and one element through an operator.</summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks : IDisposable
{
    private const int Mask = IndicatorBenchmarkData.Size - 1;
    private readonly IndicatorBenchmarkData _data = new();
    private readonly SimpleMovingAverage _sma = new(20);
    private readonly ExponentialMovingAverage _ema = new(20);
    private readonly RelativeStrengthIndex _rsi = new(14);
    private readonly MovingAverageConvergenceDivergence _macd = new();
    private readonly BollingerBands _bollinger = new();
    private readonly AverageTrueRange _atr = new(14);
    private readonly VolumeWeightedAveragePrice _vwap = new(TimeSpan.FromDays(1));
    private readonly Subject<double> _prices = new();
    private IDisposable? _subscription;
    private double _sink;
    private int _i;

    /// <summary>Warms every calculator up so the benchmarks measure the steady state.</summary>
    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < IndicatorBenchmarkData.Size; i++)
        {
            _sma.Update(_data.Close[i]);
            _ema.Update(_data.Close[i]);
            _rsi.Update(_data.Close[i]);
            _macd.Update(_data.Close[i]);
            _bollinger.Update(_data.Close[i]);
            _atr.Update(_data.High[i], _data.Low[i], _data.Close[i]);
            _vwap.Update(_data.OpenTime[i], _data.High[i], _data.Low[i], _data.Close[i], _data.Volume[i]);
        }

        _subscription = _prices.Sma(20).Subscribe(value => _sink = value);
    }

    [Benchmark]
    public double Sma() => _sma.Update(_data.Close[_i++ & Mask]) ? _sma.Current : 0;

    [Benchmark]
    public double Ema() => _ema.Update(_data.Close[_i++ & Mask]) ? _ema.Current : 0;

    [Benchmark]
    public double Rsi() => _rsi.Update(_data.Close[_i++ & Mask]) ? _rsi.Current : 0;

    [Benchmark]
    public MacdValue Macd() => _macd.Update(_data.Close[_i++ & Mask]) ? _macd.Current : default;

    [Benchmark]
    public BollingerValue Bollinger() => _bollinger.Update(_data.Close[_i++ & Mask]) ? _bollinger.Current : default;

    [Benchmark]
    public double Atr()
    {
        var i = _i++ & Mask;
        return _atr.Update(_data.High[i], _data.Low[i], _data.Close[i]) ? _atr.Current : 0;
    }

    [Benchmark]
    public double Vwap()
    {
        var i = _i++ & Mask;
        return _vwap.Update(_data.OpenTime[i], _data.High[i], _data.Low[i], _data.Close[i], _data.Volume[i]) ? _vwap.Current : 0;
    }

    /// <summary>One price through <c>Sma(20)</c> to a subscriber: the operator's overhead over the calculator.</summary>
    [Benchmark]
    public double SmaOperator()
    {
        _prices.OnNext(_data.Close[_i++ & Mask]);
        return _sink;
    }

    /// <inheritdoc/>
    [GlobalCleanup]
    public void Dispose()
    {
        _subscription?.Dispose();
        _prices.Dispose();
        GC.SuppressFinalize(this);
    }
}

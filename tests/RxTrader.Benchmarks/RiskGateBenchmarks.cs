using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;
using RxTrader.Trading.Risk;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost of one <see cref="RiskGate.Check"/> per signal: approvals with every limit on (the steady state: an order
/// already on the exchange's grid), an approval that needs rounding (one copy of the request), the same with only the
/// exchange filters, and a rejection (the event, no subscriber). The clock moves 1 µs per reading so a rate limit of
/// 1,000,000/s never runs dry.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RiskGateBenchmarks : IDisposable
{
    private const int Checks = 1_000;
    private static readonly Symbol Btc = new("BTCUSDT");

    private RiskGate _allLimits = null!;
    private RiskGate _filtersOnly = null!;
    private OrderRequest _onGrid = null!;
    private OrderRequest _offGrid = null!;
    private OrderRequest _market = null!;
    private OrderRequest _unknown = null!;

    /// <summary>Builds the gates, a few open orders and the requests.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var symbols = new List<SymbolInfo>();
        for (var i = 0; i < 64; i++)
        {
            symbols.Add(Info(new Symbol($"SYM{i}USDT")));
        }

        symbols.Add(Info(Btc));
        var exposure = new InMemoryRiskExposure();
        exposure.SetPosition(Btc, 0.5m);
        exposure.SetMark(Btc, 50_000m);
        for (var i = 0; i < 8; i++)
        {
            exposure.SetOpenOrder(ClientOrderId.For("bench", i), Btc, i % 2 == 0 ? Side.Buy : Side.Sell, 0.01m, 49_000m + i);
        }

        var limits = new RiskLimits
        {
            MaxPosition = 1_000m,
            MaxOrderNotional = 1_000_000m,
            MaxOpenNotional = 10_000_000m,
            MaxOpenOrders = 1_000,
            MaxOpenOrdersPerSymbol = 100,
            MaxOrdersPerSecond = 1_000_000,
            ExchangeOrderLimits = [new(TimeSpan.FromSeconds(10), int.MaxValue), new(TimeSpan.FromDays(1), int.MaxValue)],
            MaxDrawdown = 0.2m,
            MaxDailyLoss = 10_000m,
        };
        _allLimits = new RiskGate(symbols, exposure, limits, new TickingScheduler());
        _allLimits.SetDataHealth(Btc, "btcusdt@trade", DataHealth.Healthy);
        _allLimits.OnEquity(100_000m);
        _filtersOnly = new RiskGate(symbols, exposure, new RiskLimits(), new TickingScheduler());

        _onGrid = OrderRequest.Limit(ClientOrderId.For("bench", 100), Btc, Side.Buy, 0.01234m, 49_999.99m);
        _offGrid = OrderRequest.Limit(ClientOrderId.For("bench", 101), Btc, Side.Buy, 0.012345678m, 49_999.999m);
        _market = OrderRequest.Market(ClientOrderId.For("bench", 102), Btc, Side.Sell, 0.01234m);
        _unknown = OrderRequest.Limit(ClientOrderId.For("bench", 103), new Symbol("NOPEUSDT"), Side.Buy, 1m, 1m);

        // Measure what the names say: the approvals approve, the rounded one is a copy, the rejection rejects.
        if (!ReferenceEquals(_allLimits.Check(_onGrid).Order, _onGrid)
            || !ReferenceEquals(_allLimits.Check(_market).Order, _market)
            || _allLimits.Check(_offGrid).Order is not { } rounded || ReferenceEquals(rounded, _offGrid)
            || !ReferenceEquals(_filtersOnly.Check(_onGrid).Order, _onGrid)
            || _filtersOnly.Check(_unknown).IsApproved)
        {
            throw new InvalidOperationException("The benchmark's requests do not take the intended paths.");
        }
    }

    /// <summary>Completes the gates' streams.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _allLimits?.Dispose();
        _filtersOnly?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A limit order on the grid, every limit on: approved as is.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Checks)]
    public int Approve_AllLimits()
    {
        var approved = 0;
        for (var i = 0; i < Checks; i++)
        {
            approved += _allLimits.Check(_onGrid).IsApproved ? 1 : 0;
        }

        return approved;
    }

    /// <summary>A market order valued at the mark, every limit on.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int Approve_Market_AllLimits()
    {
        var approved = 0;
        for (var i = 0; i < Checks; i++)
        {
            approved += _allLimits.Check(_market).IsApproved ? 1 : 0;
        }

        return approved;
    }

    /// <summary>A limit order off the grid, every limit on: approved as a rounded copy.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int Approve_Rounded_AllLimits()
    {
        var approved = 0;
        for (var i = 0; i < Checks; i++)
        {
            approved += _allLimits.Check(_offGrid).IsApproved ? 1 : 0;
        }

        return approved;
    }

    /// <summary>A limit order on the grid, exchange filters only.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int Approve_FiltersOnly()
    {
        var approved = 0;
        for (var i = 0; i < Checks; i++)
        {
            approved += _filtersOnly.Check(_onGrid).IsApproved ? 1 : 0;
        }

        return approved;
    }

    /// <summary>An unknown symbol: the rejection record and its message, published to no subscriber.</summary>
    [Benchmark(OperationsPerInvoke = Checks)]
    public int Reject_UnknownSymbol()
    {
        var approved = 0;
        for (var i = 0; i < Checks; i++)
        {
            approved += _filtersOnly.Check(_unknown).IsApproved ? 1 : 0;
        }

        return approved;
    }

    private static SymbolInfo Info(Symbol symbol) => new(
        symbol,
        SymbolStatus.Trading,
        "BASE",
        8,
        "USDT",
        8,
        new SymbolFilters(
            new PriceFilter(0.01m, 1_000_000m, 0.01m),
            new QuantityFilter(0.00001m, 9_000m, 0.00001m),
            new QuantityFilter(0m, 100m, 0.00001m),
            new NotionalFilter(5m, null, true, false, 5)));

    /// <summary>A clock that moves 1 µs each time it is read; the gate never schedules work.</summary>
    private sealed class TickingScheduler : IScheduler
    {
        private long _ticks = TimeSpan.TicksPerDay;

        public DateTimeOffset Now => new(_ticks += 10, TimeSpan.Zero);

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) => throw new NotSupportedException();

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) => throw new NotSupportedException();

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) => throw new NotSupportedException();
    }
}

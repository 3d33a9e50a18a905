using System.Diagnostics.Metrics;
using RxTrader.Engine.Sources;

namespace RxTrader.Engine.Metrics;

/// <summary>What the engine's observable instruments read when a listener collects.</summary>
internal interface IEngineGauges
{
    int ActiveTasks();

    MarketSourceCounters Source();

    long Dropped();

    IEnumerable<Measurement<int>> OrdersByStatus();

    IEnumerable<Measurement<long>> RateLimitWeight();

    IEnumerable<Measurement<double>> Positions();

    IEnumerable<Measurement<double>> Pnl();
}

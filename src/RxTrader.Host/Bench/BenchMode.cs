namespace RxTrader.Host.Bench;

/// <summary>What <c>rxtrader bench</c> measures.</summary>
internal enum BenchMode
{
    /// <summary>Both: throughput, then latency.</summary>
    All,

    /// <summary>Messages per second with the blaster sending as fast as the socket takes frames.</summary>
    Throughput,

    /// <summary>Tick → signal and tick → order acknowledgement at a paced rate.</summary>
    Latency,
}

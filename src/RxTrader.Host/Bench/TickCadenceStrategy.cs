using System.Reactive.Linq;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Strategies;

namespace RxTrader.Host.Bench;

/// <summary>
/// The bench's strategy: a signal on every <c>N</c>th trade of its symbol, so latency has thousands of samples.
/// The side changes at most once per flip interval, and only a change of side makes an order (the engine skips a
/// <c>Buy</c> while long and a <c>Sell</c> while flat), which bounds the order rate whatever the message rate.
/// </summary>
/// <remarks>Each signal is a tick → signal sample: the trade's frame write time to the moment the strategy emits.</remarks>
internal sealed class TickCadenceStrategy : IStrategy
{
    private const string Reason = "bench cadence";
    private readonly BenchProbe _probe;
    private readonly int _signalEvery;
    private readonly long _flipInterval;

    /// <param name="probe">Where samples go.</param>
    /// <param name="signalEvery">Signal on every Nth trade.</param>
    /// <param name="flipInterval">The least time between two changes of side of one symbol, in the probe's timestamp units.</param>
    public TickCadenceStrategy(BenchProbe probe, int signalEvery, long flipInterval)
    {
        _probe = probe;
        _signalEvery = signalEvery;
        _flipInterval = flipInterval;
    }

    /// <inheritdoc/>
    public string Name => "bench-cadence";

    /// <inheritdoc/>
    public IObservable<StrategyOutput> Run(StrategyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Observable.Create<StrategyOutput>(observer =>
        {
            var state = new Cadence(this, input.Symbol, observer);
            return input.Trades.Subscribe(state.OnTrade, observer.OnError, observer.OnCompleted);
        });
    }

    // Per subscription; every call comes from the symbol's shard, one at a time.
    private sealed class Cadence(TickCadenceStrategy owner, Symbol symbol, IObserver<StrategyOutput> observer)
    {
        private long _count;
        private Side _side = Side.Sell;
        private long _lastFlip = long.MinValue / 2;

        public void OnTrade(ITradeTick tick)
        {
            var probe = owner._probe;
            probe.CountProcessed();
            if (++_count % owner._signalEvery != 0)
            {
                return;
            }

            var sent = tick is Trade trade ? probe.SendTimes.Get(trade.TradeId) : 0;
            var now = probe.Time.GetTimestamp();
            if (now - _lastFlip >= owner._flipInterval)
            {
                _lastFlip = now;
                _side = _side == Side.Buy ? Side.Sell : Side.Buy;
                probe.SetOrderOrigin(symbol, _side, sent);
            }

            if (probe.InWindow(sent))
            {
                probe.TickToSignal.Record(sent, now);
            }

            var signal = new Signal(symbol, _side, tick.Time, tick.Price, owner.Name, Reason);
            observer.OnNext(new StrategyOutput(symbol, tick.Time, tick.Price, [], signal));
        }
    }
}

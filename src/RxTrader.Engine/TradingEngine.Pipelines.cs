using System.Reactive.Linq;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;
using RxTrader.Engine.Pipelines;
using RxTrader.Engine.Sources;
using RxTrader.Streams.FlowControl;
using RxTrader.Trading.Risk;

namespace RxTrader.Engine;

public sealed partial class TradingEngine
{
    private const string MarketSource = "market";
    private const string BookSource = "book";

    private void StartOrderRouting()
    {
        var router = _router!;
        var handOff = new BoundedHandOffOptions<RoutedSignal>
        {
            Capacity = _options.HandOffCapacity,
            OverflowPolicy = OverflowPolicy.DropNewest,
            Statistics = _handOffs,
        };
        _running.Add(_signalInput.ObserveOnBounded(_schedulers.Orders, handOff).Subscribe(router.Route));
        _running.Add(Tasks.Begin("order-router"));
    }

    private void StartPipelines()
    {
        for (var i = 0; i < _options.Symbols.Count; i++)
        {
            var symbol = _options.Symbols[i];
            var pipeline = new SymbolPipeline(
                symbol,
                _strategyFactory(),
                _options,
                _schedulers.Pipelines[_shardOf[i]],
                Metrics,
                OnSignal,
                bar => OnClosedBar(symbol, bar));
            _pipelines[symbol] = pipeline;

            // Released after everything that feeds it (see StopAsync), so no queued trade reaches a disposed pipeline.
            _pipelineLifetimes.Add(pipeline);
            _running.Add(Gate.TrackDataHealth(symbol, MarketSource, _source.ConnectionEvents.Where(e => ConcernsSymbol(e, symbol))));
        }

        var timers = _schedulers.Timers;
        var timed = _source.Trades.Select(t => new TimedTrade(t, timers.Now.UtcTicks)).Publish();
        var shards = _schedulers.Pipelines;
        if (shards.Count == 1 && ReferenceEquals(shards[0], _source.DeliveryScheduler))
        {
            // The source already delivers on the only shard, behind its own bounded hand-off: a second hop would
            // only add a thread switch per trade.
            _running.Add(timed.Subscribe(Dispatch, OnSourceEnded, () => OnSourceEnded(null)));
            _running.Add(Tasks.Begin("pipeline-0"));
        }
        else
        {
            var handOff = new BoundedHandOffOptions<TimedTrade> { Capacity = _options.HandOffCapacity, Statistics = _handOffs };
            for (var shard = 0; shard < shards.Count; shard++)
            {
                var index = shard;
                var mine = shards.Count == 1 ? timed : timed.Where(t => ShardOfTrade(t) == index);
                _running.Add(mine.ObserveOnBounded(shards[shard], handOff).Subscribe(Dispatch, OnSourceEnded, () => OnSourceEnded(null)));
                _running.Add(Tasks.Begin($"pipeline-{shard}"));
            }
        }

        _running.Add(_source.ConnectionEvents.Subscribe(OnConnectionEvent));
        _running.Add(_source.BookSync.Subscribe(OnBookSync));
        _running.Add(timed.Connect());
    }

    private int ShardOfTrade(in TimedTrade trade) =>
        _symbolIndex.TryGetValue(trade.Trade.Symbol, out var index) ? _shardOf[index] : 0;

    private void Dispatch(TimedTrade trade)
    {
        if (_pipelines.TryGetValue(trade.Trade.Symbol, out var pipeline))
        {
            pipeline.OnTrade(trade);
        }
        else
        {
            Interlocked.Increment(ref _unknownSymbolTrades);
        }
    }

    private void OnSourceEnded(Exception? error)
    {
        // A source never fails by contract; if one does, the symbols stop taking orders instead of trading blind.
        foreach (var symbol in _options.Symbols)
        {
            Gate.SetDataHealth(symbol, MarketSource, DataHealth.Disconnected);
        }

        if (error is not null)
        {
            SourceError = error;
        }
    }

    /// <summary>The strategies that failed (each stopped its own symbol only), with their errors.</summary>
    /// <returns>Symbol → error, empty while every strategy runs.</returns>
    public IReadOnlyDictionary<Symbol, Exception> StrategyErrors() =>
        _pipelines.Values.Where(static p => p.StrategyError is not null).ToDictionary(static p => p.Symbol, static p => p.StrategyError!);

    /// <summary>The error a source ended with against its contract, or <see langword="null"/>.</summary>
    public Exception? SourceError { get; private set; }

    private void OnSignal(RoutedSignal routed)
    {
        // Shards emit concurrently; both subjects must see one signal at a time, in one order.
        lock (_signalGate)
        {
            _signals.OnNext(routed.Signal);
            _signalInput.OnNext(routed);
        }
    }

    private void OnConnectionEvent(ConnectionEvent e)
    {
        switch (e)
        {
            case Stale:
                Metrics.CountStale();
                break;
            case Gap gap:
                foreach (var symbol in _options.Symbols)
                {
                    if (ConcernsSymbol(gap, symbol))
                    {
                        _pipelines[symbol].MarkGap(gap.To);
                    }
                }

                break;
        }
    }

    private void OnBookSync(BookSyncChange change)
    {
        if (_pipelines.ContainsKey(change.Symbol))
        {
            Gate.SetDataHealth(change.Symbol, BookSource, change.IsSynced ? DataHealth.Healthy : DataHealth.BookUnsynced);
        }
    }

    private void OnClosedBar(Symbol symbol, Candle bar)
    {
        // After a gap the bars that span it are incomplete; the first bar that opens after the lost interval is
        // whole again, so the symbol may trade again.
        if (_pipelines[symbol].HealGapBefore(bar.OpenTime))
        {
            Gate.SetDataHealth(symbol, MarketSource, DataHealth.Healthy);
        }
    }

    private bool ConcernsSymbol(ConnectionEvent e, Symbol symbol) =>
        string.Equals(e.Source, _source.Name, StringComparison.Ordinal)
        || (e.Source.Length > symbol.Value.Length
            && e.Source[symbol.Value.Length] == '@'
            && e.Source.StartsWith(symbol.Value, StringComparison.OrdinalIgnoreCase));
}

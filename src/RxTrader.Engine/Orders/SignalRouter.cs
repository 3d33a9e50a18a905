using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;
using RxTrader.Engine.Metrics;
using RxTrader.Engine.Pipelines;
using RxTrader.Strategies;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;

namespace RxTrader.Engine.Orders;

/// <summary>
/// Turns signals into orders, on the order scheduler: <c>Buy</c> while flat buys <see cref="TradingEngineOptions.OrderQuoteAmount"/>
/// of the quote asset at market; <c>Sell</c> while long sells the whole position at market. A signal that needs no
/// order (already there, an order of the symbol still in flight, engine stopping) is counted and skipped. Every
/// order goes through <see cref="OrderEntry"/>: the risk gate, then the journaled order manager.
/// </summary>
/// <remarks>
/// A position smaller than the symbol's minimum market quantity or notional is flat (dust no order can close).
/// A sell sells what is held, not the position: commissions paid in the base asset were taken from the bought
/// quantity, so the position (which counts fees in the quote asset) is larger than the balance by that much.
/// </remarks>
internal sealed class SignalRouter
{
    private readonly OrderEntry _entry;
    private readonly OrderManager _manager;
    private readonly IScheduler _clock;
    private readonly EngineMetrics _metrics;
    private readonly TradingEngineOptions _options;
    private readonly ConcurrentDictionary<Symbol, Task> _inFlight = new();
    private readonly IReadOnlyDictionary<Symbol, SymbolInfo> _symbols;
    private readonly OrderJournal _journal;
    private readonly Dictionary<Symbol, List<ClientOrderId>> _buysSinceFlat = [];
    private long _sequence;
    private volatile bool _accepting = true;

    public SignalRouter(
        OrderEntry entry,
        OrderManager manager,
        OrderJournal journal,
        IReadOnlyDictionary<Symbol, SymbolInfo> symbols,
        IScheduler clock,
        EngineMetrics metrics,
        TradingEngineOptions options,
        long firstSequence)
    {
        _journal = journal;
        _symbols = symbols;
        _entry = entry;
        _manager = manager;
        _clock = clock;
        _metrics = metrics;
        _options = options;
        _sequence = firstSequence - 1;
    }

    /// <summary>Orders whose submission has not completed yet.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>Stops turning signals into orders; returns when the submissions in flight have completed.</summary>
    public Task StopAcceptingAsync()
    {
        _accepting = false;
        return Task.WhenAll(_inFlight.Values);
    }

    /// <summary>Routes one signal (on the order scheduler, one at a time).</summary>
    public void Route(RoutedSignal routed)
    {
        var signal = routed.Signal;
        if (!_accepting)
        {
            _metrics.CountSkipped("stopping");
            return;
        }

        if (_inFlight.ContainsKey(signal.Symbol))
        {
            _metrics.CountSkipped("order_in_flight");
            return;
        }

        if (OrderFor(signal) is not { } request)
        {
            return;
        }

        // Registered before the continuation is attached, so a submission that completes at once is removed too.
        var symbol = signal.Symbol;
        var submission = SubmitAsync(request, routed.IngressTicks);
        _inFlight[symbol] = submission;
        _ = submission.ContinueWith(
            _ => _inFlight.TryRemove(symbol, out var _),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private OrderRequest? OrderFor(Signal signal)
    {
        var symbol = signal.Symbol;
        var position = _manager.Positions.Lookup(symbol);
        var quantity = position?.Quantity ?? 0m;
        var price = position?.MarkPrice ?? signal.Price;
        var flat = IsDust(symbol, quantity, price);
        if (signal.Side == Side.Buy)
        {
            if (!flat)
            {
                _metrics.CountSkipped("already_long");
                return null;
            }

            var buy = new OrderRequest(NextId(), symbol, Side.Buy, OrderType.Market, 0m, QuoteQuantity: _options.OrderQuoteAmount);
            if (!_buysSinceFlat.TryGetValue(symbol, out var buys))
            {
                _buysSinceFlat[symbol] = buys = [];
            }

            buys.Clear();
            buys.Add(buy.ClientOrderId);
            return buy;
        }

        if (flat)
        {
            _metrics.CountSkipped("already_flat");
            return null;
        }

        var held = quantity - BaseCommissions(symbol);
        if (IsDust(symbol, held, price))
        {
            _metrics.CountSkipped("already_flat");
            return null;
        }

        return OrderRequest.Market(NextId(), symbol, Side.Sell, held);
    }

    private decimal BaseCommissions(Symbol symbol)
    {
        if (!_buysSinceFlat.TryGetValue(symbol, out var buys) || !_symbols.TryGetValue(symbol, out var info))
        {
            return 0m;
        }

        return buys.SelectMany(_journal.ReadFills).Where(f => f.CommissionAsset == info.BaseAsset).Sum(static f => f.Commission);
    }

    private bool IsDust(Symbol symbol, decimal quantity, decimal price)
    {
        if (quantity <= 0m)
        {
            return true;
        }

        if (!_symbols.TryGetValue(symbol, out var info))
        {
            return false;
        }

        var filters = info.Filters;
        var minQuantity = (filters.MarketLotSize ?? filters.LotSize)?.MinQuantity ?? 0m;
        var minNotional = filters.Notional?.MinNotional ?? filters.MinNotional?.MinNotional ?? 0m;
        return quantity < minQuantity || quantity * price < minNotional;
    }

    private ClientOrderId NextId() => ClientOrderId.For(_options.OrderTag, Interlocked.Increment(ref _sequence));

    private async Task SubmitAsync(OrderRequest request, long ingressTicks)
    {
        try
        {
            var result = await _entry.SubmitAsync(request).ConfigureAwait(false);
            if (result.Rejection is not null)
            {
                // Counted by the status monitor from the gate's rejection events (manual orders too).
                return;
            }

            _metrics.CountSubmitted(request.Symbol);
            if (ingressTicks != 0)
            {
                _metrics.TickToOrderAck.Record(TimeSpan.FromTicks(_clock.Now.UtcTicks - ingressTicks));
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The manager reports venue trouble as outcomes; an exception here is a journal failure, which must
            // not take the pipelines down with it: count it and let the operator see it on the dashboard.
            _metrics.CountSkipped("submit_failed");
            LastError = error;
        }
    }

    /// <summary>The last unexpected failure of a submission, or <see langword="null"/>.</summary>
    public Exception? LastError { get; private set; }
}

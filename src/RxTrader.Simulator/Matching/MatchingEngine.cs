using System.Reactive.Concurrency;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Matching;

/// <summary>
/// The simulated exchange's core: per-symbol price-time-priority books holding user orders and synthetic
/// liquidity, accounts with free and locked balances, per-account order stores, and an event stream of every
/// change. Binance spot semantics; no HTTP.
/// </summary>
/// <remarks>
/// <para>Thread-safe: one gate for the whole engine. An order on BTCUSDT and one on ETHUSDT share the USDT
/// balance of one account, so per-symbol gates would need account locks and a lock order; an operation takes
/// microseconds, far below the request rates the simulator serves, so a single gate costs nothing measurable
/// and keeps every operation atomic across book, balances and order store.</para>
/// <para>Expected refusals come back as <see cref="ExchangeResult{T}"/> errors with Binance's code and message;
/// exceptions are for programmer errors (null arguments, unknown accounts on setup calls).</para>
/// <para>Time comes only from the injected scheduler: one timestamp per operation.</para>
/// <para>Events (<see cref="Events"/>) are delivered outside the gate, in the order the changes happened.</para>
/// </remarks>
public sealed partial class MatchingEngine : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IScheduler _scheduler;
    private readonly MatchingEngineOptions _options;
    private readonly EventOutbox _outbox;
    private readonly Dictionary<Symbol, SymbolMarket> _markets = [];
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly List<Account> _touchedAccounts = [];
    private long _executionId;

    /// <summary>Creates an engine reading time from <paramref name="scheduler"/>.</summary>
    /// <param name="scheduler">The clock (virtual in tests and backtests).</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scheduler"/> is null.</exception>
    public MatchingEngine(IScheduler scheduler, MatchingEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        options ??= new MatchingEngineOptions();
        options.Validate();
        _scheduler = scheduler;
        _options = options;
        _outbox = new EventOutbox(_gate);
    }

    /// <summary>Every change, in order: <see cref="ExecutionReport"/>, <see cref="AccountPositionChanged"/>,
    /// <see cref="PublicTradeExecuted"/>, <see cref="DepthChanged"/>.</summary>
    /// <remarks>
    /// Hot: subscribers see changes from their subscription on. Per placement the order is: the new order's NEW
    /// report; per trade the taker's and then the maker's TRADE report and the public trade; the taker's EXPIRED
    /// report if its rest expired; the depth diff; then one position event per account whose balances changed.
    /// Completes when the engine is disposed. Observers may call back into the engine; their changes are
    /// delivered after the current batch. An observer that throws is a bug: the exception surfaces from the engine
    /// call that was delivering (whose change is already made) and the rest of that batch is dropped.
    /// </remarks>
    public IObservable<ExchangeEvent> Events => _outbox.Events;

    /// <summary>Adds a tradable symbol, or replaces the rules of an existing one (its book is kept).</summary>
    /// <param name="rules">The symbol's assets, status and filters.</param>
    public void AddSymbol(SymbolRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        lock (_gate)
        {
            if (_markets.TryGetValue(rules.Symbol, out var market))
            {
                market.Rules = rules;
            }
            else
            {
                _markets.Add(rules.Symbol, new SymbolMarket(rules));
            }
        }
    }

    /// <summary>The rules of <paramref name="symbol"/>, or null when unknown.</summary>
    /// <param name="symbol">The symbol.</param>
    public SymbolRules? GetSymbol(Symbol symbol)
    {
        lock (_gate)
        {
            return _markets.TryGetValue(symbol, out var market) ? market.Rules : null;
        }
    }

    /// <summary>The book of <paramref name="symbol"/> to <paramref name="limit"/> levels per side, with the update
    /// id the diffs continue from (<c>GET /api/v3/depth</c>).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="limit">Levels per side, clamped to 1..5000.</param>
    public ExchangeResult<DepthSnapshot> GetDepth(Symbol symbol, int limit = 100)
    {
        lock (_gate)
        {
            return _markets.TryGetValue(symbol, out var market)
                ? new(market.Snapshot(Math.Clamp(limit, 1, 5000)))
                : new(ExchangeErrors.InvalidSymbol);
        }
    }

    /// <summary>Completes <see cref="Events"/>.</summary>
    public void Dispose() => _outbox.Dispose();

    private DateTimeOffset Now() => _scheduler.Now;

    private void Publish(ExchangeEvent e) => _outbox.Add(e);

    /// <summary>Ends an operation under the gate: the depth diff of each market it touched, then the account positions.</summary>
    private void EndOperation(SymbolMarket? market, DateTimeOffset now)
    {
        if (market?.TakeDepthChange(now) is { } depth)
        {
            Publish(depth);
        }

        foreach (var account in _touchedAccounts)
        {
            Publish(account.TakePositionChange(now));
        }

        _touchedAccounts.Clear();
    }

    private void TouchAccount(Account account)
    {
        if (!_touchedAccounts.Contains(account))
        {
            _touchedAccounts.Add(account);
        }
    }

    private bool TryGetAccount(string accountId, out Account account, out ExchangeError error)
    {
        error = ExchangeErrors.InvalidApiKey;
        return _accounts.TryGetValue(accountId, out account!);
    }
}

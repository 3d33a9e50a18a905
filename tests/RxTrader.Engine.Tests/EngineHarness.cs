using System.Reactive.Subjects;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.MarketData;
using RxTrader.Strategies;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Paper;
using RxTrader.Trading.Risk;

namespace RxTrader.Engine.Tests;

/// <summary>
/// An engine in virtual time: a hand-fed source, a paper venue fed the same trades (with a book one tick around
/// each), a journal in a temp folder, everything on one <see cref="TestScheduler"/>.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly Symbol Btc = new("BTCUSDT");
    public static readonly Symbol Eth = new("ETHUSDT");

    private readonly Subject<BookTicker> _books = new();
    private readonly Subject<ITradeTick> _venueTrades = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rxtrader-engine-" + Guid.NewGuid().ToString("N"));
    private long _tradeId;

    public EngineHarness(
        Func<IStrategy> strategy,
        TradingEngineOptions? options = null,
        RiskLimits? limits = null,
        int shards = 1,
        EngineSchedulers? schedulers = null,
        bool sourceDeliversOnTheShard = false)
    {
        Scheduler.AdvanceTo(Origin.UtcTicks);
        Source = new FakeMarketSource { DeliveryScheduler = sourceDeliversOnTheShard ? Scheduler : null };
        Directory.CreateDirectory(_directory);
        JournalPath = Path.Combine(_directory, "journal.db");
        Options = options ?? new TradingEngineOptions { Symbols = [Btc, Eth], BarInterval = TimeSpan.FromSeconds(1) };
        Venue = new PaperVenue(
            new PaperVenueOptions
            {
                Symbols = SymbolInfos,
                InitialBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = 0m, ["ETH"] = 0m },
            },
            _books,
            _venueTrades,
            Scheduler);
        Journal = OrderJournal.Open(JournalPath, new OrderJournalOptions { Mode = JournalOpenMode.CreateNew });
        schedulers ??= new EngineSchedulers(Scheduler, Enumerable.Repeat<System.Reactive.Concurrency.IScheduler>(Scheduler, shards).ToArray(), Scheduler);
        Engine = new TradingEngine(Source, Venue, Journal, SymbolInfos, strategy, Options, schedulers, limits);
    }

    /// <summary>Virtual time starts here (epoch-aligned bars need a real date).</summary>
    public static DateTimeOffset Origin { get; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<SymbolInfo> SymbolInfos { get; } =
    [
        Info(Btc, "BTC"),
        Info(Eth, "ETH"),
    ];

    public TestScheduler Scheduler { get; } = new();

    public FakeMarketSource Source { get; }

    public PaperVenue Venue { get; }

    public OrderJournal Journal { get; }

    public string JournalPath { get; }

    public TradingEngineOptions Options { get; }

    public TradingEngine Engine { get; }

    /// <summary>Moves virtual time to <see cref="Origin"/> + <paramref name="time"/>.</summary>
    public void AdvanceTo(TimeSpan time)
    {
        // Several prints at one instant: the clock has already moved one tick past it.
        var target = Origin.UtcTicks + time.Ticks;
        if (target > Scheduler.Clock)
        {
            Scheduler.AdvanceTo(target);
        }
    }

    /// <summary>Moves virtual time to <see cref="Origin"/> + <paramref name="time"/> and prints one trade there (with the book around it).</summary>
    public void TradeAt(TimeSpan time, Symbol symbol, decimal price, decimal quantity = 0.5m)
    {
        AdvanceTo(time);
        var now = Scheduler.Now;
        _books.OnNext(new BookTicker(symbol, ++_tradeId, price - 0.01m, 100m, price + 0.01m, 100m));
        var trade = new Trade(symbol, ++_tradeId, price, quantity, now, now, IsBuyerMaker: false);
        _venueTrades.OnNext(trade);
        Source.Push(trade);
        Scheduler.AdvanceBy(1);
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Journal.Dispose();
        Venue.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static SymbolInfo Info(Symbol symbol, string baseAsset) =>
        new(symbol, SymbolStatus.Trading, baseAsset, 8, "USDT", 8, new SymbolFilters(
            new PriceFilter(0.01m, 1_000_000m, 0.01m),
            new QuantityFilter(0.0001m, 1000m, 0.0001m),
            new QuantityFilter(0.0001m, 1000m, 0.0001m),
            new NotionalFilter(5m, 1_000_000m, ApplyMinToMarket: true, ApplyMaxToMarket: false, AveragePriceMinutes: 5)));
}

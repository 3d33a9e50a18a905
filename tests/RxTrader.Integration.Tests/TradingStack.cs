using RxTrader.Binance.Execution;
using RxTrader.Binance.Rest;
using RxTrader.Binance.UserData;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Server;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;
using RxTrader.Trading.Risk;

namespace RxTrader.Integration.Tests;

/// <summary>
/// The whole order path on loopback: risk gate → order manager (journal) → Binance venue → simulator, on the one
/// shared real-time scheduler, with timeouts short enough that faults resolve in well under a second.
/// </summary>
internal sealed class TradingStack : IAsyncDisposable
{
    public static readonly Symbol Btc = new("BTCUSDT");

    private readonly bool _ownsServer;

    private TradingStack(SimulatorServer server, bool ownsServer, BinanceExecutionVenue venue, OrderJournal journal, OrderManager manager, RiskGate gate)
    {
        Server = server;
        _ownsServer = ownsServer;
        Venue = venue;
        Journal = journal;
        Manager = manager;
        Gate = gate;
        Entry = new OrderEntry(gate, manager);
    }

    public SimulatorServer Server { get; }

    public BinanceExecutionVenue Venue { get; }

    public OrderJournal Journal { get; }

    public OrderManager Manager { get; }

    public RiskGate Gate { get; }

    public OrderEntry Entry { get; }

    /// <summary>A simulator with a rich account and limits high enough that only injected faults rate-limit.</summary>
    public static SimulatorOptions SimulatorOptions() => new()
    {
        Market = null,
        Accounts =
        [
            new SimulatorAccount(
                SimulatorAccount.DemoApiKey,
                SimulatorAccount.DemoSecretKey,
                [new AssetBalance("USDT", 10_000_000m, 0m), new AssetBalance("BTC", 10_000m, 0m)]),
        ],
        RateLimits = new SimulatorRateLimits
        {
            RequestWeightPerMinute = 10_000_000,
            RawRequestsPer5Minutes = 10_000_000,
            OrdersPer10Seconds = 1_000_000,
            OrdersPerDay = 10_000_000,
            BanDuration = TimeSpan.FromSeconds(1),
        },
    };

    public static BinanceVenueOptions VenueOptions(SimulatorServer server) => new()
    {
        ApiKey = SimulatorAccount.DemoApiKey,
        SecretKey = SimulatorAccount.DemoSecretKey,
        Rest = new BinanceRestOptions
        {
            BaseAddress = server.BaseAddress,
            RequestTimeout = TimeSpan.FromMilliseconds(1000),
            WeightBudgetPerMinute = null,
        },
        UserData = new UserDataStreamOptions
        {
            StreamAddress = server.StreamAddress,
            Backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)),
        },
        RecvWindow = TimeSpan.FromMilliseconds(1000),
        ClockMargin = TimeSpan.FromMilliseconds(100),
        PollInterval = TimeSpan.FromMilliseconds(100),
        StreamingPollInterval = TimeSpan.FromMilliseconds(500),
        MaxResolveAttempts = 20,
        ResolveBackoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200)),
    };

    public static OrderManagerOptions ManagerOptions() => new()
    {
        ReconcileBackoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)),
        NotFoundGracePeriod = TimeSpan.FromSeconds(3),
    };

    /// <summary>Starts the engine side on a journal, against <paramref name="server"/> (left running on dispose) or a new simulator.</summary>
    public static async Task<TradingStack> StartAsync(string journalPath, SimulatorServer? server = null, RiskLimits? limits = null)
    {
        var ownsServer = server is null;
        server ??= await SimulatorServer.StartAsync(SimulatorOptions(), RealTime.Scheduler);
        var venue = new BinanceExecutionVenue(VenueOptions(server), RealTime.Scheduler);
        await venue.StartAsync();
        // The 1 s request timeout is for the faults; a cold server on a loaded machine can miss it on the first calls.
        var info = await venue.Rest.GetExchangeInfoAsync();
        for (var attempt = 1; attempt < 10 && info is RestResult<ExchangeInfo>.Unknown; attempt++)
        {
            info = await venue.Rest.GetExchangeInfoAsync();
        }

        var symbols = info.ShouldBeOfType<RestResult<ExchangeInfo>.Ok>().Value.Symbols;
        var journal = OrderJournal.Open(journalPath, new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate });
        var manager = new OrderManager(venue, journal, RealTime.Scheduler, ManagerOptions());
        var gate = new RiskGate(symbols, new OrderManagerExposure(manager), limits ?? new RiskLimits(), RealTime.Scheduler);
        var stack = new TradingStack(server, ownsServer, venue, journal, manager, gate);
        await manager.StartAsync();
        return stack;
    }

    /// <summary>Every order the exchange holds for the account on BTCUSDT, paged past the 1,000 limit.</summary>
    public IReadOnlyList<OrderSnapshot> OrdersAtExchange()
    {
        var all = new List<OrderSnapshot>();
        long from = 0;
        while (true)
        {
            var page = Server.Engine.AllOrders(SimulatorAccount.DemoApiKey, Btc, new HistoryQuery { FromId = from, Limit = HistoryQuery.MaxLimit }).Value!;
            all.AddRange(page);
            if (page.Count < HistoryQuery.MaxLimit)
            {
                return all;
            }

            from = page[^1].OrderId + 1;
        }
    }

    /// <summary>Every trade of the account on BTCUSDT, paged past the 1,000 limit.</summary>
    public IReadOnlyList<AccountTrade> TradesAtExchange()
    {
        var all = new List<AccountTrade>();
        long from = 0;
        while (true)
        {
            var page = Server.Engine.MyTrades(SimulatorAccount.DemoApiKey, Btc, null, new HistoryQuery { FromId = from, Limit = HistoryQuery.MaxLimit }).Value!;
            all.AddRange(page);
            if (page.Count < HistoryQuery.MaxLimit)
            {
                return all;
            }

            from = page[^1].Id + 1;
        }
    }

    /// <summary>Every way the journal disagrees with the exchange, one line each.</summary>
    public List<string> MismatchesWithExchange(IEnumerable<ClientOrderId> submitted)
    {
        var engine = Server.Engine;
        var atExchange = OrdersAtExchange().ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var id in submitted)
        {
            var journaled = Journal.FindOrder(id);
            if (journaled is null)
            {
                problems.Add($"{id}: not in the journal");
                continue;
            }

            if (!atExchange.TryGetValue(id.Value, out var exchange))
            {
                if (journaled.Tracking != OrderTracking.NotPlaced && journaled.Order is not null)
                {
                    problems.Add($"{id}: journal says {journaled.Tracking}/{journaled.Order.Status}, the exchange has no such order");
                }

                continue;
            }

            var journaledFills = Journal.ReadFills(id);
            var exchangeFills = engine.MyTrades(SimulatorAccount.DemoApiKey, Btc, exchange.OrderId).Value!;
            if (journaled.Order is not { } order)
            {
                problems.Add($"{id}: journal has no venue state ({journaled.Tracking}), the exchange has {exchange.Status}");
            }
            else if (order.Status.ToString() != exchange.Status.ToString() || order.ExecutedQuantity != exchange.ExecutedQty)
            {
                problems.Add($"{id}: journal {order.Status} {order.ExecutedQuantity}, exchange {exchange.Status} {exchange.ExecutedQty}");
            }
            else if (!journaledFills.Select(f => f.TradeId).Order().SequenceEqual(exchangeFills.Select(t => t.Id).Order()))
            {
                problems.Add($"{id}: journal fills [{string.Join(',', journaledFills.Select(f => f.TradeId))}], exchange [{string.Join(',', exchangeFills.Select(t => t.Id))}] ({journaled.Tracking}, {order.Status}: {string.Join(" / ", Journal.ReadEvents(id).Select(e => $"{e.Kind} {e.Detail}"))})");
            }
        }

        return problems;
    }

    public void SetBook(decimal bid, decimal ask, decimal quantity)
    {
        Server.Engine.CancelAllLiquidity(Btc);
        Server.Engine.PlaceLiquidity(Btc, Side.Buy, bid, quantity);
        Server.Engine.PlaceLiquidity(Btc, Side.Sell, ask, quantity);
    }

    public static async Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        if (!await WaitUntilAsync(condition, limit ?? TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"Timed out waiting for: {what}");
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="limit"/> passes; never asserts on time.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return true;
    }

    /// <summary>Stops the engine side (gate, manager, venue, journal), and the simulator if the stack started it.</summary>
    public async ValueTask DisposeAsync()
    {
        Gate.Dispose();
        Manager.Dispose();
        Venue.Dispose();
        Journal.Dispose();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }
    }
}

using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Simulator.Accounts;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Tests;

/// <summary>An engine on virtual time with BTCUSDT, two funded accounts, and every event recorded.</summary>
internal sealed class EngineFixture : IDisposable
{
    public const string Alice = "alice";
    public const string Bob = "bob";
    public static readonly Symbol BtcUsdt = new("BTCUSDT");
    public static readonly CommissionRates Rates = new(Maker: 0.001m, Taker: 0.002m);

    private readonly IDisposable _subscription;

    public EngineFixture(Func<SymbolRules, SymbolRules>? rules = null)
    {
        Scheduler.AdvanceTo(MarbleStart.Ticks);
        Engine = new MatchingEngine(Scheduler);
        Engine.AddSymbol((rules ?? (static r => r))(DefaultRules));
        Engine.CreateAccount(Alice, [new("USDT", 10_000m, 0m), new("BTC", 10m, 0m)], Rates);
        Engine.CreateAccount(Bob, [new("USDT", 10_000m, 0m), new("BTC", 10m, 0m)], Rates);
        _subscription = Engine.Events.Subscribe(Events.Add);
    }

    public static SymbolRules DefaultRules { get; } = new()
    {
        Symbol = BtcUsdt,
        BaseAsset = "BTC",
        QuoteAsset = "USDT",
        Filters = new SymbolFilters(
            Price: new PriceFilter(0.01m, 1_000_000m, 0.01m),
            LotSize: new QuantityFilter(0.001m, 9_000m, 0.001m),
            MarketLotSize: new QuantityFilter(0m, 100m, 0m),
            Notional: new NotionalFilter(5m, MaxNotional: null, ApplyMinToMarket: true, ApplyMaxToMarket: false, 5)),
        MaxNumOrders = 200,
    };

    /// <summary>The engine's start time.</summary>
    public static DateTimeOffset MarbleStart { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TestScheduler Scheduler { get; } = new();

    public MatchingEngine Engine { get; }

    public List<ExchangeEvent> Events { get; } = [];

    public IEnumerable<ExecutionReport> Reports => Events.OfType<ExecutionReport>();

    public static OrderRequest Limit(Side side, decimal price, decimal quantity, TimeInForce tif = TimeInForce.Gtc, string? clientId = null) =>
        new() { Symbol = BtcUsdt, Side = side, Type = OrderType.Limit, TimeInForce = tif, Price = price, Quantity = quantity, NewClientOrderId = clientId };

    public static OrderRequest MarketOrder(Side side, decimal? quantity = null, decimal? quote = null) =>
        new() { Symbol = BtcUsdt, Side = side, Type = OrderType.Market, Quantity = quantity, QuoteOrderQty = quote };

    public PlacedOrder Place(string account, OrderRequest request)
    {
        var result = Engine.PlaceOrder(account, request);
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    public ExchangeError Refused(string account, OrderRequest request)
    {
        var result = Engine.PlaceOrder(account, request);
        result.IsSuccess.ShouldBeFalse();
        return result.Error!.Value;
    }

    public long Liquidity(Side side, decimal price, decimal quantity) =>
        Engine.PlaceLiquidity(BtcUsdt, side, price, quantity).Value.OrderId;

    public AssetBalance Balance(string account, string asset) =>
        Engine.GetAccount(account).Value!.Balances.SingleOrDefault(b => b.Asset == asset, new AssetBalance(asset, 0m, 0m));

    public void Dispose()
    {
        _subscription.Dispose();
        Engine.Dispose();
    }
}

using System.Net;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.MarketStreams;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;
using RxTrader.Simulator.UserData;

namespace RxTrader.Simulator.Server;

/// <summary>How a <see cref="SimulatorServer"/> listens, what it trades, who may trade and its limits.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The loopback address to bind.</summary>
    /// <value>Default <see cref="IPAddress.Loopback"/> (127.0.0.1); any loopback address is accepted.</value>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 picks a free one (read it back from <see cref="SimulatorServer.Port"/>).</summary>
    /// <value>Default 0.</value>
    public int Port { get; init; }

    /// <summary>The tradable symbols.</summary>
    /// <value>Default <see cref="DefaultSymbols"/>: BTCUSDT, ETHUSDT, BNBUSDT.</value>
    public IReadOnlyList<SymbolRules> Symbols { get; init; } = DefaultSymbols;

    /// <summary>The API keys the server accepts, with their secrets and starting balances.</summary>
    /// <value>Default one account: <see cref="SimulatorAccount.Demo"/>.</value>
    public IReadOnlyList<SimulatorAccount> Accounts { get; init; } = [SimulatorAccount.Demo];

    /// <summary>The rate-limit budgets.</summary>
    /// <value>Default Binance's documented values (see <see cref="SimulatorRateLimits"/>).</value>
    public SimulatorRateLimits RateLimits { get; init; } = new();

    /// <summary>The <c>recvWindow</c> used when a signed request sends none.</summary>
    /// <value>Default 5000 ms.</value>
    public TimeSpan DefaultRecvWindow { get; init; } = TimeSpan.FromMilliseconds(5000);

    /// <summary>The largest <c>recvWindow</c> accepted (larger is refused with <c>-1131</c>).</summary>
    /// <value>Default 60000 ms.</value>
    public TimeSpan MaxRecvWindow { get; init; } = TimeSpan.FromMilliseconds(60000);

    /// <summary>How far ahead of the server clock a <c>timestamp</c> may be (at or beyond: <c>-1021</c>).</summary>
    /// <value>Default 1000 ms.</value>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>The largest request body accepted; larger bodies get HTTP 413.</summary>
    /// <value>Default 64 KiB.</value>
    public int MaxRequestBodySize { get; init; } = 64 * 1024;

    /// <summary>The matching engine's options.</summary>
    /// <value>Default the engine's defaults.</value>
    public MatchingEngineOptions Engine { get; init; } = new();

    /// <summary>The synthetic market that trades the symbols and keeps their books alive; null for a silent market
    /// (books and trades then come only from users and <see cref="MatchingEngine.PlaceLiquidity"/>).</summary>
    /// <value>Default the model's defaults (<see cref="DefaultMarket.Symbols"/>, seed 1).</value>
    public MarketModelOptions? Market { get; init; } = new();

    /// <summary>How much market history the REST market-data endpoints keep per symbol.</summary>
    /// <value>Default the hub's defaults (1000 trades, 1000 aggregate trades, 1000 klines per interval).</value>
    public MarketStreamHubOptions MarketHistory { get; init; } = new();

    /// <summary>The user data stream: listenKey validity and the keep-alive of user-data and WebSocket-API connections.</summary>
    /// <value>Default Binance's values (see <see cref="UserDataOptions"/>).</value>
    public UserDataOptions UserData { get; init; } = new();

    /// <summary>Limits and timings of the market-stream WebSocket connections (<c>/ws</c>, <c>/stream</c>).</summary>
    /// <value>Default Binance's production values: ping 20 s, pong 60 s, lifetime 24 h, 5 messages/s, 1024 streams.</value>
    public MarketStreamOptions Streams { get; init; } = new();

    /// <summary>BTCUSDT, ETHUSDT and BNBUSDT: <see cref="DefaultMarket.AllRules"/>.</summary>
    public static IReadOnlyList<SymbolRules> DefaultSymbols => DefaultMarket.AllRules;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address);
        if (!IPAddress.IsLoopback(Address))
        {
            throw new ArgumentException("The simulator binds loopback addresses only.", nameof(Address));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort);
        ArgumentNullException.ThrowIfNull(Symbols);
        ArgumentNullException.ThrowIfNull(Accounts);
        ArgumentNullException.ThrowIfNull(RateLimits);
        ArgumentNullException.ThrowIfNull(Engine);
        ArgumentNullException.ThrowIfNull(MarketHistory);
        ArgumentNullException.ThrowIfNull(Streams);
        Streams.Validate();
        MarketHistory.Validate();
        Market?.Validate();
        ArgumentNullException.ThrowIfNull(UserData);
        UserData.Validate();
        RateLimits.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultRecvWindow, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DefaultRecvWindow, MaxRecvWindow);
        ArgumentOutOfRangeException.ThrowIfLessThan(FutureTolerance, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRequestBodySize);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in Accounts)
        {
            ArgumentNullException.ThrowIfNull(account);
            ArgumentException.ThrowIfNullOrEmpty(account.ApiKey);
            ArgumentException.ThrowIfNullOrEmpty(account.SecretKey);
            if (!keys.Add(account.ApiKey))
            {
                throw new ArgumentException($"API key '{account.ApiKey}' is listed twice.", nameof(Accounts));
            }
        }
    }
}

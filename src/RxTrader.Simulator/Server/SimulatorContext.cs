using System.Reactive.Concurrency;
using System.Text;
using RxTrader.Simulator.Faults;
using RxTrader.Simulator.Market;
using RxTrader.Simulator.MarketStreams;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Publishing;
using RxTrader.Simulator.Sockets;
using RxTrader.Simulator.UserData;

namespace RxTrader.Simulator.Server;

/// <summary>What every route group of the server shares: options, clock, engine, keys and limits.</summary>
internal sealed class SimulatorContext
{
    private readonly Dictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);
    private long _unhandledErrors;

    public SimulatorContext(SimulatorOptions options, IScheduler scheduler, MatchingEngine engine, MarketStreamHub hub, MarketModel? market)
    {
        Options = options;
        Scheduler = scheduler;
        Engine = engine;
        Hub = hub;
        Market = market;
        Limits = new RateLimiter(options.RateLimits);
        UserData = new UserDataHub(engine, scheduler, options.UserData);
        Faults = new FaultInjector(Sockets, StreamSessions, scheduler, Limits);
        foreach (var account in options.Accounts)
        {
            _secrets.Add(account.ApiKey, Encoding.UTF8.GetBytes(account.SecretKey));
        }
    }

    public SimulatorOptions Options { get; }

    public IScheduler Scheduler { get; }

    public MatchingEngine Engine { get; }

    /// <summary>Public stream payloads and the market history behind the REST market-data endpoints.</summary>
    public MarketStreamHub Hub { get; }

    /// <summary>The synthetic market, or null when the options ask for a silent one.</summary>
    public MarketModel? Market { get; }

    /// <summary>Every open WebSocket connection, for fault injection and shutdown.</summary>
    public SocketRegistry Sockets { get; } = new();

    /// <summary>Every open market-stream connection, for the faults only a stream session can inject.</summary>
    public MarketStreamSessions StreamSessions { get; } = new();

    public RateLimiter Limits { get; }

    /// <summary>Listen keys and the user-data sinks (listenKey streams, WebSocket-API subscriptions) per account.</summary>
    public UserDataHub UserData { get; }

    /// <summary>Fault injection over the sockets, the REST pipeline and the clock clients see.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Requests that ended in an exception the barrier turned into <c>-1000</c>.</summary>
    public long UnhandledErrors => Interlocked.Read(ref _unhandledErrors);

    /// <summary>The server clock in Unix milliseconds.</summary>
    public long NowMs => Scheduler.Now.ToUnixTimeMilliseconds();

    /// <summary>The server time clients see (reported times, timestamp checks): <see cref="NowMs"/> plus any
    /// injected clock skew.</summary>
    public long ClientClockMs => NowMs + Faults.ClockSkewMs;

    /// <summary>The HMAC secret of <paramref name="apiKey"/>, or null when the key is unknown.</summary>
    public byte[]? SecretOf(string apiKey) => _secrets.GetValueOrDefault(apiKey);

    /// <summary>Stops the synthetic market, the stream timers and the engine, in that order.</summary>
    public void DisposeMarket()
    {
        Market?.Dispose();
        Hub.Dispose();
        Engine.Dispose();
    }

    public void CountUnhandledError() => Interlocked.Increment(ref _unhandledErrors);
}

using System.Buffers;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Text.Json;
using RxTrader.Core;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Publishing;

/// <summary>
/// Turns the engine's events into Binance public stream payloads and keeps the bounded market history the REST
/// market-data endpoints answer from.
/// </summary>
/// <remarks>
/// <para>Each payload is encoded once per event and the same bytes go to every subscriber of that stream name.
/// Real-time streams (trade, aggTrade, bookTicker) are encoded only while the stream has subscribers; timed
/// streams run their timer on the injected scheduler only while someone listens, aligned to multiples of their
/// period (2000 ms klines, 1000 ms for <c>1s</c>; 1000 ms tickers and avgPrice; 1000/100 ms depth).</para>
/// <para>One gate for all state; payloads are delivered under it, so each stream keeps its order and a
/// subscriber must not block. The engine's own gate is never held: its events arrive outside it.</para>
/// <para>The <c>timeUnit=MICROSECOND</c> variant is not simulated: times are epoch milliseconds.</para>
/// <para>OnCompleted of the engine's events completes every stream; <see cref="Dispose"/> stops all timers,
/// detaches from the engine and completes every stream.</para>
/// </remarks>
public sealed partial class MarketStreamHub : IDisposable
{
    private readonly Lock _gate = new();
    private readonly MatchingEngine _engine;
    private readonly IScheduler _scheduler;
    private readonly MarketStreamHubOptions _options;
    private readonly Dictionary<Symbol, SymbolState> _symbols = [];
    private readonly Dictionary<string, StreamChannel> _channels = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly IDisposable _subscription;
    private bool _disposed;

    /// <summary>Creates a hub listening to <paramref name="engine"/>'s events from now on.</summary>
    /// <param name="engine">The engine whose trades and book changes are published.</param>
    /// <param name="scheduler">The clock and timer source.</param>
    /// <param name="options">History bounds; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="scheduler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is not positive.</exception>
    public MarketStreamHub(MatchingEngine engine, IScheduler scheduler, MarketStreamHubOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scheduler);
        options ??= new MarketStreamHubOptions();
        options.Validate();
        (_engine, _scheduler, _options) = (engine, scheduler, options);
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _subscription = engine.Events.Subscribe(OnEngineEvent, static _ => { }, OnEngineCompleted);
    }

    /// <summary>Parses a stream name and checks that its symbol exists in the engine.</summary>
    /// <param name="streamName">The wire name, e.g. <c>btcusdt@depth@100ms</c>.</param>
    /// <param name="stream">The parsed stream, or <c>default</c>.</param>
    public bool TryParse(string? streamName, out PublicStreamName stream) =>
        PublicStreamName.TryParse(streamName, out stream)
        && (stream.Kind == PublicStreamKind.AllMiniTickers || _engine.GetSymbol(stream.Symbol) is not null);

    /// <summary>The payloads of <paramref name="stream"/>, shared with every other subscriber of the same name.</summary>
    /// <param name="stream">A stream from <see cref="TryParse"/>.</param>
    /// <returns>A hot stream of raw payloads (no combined-stream envelope); the memory is never reused, so it can be
    /// kept and sent later. Completes when the engine or the hub is disposed.</returns>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is <c>default</c>.</exception>
    public IObservable<ReadOnlyMemory<byte>> Subscribe(PublicStreamName stream)
    {
        if (stream.Name is null)
        {
            throw new ArgumentException("Parse the stream name first.", nameof(stream));
        }

        return Observable.Create<ReadOnlyMemory<byte>>(observer =>
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    observer.OnCompleted();
                    return Disposable.Empty;
                }

                var channel = Attach(stream, observer);
                return Disposable.Create((Hub: this, Channel: channel, Observer: observer),
                    static s => s.Hub.Detach(s.Channel, s.Observer));
            }
        });
    }

    /// <summary>Stops every timer, detaches from the engine and completes every stream.</summary>
    public void Dispose()
    {
        _subscription.Dispose();
        CompleteAll();
    }

    internal int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _channels.Values.Count(static c => c.Timer is not null);
            }
        }
    }

    private void OnEngineCompleted() => CompleteAll();

    private void CompleteAll()
    {
        StreamChannel[] channels;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            channels = [.. _channels.Values];
            _channels.Clear();
            foreach (var channel in channels)
            {
                StopTimer(channel);
                foreach (var observer in channel.Observers)
                {
                    observer.OnCompleted();
                }
            }
        }

        _writer.Dispose();
    }

    private SymbolState GetState(Symbol symbol)
    {
        if (!_symbols.TryGetValue(symbol, out var state))
        {
            state = new SymbolState(symbol, _options);
            if (_engine.GetDepth(symbol, 5000) is { IsSuccess: true } depth)
            {
                state.Book.Seed(depth.Value);
                state.LastTop = state.Book.Top();
            }

            _symbols.Add(symbol, state);
        }

        return state;
    }

    /// <summary>Encodes what <paramref name="write"/> writes into a fresh array: the one copy every subscriber shares.</summary>
    private ReadOnlyMemory<byte> Encode<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        write(_writer, state);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    private long NowMs() => _scheduler.Now.ToUnixTimeMilliseconds();
}

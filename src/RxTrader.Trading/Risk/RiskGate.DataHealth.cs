using System.Reactive.Disposables;
using RxTrader.Core;
using RxTrader.Core.Connectivity;

namespace RxTrader.Trading.Risk;

public sealed partial class RiskGate
{
    /// <summary>Sets the state of one market-data source of a symbol. A symbol takes new orders only while every
    /// source it has is <see cref="DataHealth.Healthy"/>; a symbol never reported is healthy.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="source">The source, e.g. <c>btcusdt@trade</c> or <c>book</c>; each source is tracked apart, so
    /// one source coming back does not hide another still down.</param>
    /// <param name="health">The state.</param>
    /// <remarks>Feed an order book's synchronisation state here as <see cref="DataHealth.BookUnsynced"/> /
    /// <see cref="DataHealth.Healthy"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="health"/> is not a defined state.</exception>
    public void SetDataHealth(Symbol symbol, string source, DataHealth health)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Enum.IsDefined(health))
        {
            throw new ArgumentOutOfRangeException(nameof(health), health, "Unknown data health.");
        }

        lock (_gate)
        {
            var state = StateOf(symbol);
            state.Health ??= new SymbolHealth();
            state.Health.Set(source, health);
        }
    }

    /// <summary>The state of a symbol's market data: the worst of its sources (<see cref="DataHealth.Healthy"/> when
    /// none was reported).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The state.</returns>
    public DataHealth DataHealthOf(Symbol symbol)
    {
        lock (_gate)
        {
            return _symbols.TryGetValue(symbol, out var state) && state.Health is { } health ? health.Worst : DataHealth.Healthy;
        }
    }

    /// <summary>Follows a symbol's connection events (from <c>DetectStale</c>, a feed's connection events) as one
    /// source of <see cref="SetDataHealth"/>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="source">The source name the events are recorded under.</param>
    /// <param name="events">The events.</param>
    /// <returns>Ends the subscription (the source keeps its last state).</returns>
    /// <remarks>
    /// <list type="bullet">
    /// <item><b>OnNext</b>: <see cref="Stale"/> → <see cref="DataHealth.Stale"/>; <see cref="Disconnected"/> and
    /// <see cref="Reconnecting"/> → <see cref="DataHealth.Disconnected"/>; <see cref="Gap"/> →
    /// <see cref="DataHealth.Gapped"/>; <see cref="Connected"/> and <see cref="Fresh"/> → <see cref="DataHealth.Healthy"/>;
    /// other events are ignored. A feed reports a gap after it reconnected, so a gapped source stays gapped until
    /// the next <see cref="Connected"/> or <see cref="Fresh"/>, or until set healthy by hand (e.g. once the book resynced).</item>
    /// <item><b>OnError</b>, <b>OnCompleted</b>: the source becomes <see cref="DataHealth.Disconnected"/> (nothing
    /// will report it healthy any more) and the subscription is released.</item>
    /// <item><b>Disposal</b> (or disposing the gate): the subscription ends; the source keeps its last state.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="events"/> is null.</exception>
    public IDisposable TrackDataHealth(Symbol symbol, string source, IObservable<ConnectionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(events);

        var subscription = new SingleAssignmentDisposable();
        _tracking.Add(subscription);
        subscription.Disposable = events.Subscribe(
            e =>
            {
                if (HealthOf(e) is { } health)
                {
                    SetDataHealth(symbol, source, health);
                }
            },
            _ =>
            {
                SetDataHealth(symbol, source, DataHealth.Disconnected);
                _tracking.Remove(subscription);
            },
            () =>
            {
                SetDataHealth(symbol, source, DataHealth.Disconnected);
                _tracking.Remove(subscription);
            });
        return Disposable.Create((_tracking, subscription), static s => s._tracking.Remove(s.subscription));
    }

    private static DataHealth? HealthOf(ConnectionEvent e) => e switch
    {
        Stale => DataHealth.Stale,
        Disconnected or Reconnecting => DataHealth.Disconnected,
        Gap => DataHealth.Gapped,
        Connected or Fresh => DataHealth.Healthy,
        _ => null,
    };

    /// <summary>The sources of one symbol and the worst of them (cached, since every check reads it).</summary>
    private sealed class SymbolHealth
    {
        private readonly Dictionary<string, DataHealth> _sources = new(StringComparer.Ordinal);

        public DataHealth Worst { get; private set; }

        public string? WorstSource { get; private set; }

        public void Set(string source, DataHealth health)
        {
            _sources[source] = health;
            Worst = DataHealth.Healthy;
            WorstSource = null;
            foreach (var (name, state) in _sources)
            {
                // Ties go to the ordinally smallest name, so the message does not depend on dictionary order.
                if (state > Worst || (state == Worst && state != DataHealth.Healthy && string.CompareOrdinal(name, WorstSource) < 0))
                {
                    Worst = state;
                    WorstSource = name;
                }
            }
        }
    }
}

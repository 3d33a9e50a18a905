using System.Diagnostics.Metrics;
using RxTrader.Simulator.Matching;

namespace RxTrader.Host.Simulator;

/// <summary>What the simulator is doing, for the <c>sim</c> verb's status line: open connections (Kestrel's
/// <c>kestrel.active_connections</c> instrument), user orders placed and public trades printed.</summary>
internal sealed class SimulatorActivity : IDisposable
{
    private const string KestrelMeter = "Microsoft.AspNetCore.Server.Kestrel";
    private const string ActiveConnections = "kestrel.active_connections";

    private readonly MeterListener _listener = new();
    private IDisposable? _events;
    private long _connections;
    private long _orders;
    private long _trades;

    /// <summary>Starts listening to Kestrel's instruments (call before the server starts).</summary>
    public SimulatorActivity()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KestrelMeter && instrument.Name == ActiveConnections)
            {
                listener.EnableMeasurementEvents(instrument, this);
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, _, state) => Interlocked.Add(ref ((SimulatorActivity)state!)._connections, value));
        _listener.Start();
    }

    /// <summary>Open TCP connections (REST keep-alive and WebSockets).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>User orders accepted.</summary>
    public long Orders => Interlocked.Read(ref _orders);

    /// <summary>Public trades printed (synthetic and user).</summary>
    public long Trades => Interlocked.Read(ref _trades);

    /// <summary>Counts the engine's orders and trades.</summary>
    public void Observe(IObservable<ExchangeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = events.Subscribe(e =>
        {
            switch (e)
            {
                case ExecutionReport { ExecutionType: ExecutionType.New }:
                    Interlocked.Increment(ref _orders);
                    break;
                case PublicTradeExecuted:
                    Interlocked.Increment(ref _trades);
                    break;
            }
        });
    }

    public void Dispose()
    {
        _events?.Dispose();
        _listener.Dispose();
    }
}

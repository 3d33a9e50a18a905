using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.UserData;

/// <summary>A legacy user-data stream connection (<c>/ws/&lt;listenKey&gt;</c>): raw, unwrapped events.</summary>
internal sealed class ListenKeyStream(SimulatorWebSocket socket, ListenKey key) : IUserEventSink
{
    public SimulatorWebSocket Socket { get; } = socket;

    public ListenKey Key { get; } = key;

    public string AccountId => Key.AccountId;

    public void Deliver(ReadOnlySpan<byte> payload) => Socket.TrySendText(payload);
}

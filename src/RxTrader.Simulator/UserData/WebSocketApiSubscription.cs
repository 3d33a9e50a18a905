using System.Globalization;
using System.Text;
using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.UserData;

/// <summary>A user-data subscription on a WebSocket-API connection: events wrapped as
/// <c>{"subscriptionId":N,"event":{...}}</c>.</summary>
internal sealed class WebSocketApiSubscription : IUserEventSink
{
    private readonly byte[] _prefix;

    public WebSocketApiSubscription(SimulatorWebSocket socket, int subscriptionId, string accountId, bool viaLogon)
    {
        Socket = socket;
        SubscriptionId = subscriptionId;
        AccountId = accountId;
        ViaLogon = viaLogon;
        _prefix = Encoding.ASCII.GetBytes("{\"subscriptionId\":" + subscriptionId.ToString(CultureInfo.InvariantCulture) + ",\"event\":");
    }

    public SimulatorWebSocket Socket { get; }

    public int SubscriptionId { get; }

    public string AccountId { get; }

    /// <summary>Made by <c>userDataStream.subscribe</c> after <c>session.logon</c> (ended by <c>session.logout</c>).</summary>
    public bool ViaLogon { get; }

    public void Deliver(ReadOnlySpan<byte> payload) => Socket.TrySendText(_prefix, payload, "}"u8);
}

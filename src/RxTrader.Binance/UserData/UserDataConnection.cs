using System.Reactive.Disposables;
using Websocket.Client;

namespace RxTrader.Binance.UserData;

/// <summary>One connection attempt of the user data stream: its socket (once a key is obtained) and its timers.</summary>
/// <remarks>Events of an attempt that is no longer current are ignored (generation check), as in the market feed.</remarks>
internal sealed class UserDataConnection(int generation)
{
    private bool _isCurrent = true;

    public int Generation { get; } = generation;

    public WebsocketClient? Client { get; set; }

    /// <summary>The socket subscriptions and timers; disposed when the attempt ends.</summary>
    public CompositeDisposable Resources { get; } = [];

    /// <summary>Whether the socket opened.</summary>
    public bool Opened { get; set; }

    /// <summary>The listenKey the socket uses.</summary>
    public string? ListenKey { get; set; }

    /// <summary>Whether this is the stream's current attempt; read by the receive thread without the gate.</summary>
    public bool IsCurrent
    {
        get => Volatile.Read(ref _isCurrent);
        set => Volatile.Write(ref _isCurrent, value);
    }
}

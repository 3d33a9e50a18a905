namespace RxTrader.Simulator.UserData;

/// <summary>One live listenKey: its account, when it expires, and the <c>/ws/&lt;listenKey&gt;</c> streams on it.
/// Mutated only under the hub's gate.</summary>
internal sealed class ListenKey(string key, string accountId, DateTimeOffset expiresAt)
{
    public string Key { get; } = key;

    public string AccountId { get; } = accountId;

    /// <summary>Creation or last keep-alive plus the validity.</summary>
    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

    /// <summary>The expiry timer (re-armed at <see cref="ExpiresAt"/> when it fires early).</summary>
    public IDisposable? Timer { get; set; }

    public List<ListenKeyStream> Streams { get; } = [];
}

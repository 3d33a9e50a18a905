using RxTrader.Simulator.Publishing;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>A stream name a connection may subscribe: the client's spelling (echoed in the combined wrapper and in
/// <c>LIST_SUBSCRIPTIONS</c>), the key that makes two spellings one subscription, and what to subscribe.</summary>
/// <param name="Name">The name as the client wrote it.</param>
/// <param name="Key">The canonical name (<c>@depth@1000ms</c> and <c>@depth</c> share one key).</param>
/// <param name="Stream">The hub stream (for the load stream: its <c>@trade</c> stream, for the symbol).</param>
/// <param name="Firehose">True for the load stream <c>&lt;symbol&gt;@trade@firehose</c>.</param>
internal readonly record struct ResolvedStream(string Name, string Key, PublicStreamName Stream, bool Firehose)
{
    public const string FirehoseSuffix = "@firehose";

    public bool IsDiffDepth => !Firehose && Stream.Kind == PublicStreamKind.DiffDepth;

    /// <summary>Resolves <paramref name="name"/> against the hub (syntax and known symbol).</summary>
    public static bool TryResolve(MarketStreamHub hub, string? name, bool allowFirehose, out ResolvedStream resolved)
    {
        resolved = default;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (allowFirehose && name.EndsWith(FirehoseSuffix, StringComparison.Ordinal))
        {
            if (hub.TryParse(name[..^FirehoseSuffix.Length], out var trade) && trade.Kind == PublicStreamKind.Trade
                && trade.Name.Length + FirehoseSuffix.Length == name.Length)
            {
                resolved = new ResolvedStream(name, name, trade, Firehose: true);
                return true;
            }

            return false;
        }

        if (!hub.TryParse(name, out var stream))
        {
            return false;
        }

        resolved = new ResolvedStream(name, stream.Name, stream, Firehose: false);
        return true;
    }
}

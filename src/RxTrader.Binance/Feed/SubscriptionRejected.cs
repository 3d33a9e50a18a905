using RxTrader.Binance.Wire;
using RxTrader.Core.Connectivity;

namespace RxTrader.Binance.Feed;

/// <summary>The server answered a SUBSCRIBE with an error (e.g. <c>Invalid request: invalid stream</c>).</summary>
/// <remarks>
/// The server rejects the whole request, so every stream it named is removed from the feed's set (they are not
/// resubscribed on reconnects); subscribe the valid ones again if the request mixed valid and invalid names.
/// </remarks>
/// <param name="Time">When the reply arrived (feed scheduler).</param>
/// <param name="Source">The connection.</param>
/// <param name="Streams">The streams of the rejected request that were still in the set, now removed.</param>
/// <param name="Code">The Binance error code.</param>
/// <param name="Message">The server's message.</param>
/// <param name="RequestId">The id the feed sent the SUBSCRIBE with, echoed by the reply.</param>
public sealed record SubscriptionRejected(
    DateTimeOffset Time, string Source, IReadOnlyList<StreamName> Streams, int Code, string Message, long RequestId)
    : ConnectionEvent(Time, Source);

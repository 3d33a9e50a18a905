using RxTrader.Core;

namespace RxTrader.Simulator.Matching;

/// <summary>A cancel (<c>DELETE /api/v3/order</c>) or query (<c>GET /api/v3/order</c>) target.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="OrderId">The order id, or null.</param>
/// <param name="OrigClientOrderId">The order's client id, or null. With <paramref name="OrderId"/>, both must match.</param>
/// <param name="NewClientOrderId">The cancel's own client id (cancel only); generated when null.</param>
/// <param name="Restrictions">The cancel's <c>cancelRestrictions</c> (cancel only).</param>
public sealed record CancelRequest(
    Symbol Symbol,
    long? OrderId = null,
    string? OrigClientOrderId = null,
    string? NewClientOrderId = null,
    CancelRestrictions Restrictions = CancelRestrictions.None);

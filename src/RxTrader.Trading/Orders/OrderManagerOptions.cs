using RxTrader.Core.Orders;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Trading.Orders;

/// <summary>Options of <see cref="OrderManager"/>.</summary>
public sealed record OrderManagerOptions
{
    /// <summary>Delays between queries of an order whose outcome is unknown (attempt n waits <c>BaseDelay(n)</c>).</summary>
    /// <value>Default 100 ms doubling to 5 s; retried until the venue answers.</value>
    public ExponentialBackoff ReconcileBackoff { get; init; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    /// <summary>
    /// How long after its intent an order must be before "no such order" counts as "never placed": a submit still in
    /// flight (or being retried by the venue adapter) may yet arrive. Longer than the venue's receive window.
    /// </summary>
    /// <value>Default 10 s.</value>
    public TimeSpan NotFoundGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Final (terminal or not placed) orders kept in <see cref="OrderManager.Orders"/>; older ones are removed from the cache (the journal keeps them).</summary>
    /// <value>Default 1,024.</value>
    public int RetainFinalOrders { get; init; } = 1024;

    /// <summary>Values a fill's commission in the quote asset, for <see cref="Positions.Position.Fees"/>.</summary>
    /// <value>Default null: the commission as it is (commissions paid in the quote asset).</value>
    public Func<Fill, decimal>? FeeInQuote { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(ReconcileBackoff, nameof(ReconcileBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(NotFoundGracePeriod, TimeSpan.Zero, nameof(NotFoundGracePeriod));
        ArgumentOutOfRangeException.ThrowIfNegative(RetainFinalOrders, nameof(RetainFinalOrders));
    }
}

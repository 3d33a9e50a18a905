namespace RxTrader.Trading.Orders;

/// <summary>Helpers on <see cref="OrderTracking"/>.</summary>
public static class OrderTrackingExtensions
{
    /// <summary>Whether nothing can change the order any more (<see cref="OrderTracking.Terminal"/> or <see cref="OrderTracking.NotPlaced"/>).</summary>
    /// <param name="tracking">The tracking state.</param>
    /// <returns>True for the final states.</returns>
    public static bool IsFinal(this OrderTracking tracking) => tracking is OrderTracking.Terminal or OrderTracking.NotPlaced;
}

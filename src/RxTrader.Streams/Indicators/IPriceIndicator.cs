namespace RxTrader.Streams.Indicators;

/// <summary>An indicator fed one price at a time (usually a close).</summary>
/// <typeparam name="TValue">The indicator value.</typeparam>
public interface IPriceIndicator<out TValue> : IIndicator<TValue>
{
    /// <summary>Adds the next price.</summary>
    /// <param name="value">A finite, non-negative price.</param>
    /// <returns>Whether the indicator is ready after this input (same as <see cref="IIndicator{TValue}.IsReady"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN, infinite or negative; the state is unchanged.</exception>
    bool Update(double value);
}

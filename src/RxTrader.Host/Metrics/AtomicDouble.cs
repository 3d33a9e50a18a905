namespace RxTrader.Host.Metrics;

/// <summary>Lock-free addition to a <see cref="double"/> field.</summary>
internal static class AtomicDouble
{
    /// <summary>Adds <paramref name="value"/> with a compare-and-swap loop.</summary>
    public static void Add(ref double location, double value)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref location, current + value, current);

            // Compare bits, not values: a NaN total never equals itself and would spin forever.
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }
}

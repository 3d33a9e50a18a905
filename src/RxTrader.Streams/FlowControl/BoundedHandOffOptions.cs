namespace RxTrader.Streams.FlowControl;

/// <summary>Options of <see cref="BoundedHandOff.ObserveOnBounded{T}"/>; every value is validated when set.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed record BoundedHandOffOptions<T>
{
    /// <summary>Gets the number of items the queue holds; its buffer is allocated once, at subscription.</summary>
    /// <value>Default <see cref="BoundedHandOff.DefaultCapacity"/> (1000). Must be positive.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int Capacity
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = BoundedHandOff.DefaultCapacity;

    /// <summary>Gets what happens to an item that arrives while the queue is full.</summary>
    /// <value>Default <see cref="OverflowPolicy.DropOldest"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined policy.</exception>
    public OverflowPolicy OverflowPolicy
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined overflow policy.");
            }

            field = value;
        }
    } = OverflowPolicy.DropOldest;

    /// <summary>
    /// Gets how many items one drain delivers before it yields the scheduler, so that one busy hand-off cannot
    /// starve other work on the same scheduler.
    /// </summary>
    /// <value>Default <see cref="BoundedHandOff.DefaultMaxBatchSize"/> (64). Must be positive.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaxBatchSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = BoundedHandOff.DefaultMaxBatchSize;

    /// <summary>Gets the counters to update, so the caller can read them; without it they are kept privately.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public BoundedHandOffStatistics? Statistics { get; init; }

    /// <summary>
    /// Gets a callback told about every item dropped by the overflow policy, e.g. to log which key lost data.
    /// </summary>
    /// <value>Default <see langword="null"/>.</value>
    /// <remarks>
    /// It runs on the producer's thread, right after the drop and outside the hand-off's gate, so it must be short,
    /// non-blocking and should not allocate. If it throws, the hand-off stops accepting items, unsubscribes from the
    /// source and ends with that exception after the queued items. Items discarded by disposal are only counted.
    /// </remarks>
    public Action<HandOffDrop<T>>? OnDrop { get; init; }
}

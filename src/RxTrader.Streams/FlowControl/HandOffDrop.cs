namespace RxTrader.Streams.FlowControl;

/// <summary>One item a bounded hand-off discarded, passed to <see cref="BoundedHandOffOptions{T}.OnDrop"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="Item">The discarded item.</param>
/// <param name="Reason">Why it was discarded.</param>
public readonly record struct HandOffDrop<T>(T Item, HandOffDropReason Reason);

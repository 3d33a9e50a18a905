namespace RxTrader.Streams.FlowControl;

/// <summary>A retry decided by <c>RetryWithBackoff</c>: the source failed and will be subscribed again.</summary>
/// <param name="Attempt">The attempt number, from 1, since the source was last stable.</param>
/// <param name="Delay">How long the operator waits before subscribing again.</param>
/// <param name="Error">The failure that caused the retry.</param>
/// <param name="Time">When the failure was seen, on the operator's scheduler.</param>
public readonly record struct RetryAttempt(int Attempt, TimeSpan Delay, Exception Error, DateTimeOffset Time);

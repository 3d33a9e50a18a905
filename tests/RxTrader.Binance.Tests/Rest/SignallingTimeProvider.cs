using System.Threading.Channels;

namespace RxTrader.Binance.Tests.Rest;

/// <summary>Delegates to another provider and reports the due time of every timer created, after it is armed, so a
/// test can wait until the client is waiting before it advances virtual time.</summary>
internal sealed class SignallingTimeProvider(TimeProvider inner) : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer with the given due time has been created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        while (await _timers.Reader.ReadAsync() != dueTime)
        {
        }
    }
}

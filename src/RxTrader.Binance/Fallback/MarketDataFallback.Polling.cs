using System.Collections.Immutable;
using System.Reactive.Disposables;
using RxTrader.Binance.Rest;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Fallback;

/// <summary>The REST polling loops of REST mode.</summary>
public sealed partial class MarketDataFallback
{
    // Under the gate: one book-ticker loop and one kline loop per symbol, first polls now (scheduled, not inline).
    private void StartPolling()
    {
        var generation = ++_pollGeneration;
        var cancellation = new CancellationTokenSource();
        _pollCancellation = cancellation;
        var timers = new CompositeDisposable();
        foreach (var symbol in _symbols)
        {
            foreach (var klines in (ReadOnlySpan<bool>)[false, true])
            {
                var loop = new PollLoop(symbol, klines, generation, cancellation.Token);
                timers.Add(loop.Timer);
                ScheduleNext(loop, TimeSpan.Zero);
            }
        }

        _polling.Disposable = timers;
    }

    // Under the gate: the generation makes answers and timers of a stopped episode do nothing.
    private void StopPolling()
    {
        _pollGeneration++;
        _polling.Disposable = null;
        if (_pollCancellation is { } cancellation)
        {
            _pollCancellation = null;

            // Not disposed: a poll that passed its check may still be handing the token to the source. Without a
            // timer (no CancelAfter) the source holds no unmanaged resource.
            cancellation.Cancel();
        }
    }

    private void ScheduleNext(PollLoop loop, TimeSpan due) =>
        loop.Timer.Disposable = _scheduler.Schedule(
            (Self: this, Loop: loop),
            due < TimeSpan.Zero ? TimeSpan.Zero : due,
            static (_, state) =>
            {
                state.Self.Poll(state.Loop);
                return Disposable.Empty;
            });

    private void Poll(PollLoop loop)
    {
        DateTimeOffset start;
        lock (_gate)
        {
            if (_stopped || loop.Generation != _pollGeneration)
            {
                return;
            }

            start = _scheduler.Now;
            if (_source.IsBlocked || _source.CurrentMinuteWeight + PollWeight > _options.WeightBudgetPerMinute)
            {
                Statistics.Skipped();
                ScheduleNext(loop, PeriodOf(loop));
                return;
            }

            Statistics.Poll();
        }

        // The call is outside the gate: a source may complete synchronously and re-enter through the continuation.
        try
        {
            if (loop.Klines)
            {
                _ = _source.GetKlinesAsync(loop.Symbol, _options.KlineInterval, KlineLimit, loop.Cancellation).ContinueWith(
                    static (task, state) =>
                    {
                        var (self, pollLoop, started) = ((MarketDataFallback, PollLoop, DateTimeOffset))state!;
                        self.OnKlines(pollLoop, started, task);
                    },
                    (this, loop, start),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
            else
            {
                _ = _source.GetBookTickerAsync(loop.Symbol, loop.Cancellation).ContinueWith(
                    static (task, state) =>
                    {
                        var (self, pollLoop, started) = ((MarketDataFallback, PollLoop, DateTimeOffset))state!;
                        self.OnBookTicker(pollLoop, started, task);
                    },
                    (this, loop, start),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
#pragma warning disable CA1031 // A throwing source is counted like a failed poll; the loop must go on.
        catch (Exception)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                if (!_stopped && loop.Generation == _pollGeneration)
                {
                    Statistics.Faulted();
                    ScheduleNext(loop, start + PeriodOf(loop) - _scheduler.Now);
                }
            }
        }
    }

    private void OnKlines(PollLoop loop, DateTimeOffset start, Task<RestResult<ImmutableArray<Candle>>> task)
    {
        lock (_gate)
        {
            if (!Completed(loop, task, out var result))
            {
                return;
            }

            if (result is RestResult<ImmutableArray<Candle>>.Ok ok)
            {
                var now = _scheduler.Now;
                foreach (var candle in ok.Value)
                {
                    // The exchange's own IsClosed uses its clock; ours decides, so a candle closes once.
                    EmitCandle(candle with { IsClosed = candle.CloseTime < now });
                }
            }

            ScheduleNext(loop, start + PeriodOf(loop) - _scheduler.Now);
        }
    }

    private void OnBookTicker(PollLoop loop, DateTimeOffset start, Task<RestResult<BookTicker>> task)
    {
        lock (_gate)
        {
            if (!Completed(loop, task, out var result))
            {
                return;
            }

            if (result is RestResult<BookTicker>.Ok ok)
            {
                _bookTickers.OnNext(ok.Value);
            }

            ScheduleNext(loop, start + PeriodOf(loop) - _scheduler.Now);
        }
    }

    // Under the gate: false when the episode is over; otherwise counts the outcome (result null when faulted).
    private bool Completed<T>(PollLoop loop, Task<RestResult<T>> task, out RestResult<T>? result)
    {
        result = null;
        if (_stopped || loop.Generation != _pollGeneration)
        {
            return false;
        }

        if (task.IsCompletedSuccessfully && task.Result is { } value)
        {
            result = value;
            Statistics.Outcome(value);
        }
        else
        {
            Statistics.Faulted();
        }

        return true;
    }

    private TimeSpan PeriodOf(PollLoop loop) => loop.Klines ? _options.KlinesPollPeriod : _options.BookTickerPollPeriod;

    private sealed class PollLoop(Symbol symbol, bool klines, long generation, CancellationToken cancellation)
    {
        public Symbol Symbol { get; } = symbol;

        public bool Klines { get; } = klines;

        public long Generation { get; } = generation;

        public CancellationToken Cancellation { get; } = cancellation;

        public SerialDisposable Timer { get; } = new();
    }
}

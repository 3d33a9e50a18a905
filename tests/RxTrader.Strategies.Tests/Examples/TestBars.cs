using System.Reactive;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Testing;

namespace RxTrader.Strategies.Tests.Examples;

/// <summary>Hand-built candles whose close time is the virtual time they are emitted at.</summary>
internal static class TestBars
{
    public static readonly Symbol Symbol = new("BTCUSDT");

    /// <summary>A bar closing at virtual time <paramref name="ticks"/>.</summary>
    public static Candle Bar(long ticks, decimal close, bool isClosed = true)
    {
        // Open and close times coincide: the strategies read only the close time, and tick 0 has no minute before it.
        var time = MarbleTime.At(ticks);
        return new Candle(Symbol, TimeSpan.FromMinutes(1), time, time, close, close, close, close, 1m, close, 1, 0.5m, close / 2, isClosed);
    }

    /// <summary>Closed bars emitted at <paramref name="start"/>, <paramref name="start"/> + 10, ... with the given closes.</summary>
    public static Recorded<Notification<Candle>>[] Bars(long start, params decimal[] closes)
    {
        var bars = new Recorded<Notification<Candle>>[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            var ticks = start + (i * 10);
            bars[i] = ReactiveTest.OnNext(ticks, Bar(ticks, closes[i]));
        }

        return bars;
    }

    /// <summary>The bars followed by <paramref name="end"/>.</summary>
    public static Recorded<Notification<Candle>>[] Then(this Recorded<Notification<Candle>>[] bars, Recorded<Notification<Candle>> end) =>
        [.. bars, end];

    /// <summary>The strategy's input over <paramref name="candles"/>, with trades that are never expected to be subscribed.</summary>
    public static StrategyInput Input(IObservable<Candle> candles, IObservable<ITradeTick>? trades = null) =>
        new(Symbol, candles, trades ?? Observable.Never<ITradeTick>());

    /// <summary>The signals among the outputs, as (virtual time, side, reason).</summary>
    public static List<(long Time, Side Side, string Reason)> Signals(this ITestableObserver<StrategyOutput> observer) =>
        [.. observer.Messages
            .Where(static m => m.Value.Kind == NotificationKind.OnNext && m.Value.Value.Signal is not null)
            .Select(static m => (m.Time, m.Value.Value.Signal!.Side, m.Value.Value.Signal.Reason))];

    /// <summary>The output values, in order.</summary>
    public static List<StrategyOutput> Outputs(this ITestableObserver<StrategyOutput> observer) =>
        [.. observer.Messages.Where(static m => m.Value.Kind == NotificationKind.OnNext).Select(static m => m.Value.Value)];

    /// <summary>The readings' values of one output.</summary>
    public static double?[] Values(this StrategyOutput output) => [.. output.Indicators.Select(static r => r.Value)];
}

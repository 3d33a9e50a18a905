using System.Reactive;
using Microsoft.Reactive.Testing;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Tests.Indicators;

/// <summary>The marble inputs the operator matrices share.</summary>
internal static class OperatorTestData
{
    /// <summary>Ten closes that rise and fall, so every indicator moves.</summary>
    public static readonly decimal[] Closes = [10m, 11m, 10.5m, 12m, 11.5m, 13m, 12.5m, 12m, 14m, 13.5m];

    /// <summary>The closes as closed one-minute candles, 10 ticks apart from <paramref name="from"/>, volumes 1 to 10.</summary>
    public static Recorded<Notification<Candle>>[] ClosedCandles(long from) =>
        [.. Closes.Select((close, i) => ReactiveTest.OnNext(from + (10 * i), TestCandles.Nth(i, close, i + 1)))];

    /// <summary>The closes as prices, 10 ticks apart from <paramref name="from"/>.</summary>
    public static Recorded<Notification<double>>[] Prices(long from) =>
        [.. Closes.Select((close, i) => ReactiveTest.OnNext(from + (10 * i), (double)close))];
}

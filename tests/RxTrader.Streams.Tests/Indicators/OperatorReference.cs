using System.Reactive.Concurrency;
using System.Reactive.Linq;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Tests.Indicators;

/// <summary>Runs an operator over the reference candles (decimal, converted by the operator) and checks its output.</summary>
internal static class OperatorReference
{
    /// <summary>The operator's output over all 1,500 reference candles, synchronously.</summary>
    public static List<T> Run<T>(Func<IObservable<Candle>, IObservable<T>> query)
    {
        var values = new List<T>();
        using var subscription = query(ReferenceFixture.Bars.Select(static b => b.Candle).ToObservable(ImmediateScheduler.Instance))
            .Subscribe(values.Add);
        return values;
    }

    /// <summary>Asserts the values are exactly the reference file's non-empty cells of <paramref name="column"/>, in order.</summary>
    public static void ShouldMatchReference(this IReadOnlyList<double> actual, string file, int column = 0)
    {
        var expected = ReferenceFixture.Values(file).Where(row => row[column].HasValue).Select(row => row[column]!.Value).ToArray();
        actual.Count.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            actual[i].ShouldMatch(expected[i], $"{file} value {i}");
        }
    }
}

using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

/// <summary>Checks every price calculator must pass (the Lean idea of a shared indicator contract).</summary>
internal static class CalculatorContract
{
    /// <summary>Inputs every calculator must reject.</summary>
    public static TheoryData<double> BadInputs => [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.01];

    /// <summary>
    /// Feeds the reference closes and asserts the calculator is ready exactly where the reference has a value (so the
    /// warm-up matches <see cref="IIndicator{TValue}.WarmUpPeriod"/>) and that every value matches.
    /// </summary>
    public static void ShouldMatchReference(this IIndicator<double> indicator, Func<FixtureBar, bool> update, string file)
    {
        var expected = ReferenceFixture.Values(file);
        Array.FindIndex(expected, static row => row[0].HasValue).ShouldBe(indicator.WarmUpPeriod - 1, $"{file}: warm-up");
        for (var i = 0; i < expected.Length; i++)
        {
            var ready = update(ReferenceFixture.Bars[i]);
            ready.ShouldBe(expected[i][0].HasValue, $"{file} bar {i}: ready");
            indicator.IsReady.ShouldBe(ready);
            if (ready)
            {
                indicator.Current.ShouldMatch(expected[i][0]!.Value, $"{file} bar {i}");
            }
        }
    }

    /// <summary>A rejected input throws, names the parameter, and leaves the state as it was.</summary>
    public static void BadInputShouldThrowAndKeepState<T>(Func<IPriceIndicator<T>> create, double bad)
    {
        var (subject, twin) = (create(), create());
        Feed(subject, 0, 40);
        Feed(twin, 0, 40);
        var error = Should.Throw<ArgumentOutOfRangeException>(() => subject.Update(bad));
        error.ParamName.ShouldBe("value");
        error.Message.ShouldContain("finite and non-negative");
        Feed(subject, 40, 20).ShouldBe(Feed(twin, 40, 20));
    }

    /// <summary>After <see cref="IIndicator{TValue}.Reset"/> the calculator behaves as a fresh one.</summary>
    public static void ResetShouldStartOver<T>(Func<IPriceIndicator<T>> create)
    {
        var subject = create();
        Feed(subject, 100, 60);
        subject.Reset();
        subject.IsReady.ShouldBeFalse();
        subject.Current.ShouldBe(default);
        Feed(subject, 0, 60).ShouldBe(Feed(create(), 0, 60));
    }

    /// <summary>Feeds <paramref name="count"/> reference closes from <paramref name="start"/>; returns the values when ready.</summary>
    public static List<T> Feed<T>(IPriceIndicator<T> indicator, int start, int count)
    {
        var values = new List<T>();
        foreach (var bar in ReferenceFixture.Bars.Skip(start).Take(count))
        {
            if (indicator.Update(bar.Close))
            {
                values.Add(indicator.Current);
            }
        }

        return values;
    }
}

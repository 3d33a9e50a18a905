using System.Globalization;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Tests.Indicators;

/// <summary>One input bar of the reference series, as doubles (for calculators) and as a closed candle (for operators).</summary>
internal readonly record struct FixtureBar(double High, double Low, double Close, double Volume, Candle Candle);

/// <summary>
/// Reads the reference data in Fixtures/: a seeded synthetic OHLCV series and each indicator's values computed by the npm
/// package technicalindicators 3.1.0 (scripts/indicator-fixtures/generate.mjs; its README says how to regenerate).
/// </summary>
internal static class ReferenceFixture
{
    /// <summary>The implementation that produced the expected values.</summary>
    public const string Producer = "technicalindicators 3.1.0";

    /// <summary>
    /// Relative tolerance. The calculators repeat the reference's arithmetic in the same order, so every value is in fact
    /// bit-identical today except the Bollinger bands, whose variance sum is reordered for speed (last-place differences).
    /// </summary>
    public const double RelativeTolerance = 1e-9;

    private static readonly Symbol Symbol = new("TESTUSDT");

    /// <summary>The 1,500 input bars.</summary>
    public static IReadOnlyList<FixtureBar> Bars { get; } = [.. Rows("bars").Select(ToBar)];

    /// <summary>An indicator file's values: one row per bar, the columns after the index, null before the first value.</summary>
    public static double?[][] Values(string name) =>
        [.. Rows(name).Select(static cells => cells.Skip(1).Select(static c => c.Length == 0 ? (double?)null : Parse(c)).ToArray())];

    /// <summary>Asserts <paramref name="actual"/> is within <see cref="RelativeTolerance"/> of <paramref name="expected"/>.</summary>
    public static void ShouldMatch(this double actual, double expected, string what) =>
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(
            RelativeTolerance * Math.Abs(expected), $"{what}: {actual:R} vs {Producer} {expected:R}");

    private static IEnumerable<string[]> Rows(string name) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Indicators", "Fixtures", name + ".csv"))
            .Skip(1)
            .Select(static line => line.Split(','));

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static FixtureBar ToBar(string[] c)
    {
        var open = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(c[1], CultureInfo.InvariantCulture));
        var interval = TimeSpan.FromMinutes(1);
        var candle = new Candle(Symbol, interval, open, open + interval - TimeSpan.FromMilliseconds(1),
            Dec(c[2]), Dec(c[3]), Dec(c[4]), Dec(c[5]), Dec(c[6]), 0m, 1, 0m, 0m, IsClosed: true);
        return new FixtureBar(Parse(c[3]), Parse(c[4]), Parse(c[5]), Parse(c[6]), candle);
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

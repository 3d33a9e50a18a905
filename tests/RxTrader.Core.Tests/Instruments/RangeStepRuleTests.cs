using RxTrader.Core.Instruments;

namespace RxTrader.Core.Tests.Instruments;

/// <summary><see cref="PriceFilter.Accepts"/> and <see cref="QuantityFilter.Accepts"/> share one rule: every case
/// runs against both filters.</summary>
public sealed class RangeStepRuleTests
{
    private static readonly (decimal Min, decimal Max, decimal Step, decimal[] Accepted, decimal[] Refused)[] Cases =
    [
        // All parts enabled: both bounds inclusive, the step exact (trailing zeros do not change a value).
        (10m, 100m, 0.01m, [10m, 50.05m, 50.050000m, 100m], [9.99m, 50.005m, 100.01m, 0m, -50m]),
        (0.001m, 9_000m, 0.001m, [0.001m, 1.234m, 9_000m], [0.0009m, 1.2345m, 9_000.001m]),

        // A zero part is disabled, the others still apply.
        (0m, 100m, 0.01m, [0m, 0.01m], [100.01m, 0.005m]),
        (10m, 0m, 0.01m, [1_000_000_000.01m], [9.99m, 1_000_000_000.001m]),
        (10m, 100m, 0m, [50.123456789m], [9.999999m, 100.000001m]),
        (0m, 0m, 0m, [0.000000001m, decimal.MaxValue], []),

        // A step that is not a power of ten: multiples only.
        (0m, 0m, 0.05m, [1.10m, 1.15m], [1.12m]),
        (0m, 0m, 0.5m, [2.5m, 3m], [2.25m]),
    ];

    public static TheoryData<string, decimal, decimal, decimal, decimal[], decimal[]> Rows
    {
        get
        {
            var rows = new TheoryData<string, decimal, decimal, decimal, decimal[], decimal[]>();
            foreach (var filter in (string[])["PRICE_FILTER", "LOT_SIZE"])
            {
                foreach (var (min, max, step, accepted, refused) in Cases)
                {
                    rows.Add(filter, min, max, step, accepted, refused);
                }
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Accepts_RangeAndStep_ZeroDisablesItsPart(
        string filter, decimal min, decimal max, decimal step, decimal[] accepted, decimal[] refused)
    {
        Func<decimal, bool> accepts = filter == "PRICE_FILTER"
            ? new PriceFilter(min, max, step).Accepts
            : new QuantityFilter(min, max, step).Accepts;

        accepted.ShouldAllBe(value => accepts(value));
        refused.ShouldAllBe(value => !accepts(value));
    }
}

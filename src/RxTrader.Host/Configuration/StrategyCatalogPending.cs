// Stand-in for the strategy catalog of RxTrader.Strategies until it lands; removed when the catalog is merged.
#pragma warning disable CS1591, CA1812
namespace RxTrader.Strategies;

public sealed record StrategyDescriptor(string Name, string Summary);

public sealed record StrategySpec(string Name, IReadOnlyDictionary<string, string> Parameters)
{
    public override string ToString() => Name + "(" + string.Join(", ", Parameters.Select(p => p.Key + "=" + p.Value)) + ")";
}

public static class StrategyCatalog
{
    public static IReadOnlyList<StrategyDescriptor> All { get; } =
    [
        new("ema-cross", "Long when the fast EMA crosses above the slow EMA, flat when it crosses below."),
        new("rsi-reversion", "Long when RSI falls below the low threshold, flat when it rises above the high one."),
        new("bollinger-breakout", "Long on a close above the upper band, flat on a close below the middle band."),
    ];

    public static bool TryResolve(string name, IReadOnlyDictionary<string, string> parameters, out StrategySpec? spec, out string? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameters);
        spec = null;
        if (!All.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            error = $"unknown strategy '{name}'; known: {string.Join(", ", All.Select(d => d.Name))}";
            return false;
        }

        foreach (var (key, value) in parameters)
        {
            if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                error = $"parameter '{key}' of '{name}': '{value}' is not a number";
                return false;
            }
        }

        error = null;
        spec = new StrategySpec(name.ToLowerInvariant(), parameters);
        return true;
    }
}

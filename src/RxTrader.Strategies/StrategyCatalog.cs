using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using RxTrader.Strategies.Examples;

namespace RxTrader.Strategies;

/// <summary>The strategies that can be chosen by name and parameters (configuration, command line).</summary>
/// <remarks>
/// Names and parameter names match case-insensitively; values are read in the invariant culture. A strategy written
/// outside the catalog is given to the engine directly as a <c>Func&lt;IStrategy&gt;</c> (see the README).
/// </remarks>
public static class StrategyCatalog
{
    private const int MaxPeriod = 10_000;

    private static readonly StrategyDescriptor EmaCross = new(
        EmaCrossStrategy.CatalogName,
        "Buy when the fast EMA of the closes crosses above the slow EMA, sell when it crosses below.",
        [
            StrategyParameter.Integer("fast", 9, 2, MaxPeriod, "The fast EMA period, in bars; below slow."),
            StrategyParameter.Integer("slow", 21, 2, MaxPeriod, "The slow EMA period, in bars; above fast."),
        ],
        static values => values[0] < values[1] ? null : Conflict(EmaCrossStrategy.CatalogName, "fast", values[0], "below", "slow", values[1]),
        static values => new EmaCrossStrategy((int)values[0], (int)values[1]));

    private static readonly StrategyDescriptor RsiReversion = new(
        RsiReversionStrategy.CatalogName,
        "Buy when the RSI crosses up through the oversold level, sell when it crosses down through the overbought level.",
        [
            StrategyParameter.Integer("period", 14, 2, MaxPeriod, "The RSI period, in bars."),
            StrategyParameter.Number("oversold", 30, 0, 100, maximumExclusive: true, "The oversold level; below overbought."),
            StrategyParameter.Number("overbought", 70, 0, 100, maximumExclusive: true, "The overbought level; above oversold."),
        ],
        static values => values[1] < values[2] ? null : Conflict(RsiReversionStrategy.CatalogName, "oversold", values[1], "below", "overbought", values[2]),
        static values => new RsiReversionStrategy((int)values[0], values[1], values[2]));

    private static readonly StrategyDescriptor BollingerBreakout = new(
        BollingerBreakoutStrategy.CatalogName,
        "Buy when the close breaks above the upper Bollinger band, sell when it then falls back below the middle band.",
        [
            StrategyParameter.Integer("period", 20, 2, MaxPeriod, "The band window (simple moving average and standard deviation), in bars."),
            StrategyParameter.Number("width", 2, 0, 10, maximumExclusive: false, "The distance from the middle to the bands, in standard deviations."),
        ],
        static _ => null,
        static values => new BollingerBreakoutStrategy((int)values[0], values[1]));

    /// <summary>Every catalog strategy, in a fixed order.</summary>
    public static IReadOnlyList<StrategyDescriptor> All { get; } = [EmaCross, RsiReversion, BollingerBreakout];

    /// <summary>Resolves a strategy name and parameters into a <see cref="StrategySpec"/>.</summary>
    /// <param name="name">The strategy name, any case.</param>
    /// <param name="parameters">Parameter values as invariant-culture text, by name (any case); omitted ones take their default.</param>
    /// <param name="spec">The resolved strategy, when the result is true.</param>
    /// <param name="error">Why it failed, naming the offending name, parameter or value, when the result is false.</param>
    /// <returns>Whether <paramref name="name"/> and every parameter are valid.</returns>
    /// <remarks>
    /// Fails on: an unknown name (the error lists the known ones), an unknown parameter (the error lists the valid
    /// ones), a parameter given twice in different cases, a value that does not parse or is out of range (NaN and
    /// infinities included), and a conflict between parameters (for example <c>fast</c> not below <c>slow</c>).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="parameters"/> is null.</exception>
    public static bool TryResolve(
        string name,
        IReadOnlyDictionary<string, string> parameters,
        [NotNullWhen(true)] out StrategySpec? spec,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameters);
        spec = null;
        var descriptor = Find(name.Trim());
        if (descriptor is null)
        {
            error = $"Unknown strategy '{name}'. Known strategies: {string.Join(", ", All.Select(static d => d.Name))}.";
            return false;
        }

        var values = new double[descriptor.Parameters.Count];
        var given = new bool[values.Length];
        foreach (var (key, text) in parameters)
        {
            var index = IndexOf(descriptor, key?.Trim());
            if (index < 0)
            {
                var valid = string.Join(", ", descriptor.Parameters.Select(static p => p.Name));
                error = $"Unknown parameter '{key}' for {descriptor.Name}. Valid parameters: {valid}.";
                return false;
            }

            var parameter = descriptor.Parameters[index];
            if (given[index])
            {
                error = $"Parameter '{parameter.Name}' of {descriptor.Name} is given twice.";
                return false;
            }

            if (!parameter.TryParse(text, out values[index]))
            {
                error = $"Parameter '{parameter.Name}' of {descriptor.Name} must be {parameter.ValidRange}; got '{text}'.";
                return false;
            }

            given[index] = true;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!given[i])
            {
                values[i] = descriptor.Parameters[i].DefaultValue;
            }
        }

        error = descriptor.Validate(values);
        if (error is not null)
        {
            return false;
        }

        spec = new StrategySpec(descriptor, values);
        return true;
    }

    /// <summary>
    /// Resolves the text form <see cref="StrategySpec.ToString"/> writes: a name alone (every default) or
    /// <c>name(key=value,...)</c>, for example <c>ema-cross(fast=5,slow=13)</c>; spaces around the parts are ignored.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="spec">The resolved strategy, when the result is true.</param>
    /// <param name="error">Why it failed, when the result is false.</param>
    /// <returns>Whether the text is well formed and <see cref="TryResolve"/> accepts it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(string text, [NotNullWhen(true)] out StrategySpec? spec, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = null;
        var trimmed = text.Trim();
        var open = trimmed.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return TryResolve(trimmed, new Dictionary<string, string>(), out spec, out error);
        }

        if (trimmed[^1] != ')')
        {
            error = $"Strategy '{text}' must be written name(key=value,...).";
            return false;
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = trimmed[(open + 1)..^1];
        foreach (var part in body.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"Strategy parameter '{part}' in '{text}' must be written key=value.";
                return false;
            }

            var key = part[..equals].Trim();
            if (!parameters.TryAdd(key, part[(equals + 1)..].Trim()))
            {
                error = $"Parameter '{key}' is given twice in '{text}'.";
                return false;
            }
        }

        return TryResolve(trimmed[..open], parameters, out spec, out error);
    }

    private static StrategyDescriptor? Find(string name)
    {
        foreach (var descriptor in All)
        {
            if (string.Equals(descriptor.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return descriptor;
            }
        }

        return null;
    }

    private static int IndexOf(StrategyDescriptor descriptor, string? key)
    {
        for (var i = 0; i < descriptor.Parameters.Count; i++)
        {
            if (string.Equals(descriptor.Parameters[i].Name, key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Conflict(string strategy, string name, double value, string relation, string other, double otherValue) =>
        string.Create(CultureInfo.InvariantCulture, $"Parameter '{name}' of {strategy} must be {relation} '{other}' ({otherValue}); got '{value}'.");
}

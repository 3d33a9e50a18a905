using System.Globalization;

namespace RxTrader.Strategies;

/// <summary>One parameter of a catalog strategy: what it means, its default and the values it accepts.</summary>
/// <remarks>
/// Values are written in the invariant culture. Limits between parameters (for example <c>fast</c> below
/// <c>slow</c>) are in <see cref="Description"/> and checked by <see cref="StrategyCatalog.TryResolve"/>.
/// </remarks>
public sealed record StrategyParameter
{
    private readonly double _minimum;
    private readonly double _maximum;
    private readonly bool _minimumExclusive;
    private readonly bool _maximumExclusive;

    private StrategyParameter(string name, double defaultValue, string description, bool isInteger, double minimum, bool minimumExclusive, double maximum, bool maximumExclusive)
    {
        Name = name;
        DefaultValue = defaultValue;
        Description = description;
        IsInteger = isInteger;
        _minimum = minimum;
        _minimumExclusive = minimumExclusive;
        _maximum = maximum;
        _maximumExclusive = maximumExclusive;
        Default = Format(defaultValue);
        var kind = isInteger ? "an integer" : "a number";
        var low = minimumExclusive ? $"above {Format(minimum)}" : $"from {Format(minimum)}";
        var high = maximumExclusive ? $"below {Format(maximum)}" : $"{(minimumExclusive ? "at most" : "to")} {Format(maximum)}";
        ValidRange = minimumExclusive ? $"{kind} {low} and {high}" : $"{kind} {low} {high}";
    }

    /// <summary>The name, lower case (matched case-insensitively).</summary>
    public string Name { get; }

    /// <summary>The default value, as text.</summary>
    public string Default { get; }

    /// <summary>What the parameter does, and any limit relative to the other parameters.</summary>
    public string Description { get; }

    /// <summary>The accepted values in words, for example <c>an integer from 2 to 10000</c>.</summary>
    public string ValidRange { get; }

    /// <summary>The default value.</summary>
    internal double DefaultValue { get; }

    /// <summary>Whether only whole numbers are accepted.</summary>
    internal bool IsInteger { get; }

    /// <summary>An integer parameter accepting <paramref name="minimum"/> to <paramref name="maximum"/> inclusive.</summary>
    internal static StrategyParameter Integer(string name, int defaultValue, int minimum, int maximum, string description) =>
        new(name, defaultValue, description, isInteger: true, minimum, minimumExclusive: false, maximum, maximumExclusive: false);

    /// <summary>A real parameter above <paramref name="minimum"/> and below (or up to) <paramref name="maximum"/>.</summary>
    internal static StrategyParameter Number(string name, double defaultValue, double minimum, double maximum, bool maximumExclusive, string description) =>
        new(name, defaultValue, description, isInteger: false, minimum, minimumExclusive: true, maximum, maximumExclusive);

    /// <summary>Parses <paramref name="text"/> (invariant culture) and checks the range; NaN and infinities fail.</summary>
    internal bool TryParse(string? text, out double value)
    {
        if (IsInteger)
        {
            var parsed = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer);
            value = integer;
            return parsed && InRange(value);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && InRange(value);
    }

    /// <summary>A value as the invariant text <see cref="StrategySpec"/> shows.</summary>
    internal string Format(double value) =>
        IsInteger ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    // Written so that NaN (every comparison false) is out of range.
    private bool InRange(double value) =>
        (_minimumExclusive ? value > _minimum : value >= _minimum) &&
        (_maximumExclusive ? value < _maximum : value <= _maximum);
}

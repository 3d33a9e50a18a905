using System.Collections.ObjectModel;
using System.Text;

namespace RxTrader.Strategies;

/// <summary>
/// A catalog strategy with every parameter resolved (defaults filled in, all values checked), made by
/// <see cref="StrategyCatalog.TryResolve"/>. <see cref="Create"/> makes one strategy instance per symbol.
/// </summary>
/// <remarks>Two specs are equal when they name the same strategy with the same parameter values.</remarks>
public sealed record StrategySpec
{
    private readonly double[] _values;

    internal StrategySpec(StrategyDescriptor descriptor, double[] values)
    {
        Descriptor = descriptor;
        _values = values;
        var parameters = new Dictionary<string, string>(values.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = descriptor.Parameters[i];
            parameters.Add(parameter.Name, parameter.Format(values[i]));
        }

        Parameters = new ReadOnlyDictionary<string, string>(parameters);
    }

    /// <summary>The catalog name, for example <c>ema-cross</c>.</summary>
    public string Name => Descriptor.Name;

    /// <summary>The strategy's catalog entry.</summary>
    public StrategyDescriptor Descriptor { get; }

    /// <summary>
    /// Every parameter by name (case-insensitive), defaults included, as invariant text; passing them back to
    /// <see cref="StrategyCatalog.TryResolve"/> gives an equal spec.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Creates a NEW strategy instance on each call: one per symbol, as <see cref="IStrategy"/> requires.</summary>
    /// <returns>The strategy.</returns>
    /// <remarks>The method group converts to the <c>Func&lt;IStrategy&gt;</c> factory the engine takes.</remarks>
    public IStrategy Create() => Descriptor.Create(_values);

    /// <inheritdoc/>
    public bool Equals(StrategySpec? other) =>
        other is not null && ReferenceEquals(Descriptor, other.Descriptor) && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Descriptor.Name);
        foreach (var value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>The name and every parameter, for example <c>ema-cross(fast=9,slow=21)</c>; <see cref="StrategyCatalog.TryParse"/> reads it back.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Name).Append('(');
        for (var i = 0; i < _values.Length; i++)
        {
            var parameter = Descriptor.Parameters[i];
            text.Append(i == 0 ? "" : ",").Append(parameter.Name).Append('=').Append(parameter.Format(_values[i]));
        }

        return text.Append(')').ToString();
    }
}

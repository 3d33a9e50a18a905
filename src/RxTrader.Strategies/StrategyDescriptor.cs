namespace RxTrader.Strategies;

/// <summary>A strategy the catalog knows: its name, what it does and its parameters.</summary>
public sealed record StrategyDescriptor
{
    internal StrategyDescriptor(
        string name,
        string summary,
        IReadOnlyList<StrategyParameter> parameters,
        Func<IReadOnlyList<double>, string?> validate,
        Func<IReadOnlyList<double>, IStrategy> create)
    {
        Name = name;
        Summary = summary;
        Parameters = parameters;
        Validate = validate;
        Create = create;
    }

    /// <summary>The catalog name, lower case (matched case-insensitively), for example <c>ema-cross</c>.</summary>
    public string Name { get; }

    /// <summary>What the strategy does, in one line.</summary>
    public string Summary { get; }

    /// <summary>The parameters, in the order <see cref="StrategySpec.ToString"/> writes them.</summary>
    public IReadOnlyList<StrategyParameter> Parameters { get; }

    /// <summary>Checks the limits between parameters (values in <see cref="Parameters"/> order); the error, or null.</summary>
    internal Func<IReadOnlyList<double>, string?> Validate { get; }

    /// <summary>Creates an instance from valid values in <see cref="Parameters"/> order.</summary>
    internal Func<IReadOnlyList<double>, IStrategy> Create { get; }
}

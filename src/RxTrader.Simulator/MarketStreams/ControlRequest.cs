namespace RxTrader.Simulator.MarketStreams;

/// <summary>A parsed control message (binance-wire §1.3): the method text, the params and the id, plus the first
/// problem found while reading it (checked in Binance's order by <see cref="MarketStreamSession"/>).</summary>
internal sealed class ControlRequest
{
    public string? Method { get; set; }

    /// <summary>Column just after the method value (1-based), for the "unknown variant" message.</summary>
    public long MethodEndColumn { get; set; }

    public List<ControlParameter> Parameters { get; } = [];

    public ControlId Id { get; set; }

    /// <summary>The id was present but not an integer, a short alphanumeric string or null.</summary>
    public bool BadId { get; set; }

    /// <summary><c>method</c> was present but not a string.</summary>
    public bool BadMethodType { get; set; }

    /// <summary><c>params</c> was present but not an array.</summary>
    public bool BadParamsType { get; set; }

    /// <summary>The length of the message, for the "missing field" column.</summary>
    public long Length { get; set; }
}

using RxTrader.Core;

namespace RxTrader.Binance.PublicData;

/// <summary>Settings of a <see cref="PublicDataCsvReader"/>.</summary>
public sealed record PublicDataCsvOptions
{
    /// <summary>The symbol stamped on every record (the files do not carry it).</summary>
    /// <value>Required.</value>
    public required Symbol Symbol { get; init; }

    /// <summary>Whether a malformed line after the first data line is skipped and counted
    /// (<see cref="PublicDataCsvReader.SkippedLines"/>) instead of failing the read.</summary>
    /// <value>Default: <see langword="false"/> (a malformed line throws <see cref="PublicDataCsvException"/>).</value>
    public bool SkipMalformedLines { get; init; }
}

namespace RxTrader.Binance.PublicData;

/// <summary>A Binance public-data CSV that cannot be read: an unknown layout or a malformed line.</summary>
/// <remarks>The message names the file, the line (1-based) and, for a malformed value, the column (1-based).</remarks>
public sealed class PublicDataCsvException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public PublicDataCsvException()
        : this("The CSV file cannot be read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public PublicDataCsvException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PublicDataCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a place in a file.</summary>
    /// <param name="source">The file name (or another name of the input).</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="column">The 1-based column, or 0 for the whole line.</param>
    /// <param name="message">What is wrong there.</param>
    public PublicDataCsvException(string source, long line, int column, string message)
        : base(column > 0 ? $"{source}:{line}: column {column}: {message}" : $"{source}:{line}: {message}")
    {
        FileName = source;
        Line = line;
        Column = column;
    }

    /// <summary>The file name (or another name of the input), or empty when unknown.</summary>
    public string FileName { get; } = string.Empty;

    /// <summary>The 1-based line number, or 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>The 1-based column, or 0 for the whole line.</summary>
    public int Column { get; }
}
